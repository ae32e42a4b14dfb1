import { findChapter } from '../content/content.ts';
import { findConsultationById } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { consultationModerators } from '../consultations/moderators.ts';

/** The read model of one comment's moderation page. */

/** The consultation a submitted comment belongs to; undefined for a draft, a withdrawn comment or none. */
export async function consultationOfComment(db: Db, commentId: number): Promise<number | undefined> {
  return (await db.selectFrom('comments').select('consultation_id').where('id', '=', commentId).where('state', '=', 'submitted').executeTakeFirst())?.consultation_id;
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
    .where('c.state', '=', 'submitted')
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
    db
      .selectFrom('audit_log as l')
      .leftJoin('users as u', 'u.id', 'l.actor_user_id')
      .select(['l.id', 'l.action', 'l.before_json', 'l.after_json', 'l.created_at', 'u.name as actor_name'])
      .where('l.target_type', '=', 'comment')
      .where('l.target_id', '=', String(commentId))
      .orderBy('l.id', 'desc')
      .execute(),
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

/**
 * The page: the comment with everything around it, the paragraph with its neighbours as the
 * comment's version has them, and the moderators it can be assigned to; undefined if not submitted.
 */
export async function moderationPage(db: Db, commentId: number) {
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
  return { ...detail, consultation: consultation!, context, quoteChanged, moderators: await consultationModerators(db, c.consultation_id) };
}
export type ModerationPage = NonNullable<Awaited<ReturnType<typeof moderationPage>>>;
