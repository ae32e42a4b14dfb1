import { z } from 'astro/zod';
import { sql, type Kysely } from 'kysely';
import { collator, t } from '../../../i18n/index.ts';
import { can, type Actor } from '../accounts/access.ts';
import { windowRefusal, type ConsultationWindow, type WindowLookup } from './consultation-window.ts';
import type { Db } from '../platform/db.ts';
import { failure, parseForm, type FormFailure } from '../web/forms.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import type { AnchorStatus } from '../content/anchoring.ts';
import type { CommentKind, Database, JointStatus } from '../platform/schema.ts';

/**
 * Comments: drafts inside an organisation, submission in the consultation window, withdrawal,
 * co-signing and joint positions. The caller resolves the text a comment is about (content.ts) and
 * passes it in as an anchor, so this module needs no content and is tested over SQLite alone.
 */

export const MAX_BODY = 10_000;
/** How many of a block's comments a chapter page shows in place; the block page lists them all. */
export const COMMENTS_IN_PLACE = 3;
/** Comments per page on a block page. */
export const COMMENTS_PER_PAGE = 20;
export const MAX_RATIONALE = 5_000;

export type { ConsultationWindow, WindowLookup } from './consultation-window.ts';

export interface CommentAnchor {
  window: ConsultationWindow;
  scope: 'block' | 'chapter' | 'draft';
  chapter?: { slug: string; number: number };
  block?: { key: string; number: string; fingerprint: string; text: string };
}

export type CommentActor = Actor & { organisationKind: string };

const m = t.comments;

function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, { error: tooLong }))
    .transform((v) => (v === '' ? null : v));
}

export const commentSchema = z
  .object({
    kind: z.enum(['comment', 'amendment', 'question'], { error: m.errors.kindRequired }),
    body: z
      .string({ error: m.errors.bodyRequired })
      .transform((v) => v.trim())
      .pipe(z.string().min(1, { error: m.errors.bodyRequired }).max(MAX_BODY, { error: m.errors.bodyTooLong(MAX_BODY) })),
    proposedText: optionalText(MAX_BODY, m.errors.proposedTooLong(MAX_BODY)),
    rationale: optionalText(MAX_RATIONALE, m.errors.rationaleTooLong(MAX_RATIONALE)),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/)
      .optional()
      .catch(undefined),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'amendment' && !value.proposedText) {
      ctx.addIssue({ code: 'custom', path: ['proposedText'], message: m.errors.proposedRequired });
    }
  });

/** The columns that tie a new comment to the text it is about. */
export function anchorColumns(anchor: CommentAnchor) {
  return {
    scope: anchor.scope,
    version_id: anchor.window.versionId,
    chapter_slug: anchor.chapter?.slug ?? null,
    chapter_number: anchor.chapter?.number ?? null,
    block_key: anchor.block?.key ?? null,
    block_number: anchor.block?.number ?? null,
    block_fingerprint: anchor.block?.fingerprint ?? null,
    quote: anchor.block?.text ?? null,
  };
}

export type SaveIntent = 'draft' | 'submit';

export type SaveOutcome =
  | { ok: true; id: number; state: 'draft' | 'submitted'; duplicate: boolean }
  | (FormFailure & { status: 400 | 403 | 409 | 422 });

/** Ids of member municipalities an association names in a joint position, from `onBehalfOf.<id>` boxes. */
function namedMembers(values: Record<string, string>): number[] {
  const ids = Object.keys(values)
    .map((name) => /^onBehalfOf\.(\d{1,9})$/.exec(name)?.[1])
    .filter((id): id is string => !!id)
    .map(Number);
  // "onBehalfOf.7" and "onBehalfOf.007" name one municipality once.
  return [...new Set(ids)];
}

/**
 * Saves a draft or submits a comment on behalf of the actor's organisation. With `commentId` it
 * edits that draft; otherwise the form's idempotency key makes a repeated submission return the
 * comment already stored instead of storing a second one (also when two arrive at once).
 *
 * A new comment belongs to the anchor's version; an existing draft keeps its own, and its version's
 * window (from `windows`) decides whether it may be submitted — whichever page it is posted through.
 */
