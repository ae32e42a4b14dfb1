import { sql } from 'kysely';
import { fail, ok, type Result } from '../../result.ts';
import { findConsultation, findConsultationById, type Consultation } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { OPEN_DATA_LIMIT, toOpenDataItem, type OpenDataItem, type OpenDataQuery } from './open-data.ts';
import { unindexed } from './planner.ts';
import { publicConditions } from './public-filter.ts';
import { listPublicComments } from './queries.ts';
import { attachmentsByComment } from '../attachments/queries.ts';

/**
 * The open data a page at a time (cursor paging) and as one stream (the exports), at any scale: each
 * page reads only its rows by keyset on an index (migration 0013), never an `IN` over every id and
 * never the whole result in memory.
 *
 * Order: by id (ids never change, a new comment gets a greater one, so it lands on a later page and
 * nothing repeats). With `since`: by (changedAt, id), changedAt being when the comment's public data
 * last changed; a comment that changes while a harvester pages moves behind the cursor and comes
 * again later (keep the last copy of each id).
 */

/** The query's filters: the names the API and its links use (OPEN_DATA_FILTERS). */
export const OPEN_DATA_FILTERS = ['consultation', 'chapter', 'status', 'organisation', 'organisationKind', 'association', 'block', 'kind', 'late', 'hasAttachment', 'since'] as const;

export type OpenDataFilter = Pick<OpenDataQuery, 'consultation' | 'chapter' | 'status' | 'organisation' | 'organisationKind' | 'association' | 'block' | 'kind' | 'late' | 'hasAttachment'> & {
  /** ISO 8601 UTC (normalised by `parseSince`): only comments whose public data changed at or after it. */
  since?: string;
};

/** Where a page ends: the last item's sort position. */
export interface OpenDataPosition {
  id: number;
  /** Set when paging by changedAt (`since`). */
  changedAt?: string;
}

export interface OpenDataOptions {
  baseUrl: string;
  /** The consultation's current draft version: where each comment stands now. */
  currentVersionId: (consultation: Consultation) => Promise<string | undefined>;
}

export interface OpenDataPage {
  items: OpenDataItem[];
  /** The cursor of the next page; null on the last. */
  next: string | null;
}

/** `?after=`: base64url of the last item's position (`[id]`, or `[changedAt, id]` when paging with since). */
export function encodeCursor(position: OpenDataPosition): string {
  return Buffer.from(JSON.stringify(position.changedAt ? [position.changedAt, position.id] : [position.id])).toString('base64url');
}

/** A cursor back to a position; undefined for anything this API did not hand out (or from the other ordering). */
export function decodeCursor(cursor: string, withSince: boolean): OpenDataPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== (withSince ? 2 : 1)) return undefined;
  const id = value[value.length - 1];
  if (!Number.isSafeInteger(id) || id < 0) return undefined;
  if (!withSince) return { id };
  const changedAt = value[0];
  return typeof changedAt === 'string' && ISO_UTC.test(changedAt) ? { id, changedAt } : undefined;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** `?since=`: an ISO 8601 instant with its offset ("2026-12-01T08:00:00Z", "…+01:00") as UTC; undefined if it is not one. */
