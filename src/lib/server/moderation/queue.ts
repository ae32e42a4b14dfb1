import { z } from 'astro/zod';
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { COMMENT_KINDS, MODERATION_STATUSES, ORGANISATION_KINDS, STANCE_STATES } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import type { CommentTable, Database } from '../platform/schema.ts';
import { textMatch } from '../search/queue-text.ts';
import { paragraphOrdinal } from '../comments/planner.ts';
import { idField } from './common.ts';
import { groupsOfRows, inGroup, representativeOrAlone } from './duplicates/queue.ts';
import { inTheme, themesOfRows } from './themes/queue.ts';

/** The moderators' queue: its filter (the page's query), the filtered page of comments, and the lists its forms offer. */

export const PAGE_SIZE = 25;
export const QUEUE_SORTS = ['submitted', '-submitted', 'block', 'organisation', 'status'] as const;
/** The stance filter: no stance yet, or a stance in one of its states. */
export const STANCE_FILTERS = ['none', ...STANCE_STATES] as const;

const optionalId = z.union([z.literal(''), idField]).optional().transform((v) => (v === '' ? undefined : v));
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Absurd values are dropped rather than refused: a filter is a bookmark, not a form to correct. */
export const queueFilterSchema = z.object({
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  block: z.string().regex(/^\d{1,3}\.\d{1,4}$/).optional().catch(undefined),
  organisation: optionalId.catch(undefined),
  orgKind: optionalEnum(ORGANISATION_KINDS),
  kind: optionalEnum(COMMENT_KINDS),
  status: optionalEnum(MODERATION_STATUSES),
  stance: optionalEnum(STANCE_FILTERS),
  /** Withdrawn comments instead of the submitted ones. */
  withdrawn: z.literal('1').optional().catch(undefined),
  assignee: z.union([z.literal('none'), z.literal('me'), idField]).optional().catch(undefined),
  tag: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  late: z.literal('1').optional().catch(undefined),
  hidden: z.literal('1').optional().catch(undefined),
  text: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  /** Comments in one suggested or accepted theme. */
  theme: optionalId.catch(undefined),
  /** Comments in one near-duplicate group. */
  group: optionalId.catch(undefined),
  /** The grouped view: each near-duplicate group as one row (its representative). */
  grouped: z.literal('1').optional().catch(undefined),
  sort: optionalEnum(QUEUE_SORTS),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  return queueFilterSchema.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== '')));
}

/**
 * The queue: submitted comments (or, filtered so, the withdrawn ones), filtered, sorted and
 * paginated on the server, each with its stance's state.
 */