export async function saveComment(
  db: Db,
  actor: CommentActor,
  anchor: CommentAnchor,
  values: Record<string, string>,
  intent: SaveIntent,
  options: { commentId?: number; now?: Date; windows?: WindowLookup } = {},
): Promise<SaveOutcome> {
  const now = options.now ?? new Date();
  if (!can(actor, 'comment')) return { ...failure({ _form: t.access.notAllowed }, values), status: 403 };
  const parsed = parseForm(commentSchema, values);
  if (!parsed.ok) return { ...parsed, status: 400 };
  const data = parsed.data;
  const windowOfVersion = (versionId: string) => (versionId === anchor.window.versionId ? anchor.window : options.windows?.(versionId));

  const requested = actor.organisationKind === 'association' ? namedMembers(values) : [];
  const members = requested.length
    ? await db
        .selectFrom('association_memberships')
        .select('member_id')
        .where('association_id', '=', actor.organisationId)
        .where('member_id', 'in', requested)
        .execute()
    : [];
  if (members.length !== requested.length) return { ...failure({ onBehalfOf: m.errors.notAMember }, values), status: 400 };

  const stamp = now.toISOString();
  const fields = {
    kind: data.kind as CommentKind,
    body: data.body,
    proposed_text: data.kind === 'amendment' ? data.proposedText : null,
    rationale: data.rationale,
    updated_at: stamp,
    ...(intent === 'submit' ? { state: 'submitted' as const, submitted_at: stamp } : {}),
  };

  const attempt = () => db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    let id = options.commentId;
    if (id === undefined && data.idempotencyKey) {
      const earlier = await trx
        .selectFrom('comments')
        .select(['id', 'organisation_id', 'state'])
        .where('idempotency_key', '=', data.idempotencyKey)
        .executeTakeFirst();
      if (earlier && earlier.organisation_id === actor.organisationId) {
        if (earlier.state !== 'draft') return { ok: true, id: earlier.id, state: 'submitted', duplicate: true };
        id = earlier.id;
      } else if (earlier) {
        return { ...failure({ _form: m.errors.conflict }, values), status: 409 };
      }
    }

    if (id !== undefined) {
      const current = await trx.selectFrom('comments').select(['organisation_id', 'state', 'version_id']).where('id', '=', id).executeTakeFirst();
      if (!current || current.organisation_id !== actor.organisationId) return { ...failure({ _form: t.access.notAllowed }, values), status: 403 };
      if (current.state !== 'draft') return { ...failure({ _form: m.errors.notADraft }, values), status: 409 };
      const refused = intent === 'submit' ? windowRefusal(windowOfVersion(current.version_id), 'submit-draft', now) : undefined;
      if (refused) return { ...failure({ _form: refused }, values), status: 422 };
      await trx.updateTable('comments').set(fields).where('id', '=', id).where('state', '=', 'draft').execute();
      await trx.deleteFrom('joint_position_members').where('comment_id', '=', id).execute();
    } else {
      const refused = intent === 'submit' ? windowRefusal(anchor.window, 'submit', now) : undefined;
      if (refused) return { ...failure({ _form: refused }, values), status: 422 };
      const inserted = await trx
        .insertInto('comments')
        .values({
          ...fields,
          organisation_id: actor.organisationId,
          author_user_id: actor.id,
          ...anchorColumns(anchor),
          created_at: stamp,
          idempotency_key: data.idempotencyKey ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    }
    if (members.length) {
      await trx
        .insertInto('joint_position_members')
        .values(members.map((row) => ({ comment_id: id!, organisation_id: row.member_id })))
        .execute();
    }
    return { ok: true, id: id!, state: intent === 'submit' ? 'submitted' : 'draft', duplicate: false };
  });
  let outcome: SaveOutcome;
  try {
    outcome = await attempt();
  } catch (error) {
    // The same form stored by a request that ran at the same time: answer with that comment.
    if (!isUniqueViolation(error) || !data.idempotencyKey) throw error;
    outcome = await attempt();
  }
  return outcome;
}

export type ActionResult = { ok: true } | { ok: false; message: string; status: 403 | 404 | 409 | 422 };

