import { z } from 'astro/zod';
import type { Kysely } from 'kysely';
import { collator, t } from '../../../i18n/index.ts';
import { recordAudit } from '../platform/audit.ts';
import { parseForm, type FormFailure } from '../web/forms.ts';
import type { Db } from '../platform/db.ts';
import type { Database, Role, UserStatus } from '../platform/schema.ts';
import { containsText } from '../platform/sql.ts';

/** E-mail addresses are compared and stored lower-case and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

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

const nameSchema = () =>
  z.object({
    name: z
      .string({ error: t.account.errors.nameRequired })
      .trim()
      .min(1, { error: t.account.errors.nameRequired })
      .max(120, { error: t.account.errors.nameTooLong }),
  });

export async function updateName(db: Db, userId: number, values: Record<string, string>, ip: string): Promise<{ ok: true } | FormFailure> {
  const parsed = parseForm(nameSchema(), values);
  if (!parsed.ok) return parsed;
  const before = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  if (before.name === parsed.data.name) return { ok: true };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ name: parsed.data.name, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, { actorUserId: userId, action: 'user.name_changed', targetType: 'user', targetId: userId, before, after: { name: parsed.data.name }, ip });
  });
  return { ok: true };
}
