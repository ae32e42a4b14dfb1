import type { AnchorStatus } from '../../enums.ts';
import { currentVersion, findChapter, findVersion, type DraftVersion } from '../content/content.ts';
import { findConsultationById, type Consultation } from '../consultations/consultations.ts';
import { commentHistory } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { consultationModerators } from '../consultations/moderators.ts';

/** The read model of one comment's moderation page. */

/** What a moderator may open: a submitted comment, or (read-only) one its organisation withdrew. */
const OPEN_STATES = ['submitted', 'withdrawn'] as const;

/** The consultation a submitted or withdrawn comment belongs to; undefined for a draft or none. */
export async function consultationOfComment(db: Db, commentId: number): Promise<number | undefined> {
  return (await db.selectFrom('comments').select('consultation_id').where('id', '=', commentId).where('state', 'in', OPEN_STATES).executeTakeFirst())?.consultation_id;
}

/** Everything a moderator needs on one comment's page. */
export async function moderationDetail(db: Db, commentId: number) {
  const comment = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_user_id')
    .leftJoin('users as r', 'r.id', 'c.recorded_by_user_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind', 'a.name as assignee_name', 'r.name as recorded_by_name'])
    .where('c.id', '=', commentId)
    .where('c.state', 'in', OPEN_STATES)
    .executeTakeFirst();
  if (!comment) return undefined;
  const [tags, notes, history, supporters, joint, siblings] = await Promise.all([
    db.selectFrom('comment_tags').select('tag').where('comment_id', '=', commentId).orderBy('tag').execute(),
    db
      .selectFrom('comment_notes as n')
      .innerJoin('users as u', 'u.id', 'n.author_user_id')
      .select(['n.id', 'n.body', 'n.created_at', 'u.name as author_name'])
      .where('n.comment_id', '=', commentId)
      .orderBy('n.id')
      .execute(),
    commentHistory(db, commentId),
    db
      .selectFrom('comment_supports as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['o.name'])
      .where('s.comment_id', '=', commentId)
      .execute(),
    db
      .selectFrom('joint_position_members as j')
      .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
      .select(['o.short_name', 'j.status'])
      .where('j.comment_id', '=', commentId)
      .execute(),
    comment.block_key
      ? db
          .selectFrom('comments as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select(['c.id', 'c.kind', 'c.moderation_status', 'c.body', 'o.name as organisation_name'])
          .where('c.consultation_id', '=', comment.consultation_id)
          .where('c.version_id', '=', comment.version_id)
          .where('c.block_key', '=', comment.block_key)
          .where('c.state', '=', 'submitted')
          .where('c.id', '!=', commentId)
          .orderBy('c.submitted_at')
          .execute()
      : Promise.resolve([]),
  ]);
  return { comment, tags: tags.map((g) => g.tag), notes, history, supporters: supporters.map((s) => s.name), joint, siblings };
}

export type ModerationDetail = NonNullable<Awaited<ReturnType<typeof moderationDetail>>>;

/** The text a comment was written on, and the same paragraph in the consultation's current version. */
export interface QuoteBeside {
  written: { version: string; block: string | null; text: string };
  /** Absent when the comment was written on the current version. */
  now?: { version: string; block: string | null; text: string | null; status: AnchorStatus };
}

/** The consultation's current version (anchoring older comments to it the first time; tests pass their own). */
type CurrentVersion = (consultation: Consultation) => Promise<DraftVersion | undefined>;

async function quoteBeside(
  db: Db,
  consultation: Consultation,
  c: { id: number; version_id: string; quote: string | null; block_number: string | null },
  current_: CurrentVersion,
): Promise<QuoteBeside | undefined> {
  if (!c.quote) return undefined;
  const [written, current] = await Promise.all([findVersion(consultation.slug, c.version_id), current_(consultation)]);
  const writtenOn = { version: written?.label ?? c.version_id, block: c.block_number, text: c.quote };
  if (!current || current.id === c.version_id) return { written: writtenOn };
  const anchor = await db
    .selectFrom('comment_anchors')
    .select(['status', 'chapter_slug', 'block_key', 'block_number'])
    .where('comment_id', '=', c.id)
    .where('version_id', '=', current.id)
    .executeTakeFirst();
  if (!anchor) return { written: writtenOn };
  const chapter = anchor.status !== 'removed' && anchor.chapter_slug ? await findChapter(consultation.slug, current.id, anchor.chapter_slug) : undefined;
  const block = chapter?.rendered.blocks.find((b) => b.key === anchor.block_key);
  return {
    written: writtenOn,
    now: { version: current.label, block: anchor.status === 'removed' ? null : (block?.number ?? anchor.block_number), text: block?.text ?? null, status: anchor.status },
  };
}

/**
 * The page: the comment with everything around it, the paragraph with its neighbours as the
 * comment's version has them, the quote beside the current text, and the moderators it can be
 * assigned to; undefined for a draft or no comment. A withdrawn comment is read-only (`withdrawn`).
 */
export async function moderationPage(db: Db, commentId: number, current: CurrentVersion = (c) => currentVersion(c)) {
  const detail = await moderationDetail(db, commentId);
  if (!detail) return undefined;
  const c = detail.comment;
  const consultation = await findConsultationById(db, c.consultation_id);
  const chapter = consultation && c.chapter_slug ? await findChapter(consultation.slug, c.version_id, c.chapter_slug) : undefined;
  const blocks = chapter?.rendered.blocks ?? [];
  const position = blocks.findIndex((b) => b.key === c.block_key);
  const context = position >= 0 ? blocks.slice(Math.max(0, position - 1), position + 2) : [];
  /** The paragraph's text now, where it differs from the text the comment quotes. */
  const quoteChanged = position >= 0 && !!c.quote && blocks[position].text !== c.quote;
  const [quote, moderators] = await Promise.all([consultation ? quoteBeside(db, consultation, c, current) : undefined, consultationModerators(db, c.consultation_id)]);
  return { ...detail, consultation: consultation!, context, quoteChanged, quote, withdrawn: c.state === 'withdrawn', moderators };
}
export type ModerationPage = NonNullable<Awaited<ReturnType<typeof moderationPage>>>;
