import type { Kysely } from 'kysely';
import { fail, invalid, ok, type FieldMessages, type Result } from '../../result.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { PasswordChangeInput } from './input.ts';
import { hashPassword, newPasswordProblems, verifyPassword } from './passwords.ts';
import { endSessions } from './sessions.ts';
import { passwordCheckWaitMinutes, recordLoginAttempt } from './throttle.ts';

/** Ends every reset link of a person not yet used (after a password change or a completed reset). */
export async function endResetLinks(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: new Date().toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/**
 * Changes a signed-in person's password; every other session of theirs and every outstanding reset
 * link ends. Guesses at the current password are throttled per address and account (`closed`).
 */
export async function changePassword(
  db: Db,
  user: { id: number; email: string },
  input: PasswordChangeInput,
  sessionToken: string,
  ip: string,
): Promise<Result> {
  const fields: FieldMessages = newPasswordProblems(input, user.email);
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!input.currentPassword) fields.currentPassword = (t) => t.account.errors.currentPasswordRequired;
  else {
    const wait = await passwordCheckWaitMinutes(db, user.email, ip);
    if (wait > 0) return fail('closed', undefined, { currentPassword: (t) => t.account.passwordCheckThrottled(wait) });
    const right = await verifyPassword(row.password_hash, input.currentPassword);
    await recordLoginAttempt(db, user.email, ip, right, new Date(), 'password_check');
    if (!right) fields.currentPassword = (t) => t.account.errors.currentPasswordWrong;
  }
  if (Object.keys(fields).length > 0) return invalid(fields);

  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await endSessions(trx, user.id, sessionToken);
    await endResetLinks(trx, user.id);
    await recordAudit(trx, { actorUserId: user.id, action: 'password.changed', targetType: 'user', targetId: user.id, ip });
  });
  return ok();
}

/** A person ends every session of theirs but the one in use. */
export async function endOtherSessions(db: Db, userId: number, sessionToken: string | undefined, ip: string): Promise<Result> {
  await db.transaction().execute(async (trx) => {
    await endSessions(trx, userId, sessionToken);
    await recordAudit(trx, { actorUserId: userId, action: 'sessions.ended_others', targetType: 'user', targetId: userId, ip });
  });
  return ok();
}
