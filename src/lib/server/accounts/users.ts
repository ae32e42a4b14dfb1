import type { Kysely } from 'kysely';
import { collator } from '../../../i18n/index.ts';
import type { Role, UserStatus } from '../../enums.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { containsText } from '../platform/sql.ts';
import { nameProblem, normaliseEmail } from './input.ts';

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.status', 'u.organisation_id', 'u.created_at', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export interface UserListFilter {
  organisationId?: number;
  role?: Role;
  status?: UserStatus;
  text?: string;
}

export async function listUsers(db: Db, filter: UserListFilter = {}) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.status', 'u.disabled_by_role', 'u.created_at', 'u.organisation_id', 'o.name as organisation_name']);
  if (filter.organisationId) query = query.where('u.organisation_id', '=', filter.organisationId);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.status) query = query.where('u.status', '=', filter.status);
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([containsText(eb.ref('u.email'), text), containsText(eb.ref('u.name'), text), containsText(eb.ref('o.name'), text)]),
    );
  }
  const rows = await query.limit(500).execute();
  return rows.sort((a, b) => collator.compare(a.organisation_name, b.organisation_name) || collator.compare(a.name, b.name));
}

/** A person renames themselves; an unchanged name changes nothing. */
export async function changeName(db: Db, userId: number, input: { name: string }, ip: string): Promise<Result> {
  const problem = nameProblem(input.name);
  if (problem) return invalid({ name: problem });
  const name = input.name.trim();
  const before = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  if (before.name === name) return ok();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ name, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, { actorUserId: userId, action: 'user.name_changed', targetType: 'user', targetId: userId, before, after: { name }, ip });
  });
  return ok();
}
