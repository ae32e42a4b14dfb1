import { fail, ok, type Result } from '../../result.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { SignInInput } from './input.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { loginWaitMinutes, recordLoginAttempt } from './throttle.ts';
import { findUserByEmail } from './users.ts';

/**
 * Checks an e-mail address and password. Wrong e-mail, wrong password and a disabled account all
 * get the same answer (`forbidden`) after the same work, so nobody learns which accounts exist.
 * Throttled (`closed`: not now) before any password check.
 */
export async function attemptLogin(db: Db, input: SignInInput, ip: string): Promise<Result<{ userId: number }>> {
  const { email, password } = input;
  const wait = await loginWaitMinutes(db, email, ip);
  if (wait > 0) return fail('closed', (t) => t.account.throttled(wait));

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  const right = !!user && passwordOk && user.status === 'active';
  await db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, email, ip, right);
    await recordAudit(trx, {
      actorUserId: right ? user!.id : null,
      action: right ? 'login.succeeded' : 'login.failed',
      targetType: 'user',
      targetId: user?.id,
      after: right ? undefined : { email },
      ip,
    });
  });
  if (!right) return fail('forbidden', (t) => t.account.errors.loginFailed);
  return ok({ userId: user!.id });
}

/** Signing out, for the audit log (the web edge ends the session). */
export async function recordSignOut(db: Db, userId: number, ip: string): Promise<void> {
  await recordAudit(db, { actorUserId: userId, action: 'logout', targetType: 'user', targetId: userId, ip });
}
