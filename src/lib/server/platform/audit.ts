import type { Kysely, SelectQueryBuilder } from 'kysely';
import { textStream } from './streams.ts';
import type { Dictionary } from '../../../i18n/index.ts';
import { formatDateTimePlain } from '../../../i18n/format.ts';
import { changeLine, readableEntry, referencedIds, type AuditNames, type AuditRecord } from '../../audit-text.ts';
import { ljubljanaDayBounds } from '../../time.ts';
import { csvCell } from './csv.ts';
import type { Database } from './schema.ts';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/**
 * Appends to the audit log. Call it inside the transaction that makes the change, so the log and
 * the data never disagree. The table refuses updates and deletes (triggers in the migration).
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId === undefined ? null : String(entry.targetId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  /** Who acted: part of their e-mail address or name. */
  who?: string;
  /** Ljubljana calendar days, "2027-02-03": from the start of `from` to the end of `to`. */
  from?: string;
  to?: string;
  /** Entries about this comment. */
  commentId?: number;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;
/** Rows per query when the CSV is written: the log is never read whole into memory. */
export const AUDIT_CSV_PAGE = 500;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

type Filterable = SelectQueryBuilder<Database & { a: Database['audit_log']; u: Database['users'] }, 'a' | 'u', object>;

function filtered(db: Kysely<Database>, filter: AuditFilter): Filterable {
  let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id') as unknown as Filterable;
  if (filter.action) query = query.where('a.action', '=', filter.action);
  const who = filter.who?.trim();
  if (who) {
    const pattern = `%${likeEscape(who.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['u.email']), 'like', eb.val(pattern)), eb(eb.fn('lower', ['u.name']), 'like', eb.val(pattern))]));
  }
  if (filter.from) query = query.where('a.created_at', '>=', ljubljanaDayBounds(filter.from).start.toISOString());
  if (filter.to) query = query.where('a.created_at', '<', ljubljanaDayBounds(filter.to).end.toISOString());
  if (filter.commentId !== undefined) query = query.where('a.target_type', '=', 'comment').where('a.target_id', '=', String(filter.commentId));
  return query;
}

const COLUMNS = ['a.id', 'a.action', 'a.target_type', 'a.target_id', 'a.before_json', 'a.after_json', 'a.ip', 'a.created_at', 'u.email as actor_email', 'u.name as actor_name'] as const;

/** One page of the log, newest first, each entry with the names its ids stand for. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter = {}) {
  const query = filtered(db, filter);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await query
    .select([...COLUMNS])
    .orderBy('a.id', 'desc')
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows, names: await auditNames(db, rows), total, page, pageCount };
}
export type AuditPage = Awaited<ReturnType<typeof listAudit>>;

/** The actions the log holds (also those no dictionary names yet). */
export async function auditActions(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}

/** A comment's history, newest first, with the names its entries need. */
export async function commentHistory(db: Kysely<Database>, commentId: number) {
  const rows = await filtered(db, { commentId }).select([...COLUMNS]).orderBy('a.id', 'desc').execute();
  return { rows, names: await auditNames(db, rows) };
}

/** What the entries' ids stand for, one query per kind of thing. */
export async function auditNames(db: Kysely<Database>, entries: readonly AuditRecord[]): Promise<AuditNames> {
  const ids = referencedIds(entries);
  const list = (set: Set<number>) => [...set];
  const [users, organisations, consultations, invitations, templates] = await Promise.all([
    ids.users.size
      ? db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.name', 'o.slug']).where('u.id', 'in', list(ids.users)).execute()
      : [],
    ids.organisations.size ? db.selectFrom('organisations').select(['id', 'name', 'slug']).where('id', 'in', list(ids.organisations)).execute() : [],
    ids.consultations.size ? db.selectFrom('consultations').select(['id', 'title', 'slug']).where('id', 'in', list(ids.consultations)).execute() : [],
    ids.invitations.size
      ? db.selectFrom('invitations as i').innerJoin('organisations as o', 'o.id', 'i.organisation_id').select(['i.id', 'i.email', 'o.slug']).where('i.id', 'in', list(ids.invitations)).execute()
      : [],
    ids.templates.size ? db.selectFrom('answer_templates').select(['id', 'name']).where('id', 'in', list(ids.templates)).execute() : [],
  ]);
  return {
    users: new Map(users.map((u) => [u.id, { name: u.name, organisationSlug: u.slug }])),
    organisations: new Map(organisations.map((o) => [o.id, { name: o.name, slug: o.slug }])),
    consultations: new Map(consultations.map((c) => [c.id, { title: c.title, slug: c.slug }])),
    invitations: new Map(invitations.map((i) => [i.id, { email: i.email, organisationSlug: i.slug }])),
    templates: new Map(templates.map((x) => [x.id, { name: x.name }])),
  };
}

/**
 * The log (filtered as the page is) as CSV for people: `;`-separated, Ljubljana time, headings and
 * changes in the reader's language. Oldest first, read in id-ordered pages of AUDIT_CSV_PAGE rows,
 * so however long the log is, only a page is in memory at a time.
 */
export async function* auditCsv(db: Kysely<Database>, filter: AuditFilter, t: Dictionary): AsyncGenerator<string> {
  const line = (cells: readonly unknown[]) => `${cells.map(csvCell).join(';')}\r\n`;
  yield `\uFEFF${line(t.auditLog.csv.headers)}`;
  let after = 0;
  for (;;) {
    const rows = await filtered(db, filter).select([...COLUMNS]).where('a.id', '>', after).orderBy('a.id').limit(AUDIT_CSV_PAGE).execute();
    if (rows.length === 0) return;
    const names = await auditNames(db, rows);
    let text = '';
    for (const row of rows) {
      const entry = readableEntry(t, row, names);
      text += line([
        row.id,
        formatDateTimePlain(new Date(row.created_at)),
        entry.label,
        row.action,
        row.actor_name ?? '',
        row.actor_email ?? '',
        entry.target?.text ?? '',
        entry.changes.map((c) => changeLine(t, c)).join('; '),
        row.ip ?? '',
      ]);
    }
    yield text;
    after = rows[rows.length - 1].id;
    if (rows.length < AUDIT_CSV_PAGE) return;
  }
}

/** The CSV as a byte stream for a response; pulling drives the queries. */
export function auditCsvStream(db: Kysely<Database>, filter: AuditFilter, t: Dictionary): ReadableStream<Uint8Array> {
  return textStream(auditCsv(db, filter, t));
}