/** The organisation withdraws its submitted comment; allowed until the window of its version closes. */
export async function withdrawComment(db: Db, actor: CommentActor, commentId: number, windows: WindowLookup, now = new Date()): Promise<ActionResult> {
  if (!can(actor, 'comment')) return { ok: false, message: t.access.notAllowed, status: 403 };
  const comment = await db.selectFrom('comments').select(['organisation_id', 'state', 'version_id']).where('id', '=', commentId).executeTakeFirst();
  if (!comment || comment.organisation_id !== actor.organisationId) return { ok: false, message: t.access.notAllowed, status: 403 };
  if (comment.state !== 'submitted') return { ok: false, message: m.errors.notSubmitted, status: 409 };
  const refused = windowRefusal(windows(comment.version_id), 'withdraw', now);
  if (refused) return { ok: false, message: refused, status: 422 };
  await db
    .updateTable('comments')
    .set({ state: 'withdrawn', withdrawn_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', commentId)
    .where('state', '=', 'submitted')
    .execute();
  return { ok: true };
}

/** Deletes a draft; only drafts, only the author's organisation. */
export async function deleteDraft(db: Db, actor: CommentActor, commentId: number): Promise<ActionResult> {
  if (!can(actor, 'comment')) return { ok: false, message: t.access.notAllowed, status: 403 };
  const result = await db
    .deleteFrom('comments')
    .where('id', '=', commentId)
    .where('organisation_id', '=', actor.organisationId)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? { ok: true } : { ok: false, message: t.access.notAllowed, status: 403 };
}

/**
 * Another organisation co-signs ("Podpiramo") a public comment, or takes its support back — until
 * the window of the comment's version closes. Supporting twice is supporting once.
 */
export async function setSupport(db: Db, actor: CommentActor, commentId: number, support: boolean, windows: WindowLookup, now = new Date()): Promise<ActionResult> {
  if (!can(actor, 'comment')) return { ok: false, message: t.access.notAllowed, status: 403 };
  const comment = await db.selectFrom('comments').select(['organisation_id', 'state', 'hidden', 'version_id']).where('id', '=', commentId).executeTakeFirst();
  if (!comment || comment.state !== 'submitted' || comment.hidden) return { ok: false, message: m.errors.notPublic, status: 404 };
  if (comment.organisation_id === actor.organisationId) return { ok: false, message: m.errors.ownComment, status: 409 };
  const refused = windowRefusal(windows(comment.version_id), 'support', now);
  if (refused) return { ok: false, message: refused, status: 422 };
  if (support) {
    await db
      .insertInto('comment_supports')
      .values({ comment_id: commentId, organisation_id: actor.organisationId, user_id: actor.id, created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('comment_supports').where('comment_id', '=', commentId).where('organisation_id', '=', actor.organisationId).execute();
  }
  return { ok: true };
}

/**
 * A municipality named in a joint position confirms or declines that the association speaks for it,
 * until the window of the comment's version closes.
 */
export async function answerJointPosition(
  db: Db,
  actor: CommentActor,
  commentId: number,
  answer: 'confirmed' | 'declined',
  windows: WindowLookup,
  now = new Date(),
): Promise<ActionResult> {
  if (!can(actor, 'comment')) return { ok: false, message: t.access.notAllowed, status: 403 };
  const comment = await db.selectFrom('comments').select('version_id').where('id', '=', commentId).executeTakeFirst();
  if (!comment) return { ok: false, message: t.access.notAllowed, status: 403 };
  const refused = windowRefusal(windows(comment.version_id), 'answer', now);
  if (refused) {
    // Only someone it names learns anything about the comment.
    const named = await db.selectFrom('joint_position_members').select('comment_id').where('comment_id', '=', commentId).where('organisation_id', '=', actor.organisationId).executeTakeFirst();
    return named ? { ok: false, message: refused, status: 422 } : { ok: false, message: t.access.notAllowed, status: 403 };
  }
  const result = await db
    .updateTable('joint_position_members')
    .set({ status: answer, responded_at: now.toISOString(), responded_by: actor.id })
    .where('comment_id', '=', commentId)
    .where('organisation_id', '=', actor.organisationId)
    .where((eb) => eb.exists(eb.selectFrom('comments').select('id').where('id', '=', commentId).where('state', '=', 'submitted')))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, message: t.access.notAllowed, status: 403 };
  return { ok: true };
}

// ——— Reading ———

export interface ChapterCommentSummary {
  /** Public comments per block key of the current version (those written on older text included). */
  counts: Map<string, number>;
  /** The newest few per block, for showing in place. */
  latest: Map<string, PublicComment[]>;
  /** Comments whose block is no longer in the current version. */
  removed: PublicComment[];
}

/**
 * What a chapter page shows of its comments without loading them all: counts per block, the newest
 * `perBlock` of each, and the comments whose block is gone. Three queries however many comments.
 */
export async function chapterCommentSummary(db: Db, currentVersionId: string, chapterSlug: string, perBlock: number): Promise<ChapterCommentSummary> {
  // Comments written on the current text of this chapter, and older ones anchored into it: two
  // indexed lookups (comments_public_block, comment_anchors_block).
  const placed = sql`
    select c.id as id, c.submitted_at as submitted_at, c.block_key as current_key, c.chapter_slug as current_chapter, 'unchanged' as anchor_status
    from comments c
    where c.version_id = ${currentVersionId} and c.chapter_slug = ${chapterSlug} and c.state = 'submitted' and c.hidden = 0
    union all
    select c.id, c.submitted_at, a.block_key, a.chapter_slug, a.status
    from comment_anchors a join comments c on c.id = a.comment_id
    where a.version_id = ${currentVersionId} and a.chapter_slug = ${chapterSlug} and c.version_id != ${currentVersionId}
      and c.state = 'submitted' and c.hidden = 0`;
  const counts = await sql<{ current_key: string; n: number }>`
    select current_key, count(*) as n from (${placed}) p
    where current_chapter = ${chapterSlug} and anchor_status != 'removed' and current_key is not null
    group by current_key`.execute(db);
  const newest = await sql<{ id: number }>`
    select id from (
      select id, row_number() over (partition by current_key order by submitted_at desc, id desc) as rank
      from (${placed}) p
      where current_chapter = ${chapterSlug} and anchor_status != 'removed' and current_key is not null
    ) ranked where rank <= ${perBlock}`.execute(db);
  const gone = await sql<{ id: number }>`
    select id from (${placed}) p where current_chapter = ${chapterSlug} and anchor_status = 'removed' order by submitted_at limit 200`.execute(db);
  const shown = await listPublicComments(db, { ids: [...newest.rows.map((r) => r.id), ...gone.rows.map((r) => r.id)], currentVersionId, newestFirst: true });
  const latest = new Map<string, PublicComment[]>();
  const removed: PublicComment[] = [];
  for (const c of shown) {
    if (c.anchorStatus === 'removed') removed.push(c);
    else if (c.currentBlockKey) latest.set(c.currentBlockKey, [...(latest.get(c.currentBlockKey) ?? []), c]);
  }
  return { counts: new Map(counts.rows.map((r) => [r.current_key, Number(r.n)])), latest, removed };
}

/** Counts of public comments per block key of a chapter. */
export async function publicCountsByBlock(db: Db, versionId: string, chapterSlug: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['block_key', (eb) => eb.fn.countAll<number>().as('count')])
    .where('version_id', '=', versionId)
    .where('chapter_slug', '=', chapterSlug)
    .where('state', '=', 'submitted')
    .where('hidden', '=', 0)
    .where('block_key', 'is not', null)
    .groupBy('block_key')
    .execute();
  return new Map(rows.map((r) => [r.block_key!, Number(r.count)]));
}

export interface PublicComment {
  id: number;
  kind: CommentKind;
  scope: string;
  versionId: string;
  chapterSlug: string | null;
  chapterNumber: number | null;
  blockKey: string | null;
  blockNumber: string | null;
  quote: string | null;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  submittedAt: string;
  late: boolean;
  status: string;
  response: string | null;
  organisation: { id: number; name: string; shortName: string; kind: string; code: string };
  supporters: Array<{ name: string; code: string }>;
  onBehalfOf: Array<{ name: string; shortName: string; code: string; status: JointStatus }>;
  /** Where the comment stands in the current version (when one was asked for). */
  anchorStatus: AnchorStatus | null;
  currentChapterSlug: string | null;
  currentBlockKey: string | null;
  currentBlockNumber: string | null;
}

export interface PublicCommentFilter {
  versionId?: string;
  chapterSlug?: string;
  blockKey?: string;
  status?: string;
  organisationCode?: string;
  ids?: number[];
  scope?: 'block' | 'chapter' | 'draft';
  limit?: number;
  offset?: number;
  newestFirst?: boolean;
  /** Resolve each comment's place in this version (comments on older versions via their anchors). */
  currentVersionId?: string;
  /** With currentVersionId: only comments whose place now is in this chapter / block. */
  currentChapterSlug?: string;
  currentBlockKey?: string;
}

/** The public comments a filter selects: submitted, not hidden. */
function publicCommentsQuery(db: Kysely<Database>, filter: PublicCommentFilter) {
  const current = filter.currentVersionId ?? '';
  let query = db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('comment_anchors as ca', (join) => join.onRef('ca.comment_id', '=', 'c.id').on('ca.version_id', '=', current))
    .where('c.state', '=', 'submitted')
    .where('c.hidden', '=', 0);
  if (filter.versionId) query = query.where('c.version_id', '=', filter.versionId);
  if (filter.chapterSlug) query = query.where('c.chapter_slug', '=', filter.chapterSlug);
  if (filter.blockKey) query = query.where('c.block_key', '=', filter.blockKey);
  if (filter.status) query = query.where('c.moderation_status', '=', filter.status as never);
  if (filter.organisationCode) query = query.where((eb) => eb.or([eb('o.code', '=', filter.organisationCode!), eb('o.slug', '=', filter.organisationCode!)]));
  if (filter.ids) query = query.where('c.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.scope) query = query.where('c.scope', '=', filter.scope);
  // "Where is it now": a comment on the current version is where it was written; an older one
  // is where its anchor says (and not at all if its block was removed). Two indexed lookups rather
  // than one condition over a join, which would read every comment.
  if (filter.currentChapterSlug || filter.currentBlockKey) {
    const { currentChapterSlug: chapter, currentBlockKey: block } = filter;
    query = query.where('c.id', 'in', (eb) => {
      let written = eb.selectFrom('comments as w').select('w.id').where('w.version_id', '=', current);
      let anchored = eb.selectFrom('comment_anchors as n').select('n.comment_id as id').where('n.version_id', '=', current).where('n.status', '!=', 'removed');
      if (chapter) {
        written = written.where('w.chapter_slug', '=', chapter);
        anchored = anchored.where('n.chapter_slug', '=', chapter);
      }
      if (block) {
        written = written.where('w.block_key', '=', block);
        anchored = anchored.where('n.block_key', '=', block);
      }
      return written.unionAll(anchored);
    });
  }
  return query;
}

export async function countPublicComments(db: Kysely<Database>, filter: PublicCommentFilter = {}): Promise<number> {
  const row = await publicCommentsQuery(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public comments — submitted, not hidden — with organisation, co-signers and joint-position members. */
export async function listPublicComments(db: Kysely<Database>, filter: PublicCommentFilter = {}): Promise<PublicComment[]> {
  let query = publicCommentsQuery(db, filter)
    .select([
      'ca.status as anchor_status',
      'ca.chapter_slug as anchor_chapter_slug',
      'ca.block_key as anchor_block_key',
      'ca.block_number as anchor_block_number',
      'c.id',
      'c.kind',
      'c.scope',
      'c.version_id',
      'c.chapter_slug',
      'c.chapter_number',
      'c.block_key',
      'c.block_number',
      'c.quote',
      'c.body',
      'c.proposed_text',
      'c.rationale',
      'c.submitted_at',
      'c.late',
      'c.moderation_status',
      'c.response',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.short_name as organisation_short_name',
      'o.kind as organisation_kind',
      'o.code as organisation_code',
    ])
    .orderBy('c.submitted_at', filter.newestFirst ? 'desc' : 'asc')
    .orderBy('c.id', filter.newestFirst ? 'desc' : 'asc');
  if (filter.limit) query = query.limit(filter.limit);
  if (filter.offset) query = query.offset(filter.offset);
  const rows = await query.execute();
  if (rows.length === 0) return [];

  // Two queries for all co-signers and joint members, never one per comment.
  const ids = rows.map((r) => r.id);
  const supports = await db
    .selectFrom('comment_supports as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.comment_id', 'o.name', 'o.code'])
    .where('s.comment_id', 'in', ids)
    .orderBy('s.created_at')
    .execute();
  const joint = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .select(['j.comment_id', 'j.status', 'o.name', 'o.short_name', 'o.code'])
    .where('j.comment_id', 'in', ids)
    .execute();
  const group = <T extends { comment_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) map.set(item.comment_id, [...(map.get(item.comment_id) ?? []), item]);
    return map;
  };
  const supportsBy = group(supports);
  const jointBy = group(joint);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    scope: r.scope,
    versionId: r.version_id,
    chapterSlug: r.chapter_slug,
    chapterNumber: r.chapter_number,
    blockKey: r.block_key,
    blockNumber: r.block_number,
    quote: r.quote,
    body: r.body,
    proposedText: r.proposed_text,
    rationale: r.rationale,
    submittedAt: r.submitted_at!,
    late: r.late === 1,
    status: r.moderation_status,
    response: r.response,
    organisation: { id: r.organisation_id, name: r.organisation_name, shortName: r.organisation_short_name, kind: r.organisation_kind, code: r.organisation_code },
    supporters: (supportsBy.get(r.id) ?? []).map((s) => ({ name: s.name, code: s.code })),
    onBehalfOf: (jointBy.get(r.id) ?? [])
      .map((j) => ({ name: j.name, shortName: j.short_name, code: j.code, status: j.status }))
      .sort((a, b) => collator.compare(a.shortName, b.shortName)),
    ...placeNow(r, filter.currentVersionId),
  }));
}

