import { z } from 'astro/zod';
import { expressionBuilder, sql, type RawBuilder } from 'kysely';
import { collator } from '../../../i18n/index.ts';
import { COMMENT_KINDS, ORGANISATION_KINDS } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import type { CommentTable, Database } from '../platform/schema.ts';
import { publicConditions, STANCE_FILTERS, type PublicFilter } from './public-filter.ts';
import { commentsThrough, paragraphOrdinal } from './planner.ts';
import { listPublicComments, type PublicComment } from './queries.ts';

/**
 * Every published comment (submitted, not hidden) of every consultation, as /pripombe lists it:
 * filtered, sorted and paged on the server. The page's 25 ids are read first on narrow rows, then
 * their comments; the count is one indexed count.
 */

export const PUBLIC_LIST_PAGE_SIZE = 25;
export const PUBLIC_LIST_SORTS = ['najnovejse', 'najstarejse', 'odstavek', 'organizacija'] as const;
export type PublicListSort = (typeof PUBLIC_LIST_SORTS)[number];

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const flag = z.literal('1').optional().catch(undefined);

/** The page's query: absurd values are dropped, never refused (a filter is a bookmark). */
export const publicListQuery = z.object({
  posvetovanje: slug,
  organizacija: slug,
  tip: oneOf(ORGANISATION_KINDS),
  zveza: slug,
  poglavje: slug,
  odstavek: z.string().regex(/^\d{1,3}\.\d{1,4}$/).optional().catch(undefined),
  vrsta: oneOf(COMMENT_KINDS),
  stalisce: oneOf(STANCE_FILTERS),
  zamuda: flag,
  priloga: flag,
  razvrsti: oneOf(PUBLIC_LIST_SORTS),
  stran: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

export function parsePublicListQuery(params: URLSearchParams): PublicListQuery {
  const first: Record<string, string> = {};
  for (const [name, value] of params) if (value !== '' && !(name in first)) first[name] = value;
  return publicListQuery.parse(first);
}

export interface PublicListPage {
  /** The query as applied: what could not be found or made sense of dropped (links keep this). */
  query: PublicListQuery;
  total: number;
  page: number;
  pageCount: number;
  comments: PublicComment[];
}

/** The slugs of the query as ids; a slug nothing answers to is dropped from the query. */
async function resolve(db: Db, query: PublicListQuery): Promise<{ query: PublicListQuery; filter: PublicFilter }> {
  const q = { ...query };
  const filter: PublicFilter = { organisationKind: q.tip, kind: q.vrsta, stance: q.stalisce, late: q.zamuda ? true : undefined, attachment: !!q.priloga || undefined };
  const idOf = async (table: 'consultations' | 'organisations', value: string | undefined, kind?: 'association') => {
    if (!value) return undefined;
    let lookup = db.selectFrom(table as 'organisations').select('id').where('slug', '=', value);
    if (kind) lookup = lookup.where('kind', '=', kind);
    return (await lookup.executeTakeFirst())?.id;
  };
  filter.consultationId = await idOf('consultations', q.posvetovanje);
  if (filter.consultationId === undefined) q.posvetovanje = undefined;
  filter.organisationId = await idOf('organisations', q.organizacija);
  if (filter.organisationId === undefined) q.organizacija = undefined;
  filter.associationId = await idOf('organisations', q.zveza, 'association');
  if (filter.associationId === undefined) q.zveza = undefined;
  // A chapter and a paragraph mean something only within one consultation.
  if (filter.consultationId === undefined) {
    q.poglavje = undefined;
    q.odstavek = undefined;
  }
  filter.chapter = q.poglavje;
  filter.paragraph = q.odstavek;
  return { query: q, filter };
}

/**
 * A page in organisation order (Slovenian: Č after C, Š after S), without sorting every match: the
 * matches counted per organisation (one pass over the index), the organisations walked in order to
 * the page's offset, and only the one or two organisations the page falls on read, each newest first
 * by its own index.
 */
async function idsByOrganisation(db: Db, where: RawBuilder<unknown>, index: string, page: (total: number) => { offset: number; limit: number }) {
  const counts = await sql<{ organisation_id: number; n: number }>`select c.organisation_id, count(*) as n from ${commentsThrough(db, index)} where ${where} group by c.organisation_id`.execute(db);
  const per = new Map(counts.rows.map((r) => [r.organisation_id, Number(r.n)]));
  const total = [...per.values()].reduce((a, b) => a + b, 0);
  const names = per.size ? await db.selectFrom('organisations').select(['id', 'short_name']).where('id', 'in', [...per.keys()]).execute() : [];
  names.sort((a, b) => collator.compare(a.short_name, b.short_name) || a.id - b.id);
  let { offset: skip, limit: left } = page(total);
  const ids: number[] = [];
  for (const { id } of names) {
    if (left <= 0) break;
    const n = per.get(id)!;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const rows = await sql<{ id: number }>`select c.id from ${commentsThrough(db, 'comments_public_organisation')}
      where c.organisation_id = ${id} and ${where} order by c.submitted_at desc, c.id desc limit ${Math.min(left, n - skip)} offset ${skip}`.execute(db);
    ids.push(...rows.rows.map((r) => r.id));
    left -= rows.rows.length;
    skip = 0;
  }
  return { total, ids };
}

/**
 * The index a list reads (SQLite, without statistics, would take the older (state, submitted_at)
 * index and visit every row for `hidden`): one organisation's, one place's, one consultation's or
 * every public comment's, each in submission order (migration 0020).
 */
function indexFor(filter: PublicFilter): string {
  if (filter.organisationId !== undefined) return 'comments_public_organisation';
  if (filter.chapter) return 'comments_public_place';
  return filter.consultationId !== undefined ? 'comments_public_consultation' : 'comments_public_newest';
}

function orderFor(db: Db, sort: Exclude<PublicListSort, 'organizacija'>) {
  switch (sort) {
    case 'najstarejse':
      return sql`c.submitted_at asc, c.id asc`;
    case 'odstavek':
      return sql`c.consultation_id, c.chapter_number is null, c.chapter_number, c.block_number is not null, ${paragraphOrdinal(db, 'c.block_number')}, c.submitted_at desc, c.id desc`;
    default:
      return sql`c.submitted_at desc, c.id desc`;
  }
}

export async function publicListPage(db: Db, asked: PublicListQuery): Promise<PublicListPage> {
  const { query, filter } = await resolve(db, asked);
  const sort = query.razvrsti ?? 'najnovejse';
  const conditions = [sql`c.state = 'submitted'`, sql`c.hidden = 0`, ...publicConditions(expressionBuilder<Database & { c: CommentTable }, 'c'>(), filter, { indexed: false })];
  const where = sql`${sql.join(conditions, sql` and `)}`;
  const index = indexFor(filter);
  const paging = (total: number) => {
    const pageCount = Math.max(1, Math.ceil(total / PUBLIC_LIST_PAGE_SIZE));
    const page = Math.min(query.stran ?? 1, pageCount);
    return { page, pageCount, offset: (page - 1) * PUBLIC_LIST_PAGE_SIZE, limit: PUBLIC_LIST_PAGE_SIZE };
  };
  let total: number;
  let ids: number[];
  if (sort === 'organizacija') ({ total, ids } = await idsByOrganisation(db, where, index, paging));
  else {
    const from = sql`${commentsThrough(db, index)} where ${where}`;
    total = Number((await sql<{ n: number }>`select count(*) as n from ${from}`.execute(db)).rows[0]?.n ?? 0);
    const { offset, limit } = paging(total);
    ids = total === 0 ? [] : (await sql<{ id: number }>`select c.id from ${from} order by ${orderFor(db, sort)} limit ${limit} offset ${offset}`.execute(db)).rows.map((r) => r.id);
  }
  const { page, pageCount } = paging(total);
  const found = new Map((await listPublicComments(db, { ids })).map((c) => [c.id, c]));
  return { query: { ...query, stran: page > 1 ? page : undefined }, total, page, pageCount, comments: ids.flatMap((id) => found.get(id) ?? []) };
}