export async function listQueue(db: Db, consultationId: number, filter: QueueFilter, viewerId: number) {
  // Filters on the comments table (organisations and stances through subqueries), so that counting
  // the matches — needed for the pages — reads an index rather than joining every row; the page's
  // 25 rows are joined to their stances afterwards.
  const eb = expressionBuilder<Database & { c: CommentTable }, 'c'>();
  const conditions: Expression<SqlBool>[] = [eb('c.consultation_id', '=', consultationId), eb('c.state', '=', filter.withdrawn ? 'withdrawn' : 'submitted')];
  const where = (condition: Expression<SqlBool>) => conditions.push(condition);
  if (filter.stance === 'none') where(eb.not(eb.exists(eb.selectFrom('stances as sn').select('sn.comment_id').whereRef('sn.comment_id', '=', 'c.id'))));
  else if (filter.stance) where(eb.exists(eb.selectFrom('stances as sf').select('sf.comment_id').whereRef('sf.comment_id', '=', 'c.id').where('sf.state', '=', filter.stance)));
  if (filter.chapter) where(eb('c.chapter_slug', '=', filter.chapter));
  if (filter.block) where(eb('c.block_number', '=', filter.block));
  if (filter.organisation) where(eb('c.organisation_id', '=', filter.organisation));
  if (filter.orgKind) where(eb('c.organisation_id', 'in', eb.selectFrom('organisations').select('id').where('kind', '=', filter.orgKind)));
  if (filter.kind) where(eb('c.kind', '=', filter.kind));
  if (filter.status) where(eb('c.moderation_status', '=', filter.status));
  if (filter.assignee === 'none') where(eb('c.assignee_user_id', 'is', null));
  else if (filter.assignee === 'me') where(eb('c.assignee_user_id', '=', viewerId));
  else if (filter.assignee) where(eb('c.assignee_user_id', '=', filter.assignee));
  if (filter.tag) where(eb.exists(eb.selectFrom('comment_tags as g').select('g.tag').whereRef('g.comment_id', '=', 'c.id').where('g.tag', '=', filter.tag)));
  if (filter.late) where(eb('c.late', '=', 1));
  if (filter.hidden) where(eb('c.hidden', '=', 1));
  if (filter.theme) where(inTheme(eb.ref('c.id'), filter.theme));
  if (filter.group) where(inGroup(eb.ref('c.id'), filter.group));
  else if (filter.grouped) where(representativeOrAlone(eb.ref('c.id')));

  // The text last: for a common word it reads the newest matches that meet the other conditions.
  const text = filter.text ? await textMatch(db, filter.text, eb.and(conditions)) : ({ kind: 'none' } as const);
  // Matching ids drive the query (CROSS JOIN keeps them the outer loop: each looks its comment up by
  // its key, rather than every comment of the consultation being checked against the matches).
  const from =
    text.kind === 'ids'
      ? (db.selectFrom(sql<{ id: number }>`(${text.source})`.as('m')).crossJoin('comments as c').whereRef('c.id', '=', 'm.id') as unknown as ReturnType<typeof comments>)
      : comments();
  function comments() {
    return db.selectFrom('comments as c');
  }
  let query = from.where(eb.and(conditions));
  if (text.kind === 'where') query = query.where(text.condition);
  const total = Number((await query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const capped = text.kind === 'ids' && text.capped;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);

  // The page's ids first, sorted on narrow rows (the organisation joined only to sort by it), then
  // their 25 rows with the texts and names: sorting thousands of matches never copies their texts.
  let ordered = query.innerJoin('organisations as o', 'o.id', 'c.organisation_id').select('c.id');
  switch (filter.sort) {
    case 'submitted':
      ordered = ordered.orderBy('c.submitted_at', 'asc');
      break;
    case 'block':
      ordered = ordered.orderBy('c.chapter_number', (o) => o.asc().nullsFirst()).orderBy(paragraphOrdinal(db, 'c.block_number'), (o) => o.asc().nullsFirst());
      break;
    case 'organisation':
      ordered = ordered.orderBy('o.short_name');
      break;
    case 'status':
      ordered = ordered.orderBy('c.moderation_status');
      break;
    default:
      ordered = ordered.orderBy('c.submitted_at', 'desc');
  }
  const ids = (await ordered.orderBy('c.id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute()).map((r) => r.id);
  const details = ids.length
    ? await db
        .selectFrom('comments as c')
        .leftJoin('stances as s', 's.comment_id', 'c.id')
        .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
        .leftJoin('users as a', 'a.id', 'c.assignee_user_id')
        .select([
          'c.id',
          'c.kind',
          'c.chapter_slug',
          'c.chapter_number',
          'c.block_number',
          'c.body',
          'c.moderation_status',
          'c.submitted_at',
          'c.late',
          'c.hidden',
          'c.received_via',
          'c.state',
          's.state as stance_state',
          'o.name as organisation_name',
          'o.kind as organisation_kind',
          'a.name as assignee_name',
        ])
        .where('c.id', 'in', ids)
        .execute()
    : [];
  const rows = ids.flatMap((id) => details.filter((d) => d.id === id));
  const [tags, groups, themes] = await Promise.all([
    ids.length ? db.selectFrom('comment_tags').select(['comment_id', 'tag']).where('comment_id', 'in', ids).orderBy('tag').execute() : [],
    groupsOfRows(db, ids),
    themesOfRows(db, ids),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, tags: tags.filter((g) => g.comment_id === r.id).map((g) => g.tag), group: groups.get(r.id), themes: themes.get(r.id) ?? [] })),
    total,
    /** More comments match the text than `total` (the newest of them shown). */
    capped,
    page,
    pageCount,
  };
}

/** The tags used on a consultation's comments. */
export async function allTags(db: Db, consultationId: number): Promise<string[]> {
  return (
    // From the tags (few) to their comments, never from the consultation's comments (many) to tags.
    await db
      .selectFrom('comment_tags as g')
      .select('g.tag')
      .distinct()
      .where((eb) => eb.exists(eb.selectFrom('comments as c').select('c.id').whereRef('c.id', '=', 'g.comment_id').where('c.consultation_id', '=', consultationId)))
      .orderBy('g.tag')
      .execute()
  ).map((r) => r.tag);
}
