import type { Kysely } from 'kysely';
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

export async function listAudit(db: Kysely<Database>, options: { action?: string; limit?: number } = {}) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.action', 'a.target_type', 'a.target_id', 'a.before_json', 'a.after_json', 'a.ip', 'a.created_at', 'u.email as actor_email'])
    .orderBy('a.id', 'desc')
    .limit(options.limit ?? 200);
  if (options.action) query = query.where('a.action', '=', options.action);
  return query.execute();
}
