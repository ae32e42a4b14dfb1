import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { ljubljanaDayBounds } from '../../time.ts';

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
  actorEmail?: string;
  /** Ljubljana calendar days, "2027-02-03": from the start of `from` to the end of `to`. */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: Kysely<Database>, filter: AuditFilter = {}) {
  let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id');
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.actorEmail) query = query.where('u.email', '=', filter.actorEmail.trim().toLowerCase());
  if (filter.from) query = query.where('a.created_at', '>=', ljubljanaDayBounds(filter.from).start.toISOString());
  if (filter.to) query = query.where('a.created_at', '<', ljubljanaDayBounds(filter.to).end.toISOString());
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await query
    .select(['a.id', 'a.action', 'a.target_type', 'a.target_id', 'a.before_json', 'a.after_json', 'a.ip', 'a.created_at', 'u.email as actor_email', 'u.name as actor_name'])
    .orderBy('a.id', 'desc')
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows, total, page, pageCount };
}

export async function auditActions(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}