export function parseSince(value: string): string | undefined {
  if (!ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

interface Resolved {
  consultationId?: number;
  organisationIds?: number[];
  /** -1 for a code nothing answers to: no comments, as for an unknown organisation. */
  associationId?: number;
}

async function resolve(db: Db, filter: OpenDataFilter): Promise<Result<Resolved>> {
  const resolved: Resolved = {};
  if (filter.consultation) {
    const found = await findConsultation(db, filter.consultation);
    if (!found) return fail('not_found', (t) => t.comments.openData.unknownConsultation(filter.consultation!));
    resolved.consultationId = found.id;
  }
  if (filter.organisation) {
    const code = filter.organisation;
    const rows = await db.selectFrom('organisations').select('id').where((eb) => eb.or([eb('code', '=', code), eb('slug', '=', code)])).execute();
    resolved.organisationIds = rows.map((r) => r.id);
  }
  if (filter.association) {
    const code = filter.association;
    const row = await db.selectFrom('organisations').select('id').where('kind', '=', 'association').where((eb) => eb.or([eb('code', '=', code), eb('slug', '=', code)])).executeTakeFirst();
    resolved.associationId = row?.id ?? -1;
  }
  return ok(resolved);
}

/** The positions of up to `limit` public comments after `after`, in the filter's order (one indexed range read). */
async function positions(db: Db, filter: OpenDataFilter, resolved: Resolved, after: OpenDataPosition | undefined, limit: number) {
  let query = db
    .selectFrom('comments as c')
    .select(['c.id', 'c.consultation_id', 'c.public_changed_at']);
  // Every comment by id: the unary plus keeps SQLite (which has no statistics) from reading an index
  // on state and sorting every public comment; it walks the rowid from the cursor instead. Within a
  // consultation or an organisation, or by changedAt, the indexes that lead with them serve.
  const byRowid = !filter.since && resolved.consultationId === undefined && !resolved.organisationIds;
  query = byRowid
    ? query.where(unindexed<string>(db, 'c.state'), '=', 'submitted').where(sql<number>`+c.hidden`, '=', 0)
    : query.where('c.state', '=', 'submitted').where('c.hidden', '=', 0);
  if (resolved.consultationId !== undefined) query = query.where('c.consultation_id', '=', resolved.consultationId);
  if (resolved.organisationIds) query = query.where('c.organisation_id', 'in', resolved.organisationIds.length ? resolved.organisationIds : [-1]);
  if (filter.chapter) query = query.where('c.chapter_slug', '=', filter.chapter);
  if (filter.status) query = query.where('c.moderation_status', '=', filter.status);
  // The list's other filters (issue 16), shared with /pripombe; an organisation kind's or an
  // association's organisations are checked on each row, never drive the read (its order is the index's).
  const shared = { organisationKind: filter.organisationKind, associationId: resolved.associationId, paragraph: filter.block, kind: filter.kind, late: filter.late === undefined ? undefined : filter.late === 'true', attachment: !!filter.hasAttachment };
  query = query.where((eb) => eb.and(publicConditions(eb as never, shared, { indexed: false })));
  if (filter.since) {
    // After a position at or past `since`, the position alone bounds the range: a row value, so
    // SQLite continues the index (…, public_changed_at, rowid) right after it.
    if (after?.changedAt && after.changedAt >= filter.since) query = query.where(sql<boolean>`(c.public_changed_at, c.id) > (${after.changedAt}, ${after.id})`);
    else query = query.where('c.public_changed_at', '>=', filter.since);
    query = query.orderBy('c.public_changed_at').orderBy('c.id');
  } else {
    // Always a range on the id (from 0 on the first page): the rowid or, within a consultation, the
    // rowid inside comments_open_data — never a sort of every comment.
    query = query.where('c.id', '>', after?.id ?? 0).orderBy('c.id');
  }
  return query.limit(limit).execute();
}

/**
 * One page: up to `limit` items after the cursor's position. `not_found` for an unknown
 * consultation. The cursor must already be decoded (`decodeCursor`).
 */
export async function openDataPage(db: Db, filter: OpenDataFilter, page: { after?: OpenDataPosition; limit?: number }, options: OpenDataOptions): Promise<Result<OpenDataPage>> {
  const resolved = await resolve(db, filter);
  if (!resolved.ok) return resolved;
  return ok(await readPage(db, filter, resolved.value, page.after, page.limit ?? OPEN_DATA_LIMIT.default, options, new Map()));
}

async function readPage(
  db: Db,
  filter: OpenDataFilter,
  resolved: Resolved,
  after: OpenDataPosition | undefined,
  limit: number,
  options: OpenDataOptions,
  versions: Map<number, string | undefined>,
): Promise<OpenDataPage> {
  // One more than asked, to know whether there is a next page.
  const rows = await positions(db, filter, resolved, after, limit + 1);
  const shown = rows.slice(0, limit);
  // The items, consultation by consultation (each placed in its own current draft), by id.
  const byConsultation = new Map<number, number[]>();
  for (const r of shown) byConsultation.set(r.consultation_id, [...(byConsultation.get(r.consultation_id) ?? []), r.id]);
  const found = new Map<number, OpenDataItem>();
  for (const [consultationId, ids] of byConsultation) {
    if (!versions.has(consultationId)) {
      const consultation = await findConsultationById(db, consultationId);
      versions.set(consultationId, consultation && (await options.currentVersionId(consultation)));
    }
    const comments = await listPublicComments(db, { ids, consultationId, currentVersionId: versions.get(consultationId) });
    const files = await attachmentsByComment(db, ids);
    for (const c of comments) found.set(c.id, toOpenDataItem(c, options.baseUrl, files.get(c.id)));
  }
  // A comment hidden or withdrawn between the two reads is left out.
  const items = shown.flatMap((r) => found.get(r.id) ?? []);
  const last = shown.at(-1);
  const next = rows.length > limit && last ? encodeCursor({ id: last.id, changedAt: filter.since ? last.public_changed_at! : undefined }) : null;
  return { items, next };
}

/** How many comments the export reads at a time. */
export const EXPORT_CHUNK = 500;

/**
 * Every item the filter selects, in the API's order, read `EXPORT_CHUNK` at a time; between chunks
 * it lets other requests be answered. `not_found` for an unknown consultation.
 */
export async function openDataStream(db: Db, filter: OpenDataFilter, options: OpenDataOptions, chunk = EXPORT_CHUNK): Promise<Result<AsyncGenerator<OpenDataItem, void, undefined>>> {
  const resolved = await resolve(db, filter);
  if (!resolved.ok) return resolved;
  const versions = new Map<number, string | undefined>();
  async function* items() {
    let after: OpenDataPosition | undefined;
    for (;;) {
      const page = await readPage(db, filter, resolved.ok ? resolved.value : {}, after, chunk, options, versions);
      yield* page.items;
      if (!page.next) return;
      after = decodeCursor(page.next, !!filter.since);
      await new Promise((done) => setImmediate(done));
    }
  }
  return ok(items());
}
