import { z } from 'astro/zod';
import { sql } from 'kysely';
import { COMMENT_KINDS, MODERATION_STATUSES, ORGANISATION_KINDS, STANCE_STATES } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import { commentMatches } from '../search/queue-text.ts';
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
  let query = db
    .selectFrom('comments as c')
    .where('c.consultation_id', '=', consultationId)
    .where('c.state', '=', filter.withdrawn ? 'withdrawn' : 'submitted');
  if (filter.stance === 'none') query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('stances as sn').select('sn.comment_id').whereRef('sn.comment_id', '=', 'c.id'))));
  else if (filter.stance) {
    const state = filter.stance;
    query = query.where((eb) => eb.exists(eb.selectFrom('stances as sf').select('sf.comment_id').whereRef('sf.comment_id', '=', 'c.id').where('sf.state', '=', state)));
  }
  if (filter.chapter) query = query.where('c.chapter_slug', '=', filter.chapter);
  if (filter.block) query = query.where('c.block_number', '=', filter.block);
  if (filter.organisation) query = query.where('c.organisation_id', '=', filter.organisation);
  if (filter.orgKind) {
    const kind = filter.orgKind;
    query = query.where('c.organisation_id', 'in', (eb) => eb.selectFrom('organisations').select('id').where('kind', '=', kind));
  }
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.status) query = query.where('c.moderation_status', '=', filter.status);
  if (filter.assignee === 'none') query = query.where('c.assignee_user_id', 'is', null);
  else if (filter.assignee === 'me') query = query.where('c.assignee_user_id', '=', viewerId);
  else if (filter.assignee) query = query.where('c.assignee_user_id', '=', filter.assignee);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb) => eb.exists(eb.selectFrom('comment_tags as g').select('g.tag').whereRef('g.comment_id', '=', 'c.id').where('g.tag', '=', tag)));
  }
  if (filter.late) query = query.where('c.late', '=', 1);
  if (filter.hidden) query = query.where('c.hidden', '=', 1);
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) => commentMatches(eb.ref('c.id'), text));
  }
  if (filter.theme) {
    const theme = filter.theme;
    query = query.where((eb) => inTheme(eb.ref('c.id'), theme));
  }
  if (filter.group) {
    const group = filter.group;
    query = query.where((eb) => inGroup(eb.ref('c.id'), group));
  } else if (filter.grouped) query = query.where((eb) => representativeOrAlone(eb.ref('c.id')));

  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);

  let ordered = query
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
  ]);
  switch (filter.sort) {
    case 'submitted':
      ordered = ordered.orderBy('c.submitted_at', 'asc');
      break;
    case 'block':
      ordered = ordered.orderBy('c.chapter_number').orderBy(sql`cast(substr(c.block_number, instr(c.block_number, '.') + 1) as integer)`);
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
  const rows = await ordered.orderBy('c.id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute();
  const ids = rows.map((r) => r.id);
  const [tags, groups, themes] = await Promise.all([
    ids.length ? db.selectFrom('comment_tags').select(['comment_id', 'tag']).where('comment_id', 'in', ids).orderBy('tag').execute() : [],
    groupsOfRows(db, ids),
    themesOfRows(db, ids),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, tags: tags.filter((g) => g.comment_id === r.id).map((g) => g.tag), group: groups.get(r.id), themes: themes.get(r.id) ?? [] })),
    total,
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