function placeNow(
  r: { version_id: string; chapter_slug: string | null; block_key: string | null; block_number: string | null; anchor_status: AnchorStatus | null; anchor_chapter_slug: string | null; anchor_block_key: string | null; anchor_block_number: string | null },
  currentVersionId: string | undefined,
) {
  if (!currentVersionId) return { anchorStatus: null, currentChapterSlug: r.chapter_slug, currentBlockKey: r.block_key, currentBlockNumber: r.block_number };
  if (r.version_id === currentVersionId) {
    return { anchorStatus: 'unchanged' as const, currentChapterSlug: r.chapter_slug, currentBlockKey: r.block_key, currentBlockNumber: r.block_number };
  }
  return {
    anchorStatus: r.anchor_status ?? ('removed' as const),
    currentChapterSlug: r.anchor_chapter_slug ?? r.chapter_slug,
    currentBlockKey: r.anchor_block_key,
    currentBlockNumber: r.anchor_block_number,
  };
}

/**
 * One comment as a given viewer may see it: public comments for everyone; drafts and withdrawn
 * comments only inside the author's organisation. Undefined when the viewer may not see it.
 */
export async function findCommentForViewer(db: Db, id: number, viewer: { organisationId: number } | null, currentVersionId?: string) {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const own = !!viewer && viewer.organisationId === row.organisation_id;
  const isPublic = row.state === 'submitted' && row.hidden === 0;
  if (!isPublic && !own) return undefined;
  const [full] = isPublic ? await listPublicComments(db, { ids: [id], currentVersionId }) : [];
  return { row, own, isPublic, full };
}

/** An organisation's own comments in every state, newest first. */
export async function organisationComments(db: Db, organisationId: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'kind', 'state', 'chapter_slug', 'chapter_number', 'block_number', 'body', 'created_at', 'updated_at', 'submitted_at', 'withdrawn_at', 'hidden', 'moderation_status', 'version_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Joint positions naming this municipality, with its answer so far. */
export async function jointPositionsNaming(db: Db, organisationId: number) {
  return db
    .selectFrom('joint_position_members as j')
    .innerJoin('comments as c', 'c.id', 'j.comment_id')
    .innerJoin('organisations as a', 'a.id', 'c.organisation_id')
    .select(['c.id', 'c.kind', 'c.body', 'c.version_id', 'c.block_number', 'c.chapter_number', 'c.submitted_at', 'j.status', 'a.name as association_name'])
    .where('j.organisation_id', '=', organisationId)
    .where('c.state', '=', 'submitted')
    .orderBy('c.submitted_at', 'desc')
    .execute();
}

/** Which public comments this organisation supports (for the "Podpiramo" button's state). */
export async function supportedBy(db: Db, organisationId: number, commentIds: number[]): Promise<Set<number>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_supports')
    .select('comment_id')
    .where('organisation_id', '=', organisationId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}
