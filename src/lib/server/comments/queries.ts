import { sql, type Kysely } from 'kysely';
import { collator } from '../../../i18n/index.ts';
import type { CommentKind, CommentScope, JointStatus, ReceivedVia } from '../../enums.ts';
import type { AnchorStatus } from '../content/anchoring.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { config } from '../platform/config.ts';
import { unindexed } from './planner.ts';
import { jointStanding, storedJointDeadline, type JointStanding } from './joint-standing.ts';

/** The public comments — submitted, not hidden — as pages, the report and open data read them. */

/** How many of a block's comments a chapter page shows in place; the block page lists them all. */
export const COMMENTS_IN_PLACE = 3;
/** Comments per page on a block page. */
export const COMMENTS_PER_PAGE = 20;

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
export async function chapterCommentSummary(db: Db, consultationId: number, currentVersionId: string, chapterSlug: string, perBlock: number): Promise<ChapterCommentSummary> {
  // Comments written on the current text of this chapter, and older ones anchored into it: two
  // indexed lookups (comments_public_block, comment_anchors_block).
  const placed = sql`
    select c.id as id, c.submitted_at as submitted_at, c.block_key as current_key, c.chapter_slug as current_chapter, 'unchanged' as anchor_status
    from comments c
    where c.consultation_id = ${consultationId} and c.version_id = ${currentVersionId} and c.chapter_slug = ${chapterSlug} and c.state = 'submitted' and c.hidden = 0
    union all
    select c.id, c.submitted_at, a.block_key, a.chapter_slug, a.status
    from comment_anchors a join comments c on c.id = a.comment_id
    where a.version_id = ${currentVersionId} and a.chapter_slug = ${chapterSlug} and +c.consultation_id = ${consultationId} and c.version_id != ${currentVersionId}
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
  const shown = await listPublicComments(db, { ids: [...newest.rows.map((r) => r.id), ...gone.rows.map((r) => r.id)], consultationId, currentVersionId, newestFirst: true });
  const latest = new Map<string, PublicComment[]>();
  const removed: PublicComment[] = [];
  for (const c of shown) {
    if (c.anchorStatus === 'removed') removed.push(c);
    else if (c.currentBlockKey) latest.set(c.currentBlockKey, [...(latest.get(c.currentBlockKey) ?? []), c]);
  }
  return { counts: new Map(counts.rows.map((r) => [r.current_key, Number(r.n)])), latest, removed };
}

/** Counts of public comments per block key of a chapter. */
export async function publicCountsByBlock(db: Db, consultationId: number, versionId: string, chapterSlug: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['block_key', (eb) => eb.fn.countAll<number>().as('count')])
    .where('consultation_id', '=', consultationId)
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
  consultationId: number;
  /** The consultation's slug. */
  consultation: string;
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
  receivedVia: ReceivedVia;
  status: string;
  response: string | null;
  organisation: { id: number; name: string; shortName: string; kind: string; code: string };
  supporters: Array<{ name: string; code: string }>;
  onBehalfOf: Array<{ name: string; shortName: string; code: string; status: JointStatus }>;
  /** What a joint position says now (joint-standing.ts); null for any other comment. */
  joint: JointStanding | null;
  /** Where the comment stands in the current version (when one was asked for). */
  anchorStatus: AnchorStatus | null;
  currentChapterSlug: string | null;
  currentBlockKey: string | null;
  currentBlockNumber: string | null;
  /** When its public data last changed (open data's `since`). */
  changedAt: string | null;
}

export interface PublicCommentFilter {
  /** Only this consultation's comments; required with versionId or currentVersionId (version ids are per consultation). */
  consultationId?: number;
  versionId?: string;
  chapterSlug?: string;
  blockKey?: string;
  status?: string;
  organisationCode?: string;
  ids?: number[];
  scope?: CommentScope;
  limit?: number;
  offset?: number;
  newestFirst?: boolean;
  /** Resolve each comment's place in this version (comments on older versions via their anchors). */
  currentVersionId?: string;
  /** With currentVersionId: only comments whose place now is in this chapter / block. */
  currentChapterSlug?: string;
  currentBlockKey?: string;
  /** The moment a joint position's standing is read at (default: now). */
  now?: Date;
  /** Keyset paging in id order (report snapshots, exports): comments with a greater id, by id. */
  afterId?: number;
}

/** The public comments a filter selects: submitted, not hidden. */
function publicCommentsQuery(db: Kysely<Database>, filter: PublicCommentFilter) {
  const current = filter.currentVersionId ?? '';
  let query = db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
    .leftJoin('comment_anchors as ca', (join) => join.onRef('ca.comment_id', '=', 'c.id').on('ca.version_id', '=', current))
    // Paging by id reads the table in id order from the cursor; an index on the state would make
    // SQLite collect and sort every submitted comment for each page instead (the unary plus).
    .where(filter.afterId !== undefined ? unindexed<string>(db, 'c.state') : sql<string>`c.state`, '=', 'submitted')
    .where('c.hidden', '=', 0);
  if ((filter.versionId || filter.currentVersionId) && filter.consultationId === undefined) throw new Error('a version is only meaningful within a consultation');
  if (filter.consultationId !== undefined) {
    // With a narrower filter (ids, a chapter, a block), the consultation is checked on the rows that
    // filter finds: the unary plus keeps SQLite from reading every comment of the consultation by
    // its index instead (it has no statistics to know better). A whole consultation uses the index.
    // Keyset paging by id (afterId) reads the table in id order instead, a chunk at a time.
    const narrower = !!(filter.ids || filter.chapterSlug || filter.blockKey || filter.currentChapterSlug || filter.currentBlockKey || filter.afterId !== undefined);
    query = narrower ? query.where(sql<number>`+c.consultation_id`, '=', filter.consultationId) : query.where('c.consultation_id', '=', filter.consultationId);
  }
  if (filter.versionId) query = query.where('c.version_id', '=', filter.versionId);
  if (filter.chapterSlug) query = query.where('c.chapter_slug', '=', filter.chapterSlug);
  if (filter.blockKey) query = query.where('c.block_key', '=', filter.blockKey);
  if (filter.status) query = query.where('c.moderation_status', '=', filter.status as never);
  if (filter.organisationCode) query = query.where((eb) => eb.or([eb('o.code', '=', filter.organisationCode!), eb('o.slug', '=', filter.organisationCode!)]));
  if (filter.ids) query = query.where('c.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.scope) query = query.where('c.scope', '=', filter.scope);
  if (filter.afterId !== undefined) query = query.where('c.id', '>', filter.afterId);
  // "Where is it now": a comment on the current version is where it was written; an older one
  // is where its anchor says (and not at all if its block was removed). Two indexed lookups rather
  // than one condition over a join, which would read every comment.
  if (filter.currentChapterSlug || filter.currentBlockKey) {
    const { currentChapterSlug: chapter, currentBlockKey: block } = filter;
    query = query.where('c.id', 'in', (eb) => {
      let written = eb.selectFrom('comments as w').select('w.id').where('w.consultation_id', '=', filter.consultationId!).where('w.version_id', '=', current);
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
      'c.consultation_id',
      'k.slug as consultation',
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
      'c.joint_deadline',
      'c.received_via',
      'c.public_changed_at',
      'k.status as consultation_status',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.short_name as organisation_short_name',
      'o.kind as organisation_kind',
      'o.code as organisation_code',
    ])
    .$if(filter.afterId === undefined, (q) => q.orderBy('c.submitted_at', filter.newestFirst ? 'desc' : 'asc'))
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
  const now = filter.now ?? new Date();
  return rows.map((r) => {
    const onBehalfOf = (jointBy.get(r.id) ?? [])
      .map((j) => ({ name: j.name, shortName: j.short_name, code: j.code, status: j.status }))
      .sort((a, b) => collator.compare(a.shortName, b.shortName));
    return {
      id: r.id,
      consultationId: r.consultation_id,
      consultation: r.consultation,
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
      receivedVia: r.received_via,
      changedAt: r.public_changed_at,
      status: r.moderation_status,
      response: r.response,
      organisation: { id: r.organisation_id, name: r.organisation_name, shortName: r.organisation_short_name, kind: r.organisation_kind, code: r.organisation_code },
      supporters: (supportsBy.get(r.id) ?? []).map((s) => ({ name: s.name, code: s.code })),
      onBehalfOf,
      // Answers stop when the ministry closes the consultation, whatever the deadline says.
      joint: onBehalfOf.length ? jointStanding(onBehalfOf, storedJointDeadline(r, config.jointDeadlineDays), now, r.consultation_status === 'open') : null,
      ...placeNow(r, filter.currentVersionId),
    };
  });
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
