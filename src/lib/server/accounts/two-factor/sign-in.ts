import { fail, ok, type FieldMessages, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { generateToken, hashToken } from '../../platform/tokens.ts';
import { safeReturnPath } from '../access.ts';
import { normaliseTotpCode } from './secret.ts';
import { checkCode, codeError, codeWaitMinutes, consumeCode, LOOKBACK_MS, recordFailure, recordSuccess, Refused } from './verify.ts';

/**
 * The second step of signing in. After a right password, a person with 2FA gets no session but a
 * pending login: a random token in an HttpOnly cookie, stored hashed, valid 5 minutes, single use;
 * 5 wrong codes and it is gone.
 */

export const PENDING_LOGIN_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes per pending login; then it is void and the person starts again with the password. */
export const PENDING_LOGIN_MAX_FAILURES = 5;


/** After a right password: a pending login (no session yet). Returns the token for the cookie. */
export async function startPendingLogin(db: Db, userId: number, returnTo: string, ip: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await db.transaction().execute(async (trx) => {
    // Old pending logins of this person are of no further use.
    await trx
      .deleteFrom('two_factor_pending_logins')
      .where('user_id', '=', userId)
      .where('expires_at', '<', new Date(now.getTime() - LOOKBACK_MS).toISOString())
      .execute();
    await trx
      .insertInto('two_factor_pending_logins')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        return_to: safeReturnPath(returnTo),
        failures: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + PENDING_LOGIN_LIFETIME_MS).toISOString(),
        used_at: null,
      })
      .execute();
    await recordAudit(trx, { actorUserId: userId, action: 'two_factor.challenged', targetType: 'user', targetId: userId, ip });
  });
  return token;
}

/** A pending login that can still be completed, or undefined. */
export async function findPendingLogin(db: Db, token: string | undefined, now = new Date()) {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom('two_factor_pending_logins as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('two_factor as f', 'f.user_id', 'p.user_id')
    .select(['p.id', 'p.user_id', 'p.return_to', 'p.failures'])
    .where('p.token_hash', '=', hashToken(token))
    .where('p.used_at', 'is', null)
    .where('p.expires_at', '>', now.toISOString())
    .where('p.failures', '<', PENDING_LOGIN_MAX_FAILURES)
    .where('u.status', '=', 'active')
    .where('f.enabled_at', 'is not', null)
    .executeTakeFirst();
}

/** A code from the app (field `code`) or, when the form has that field, a recovery code (`recoveryCode`). */
export interface SecondFactorInput {
  code?: string;
  recoveryCode?: string;
}

/**
 * Completes a pending login with a code. On success the pending login is used up; the caller
 * creates the session. Refusals: `not_found` (no such pending login — never, expired, used: back to
 * the password), `conflict` (this was the last wrong code it allowed: back to the password),
 * `closed` (the account must wait), `forbidden` (a wrong or reused code), `invalid` (not a code).
 */
export async function completePendingLogin(
  db: Db,
  token: string | undefined,
  input: SecondFactorInput,
  ip: string,
  now = new Date(),
): Promise<Result<{ userId: number; returnTo: string; usedRecoveryCode: boolean }>> {
  const expired = () => fail('not_found', (t) => t.twoFactor.login.expired);
  const pending = await findPendingLogin(db, token, now);
  if (!pending) return expired();
  const recovery = input.recoveryCode !== undefined;
  const field = recovery ? 'recoveryCode' : 'code';
  const code = ((recovery ? input.recoveryCode : input.code) ?? '').trim().slice(0, 100);
  const refused = (reason: FieldMessages[string]) => fail('forbidden', undefined, { [field]: reason });
  if (!code) return fail('invalid', undefined, { [field]: recovery ? (t) => t.twoFactor.errors.recoveryRequired : (t) => t.twoFactor.errors.codeRequired });
  if (!recovery && !/^\d{6}$/.test(normaliseTotpCode(code))) return fail('invalid', undefined, { code: (t) => t.twoFactor.errors.codeFormat });

  const wait = await codeWaitMinutes(db, pending.user_id, now);
  if (wait > 0) return fail('closed', (t) => t.twoFactor.errors.throttled(wait));

  const check = await checkCode(db, pending.user_id, code, now, recovery);
  if (!check.ok) {
    const lockedOut = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('two_factor_pending_logins')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('id', '=', pending.id)
        .returning('failures')
        .executeTakeFirstOrThrow();
      await recordFailure(trx, pending.user_id, check.kind, check.reason, 'login', ip, now);
      if (row.failures >= PENDING_LOGIN_MAX_FAILURES) {
        await trx.updateTable('two_factor_pending_logins').set({ used_at: now.toISOString() }).where('id', '=', pending.id).execute();
        await recordAudit(trx, { actorUserId: pending.user_id, action: 'two_factor.pending_login_voided', targetType: 'user', targetId: pending.user_id, ip });
        return true;
      }
      return false;
    });
    if (lockedOut) return fail('conflict', (t) => t.twoFactor.login.lockedOut);
    return refused(codeError(check.kind, check.reason));
  }

  const done = await db
    .transaction()
    .execute(async (trx) => {
      const claimed = await trx
        .updateTable('two_factor_pending_logins')
        .set({ used_at: now.toISOString() })
        .where('id', '=', pending.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 'expired' as const;
      if (!(await consumeCode(trx, pending.user_id, check, now))) throw new Refused();
      await recordSuccess(trx, pending.user_id, check, ip, now);
      await recordAudit(trx, { actorUserId: pending.user_id, action: 'login.two_factor_succeeded', targetType: 'user', targetId: pending.user_id, ip });
      return 'ok' as const;
    })
    .catch(async (error) => {
      if (!(error instanceof Refused)) throw error;
      // The same code was used a moment ago by another request: a reuse like any other.
      await db.transaction().execute((trx) => recordFailure(trx, pending.user_id, check.kind, 'reused', 'login', ip, now));
      return 'reused' as const;
    });
  if (done === 'expired') return expired();
  if (done === 'reused') return refused(codeError(check.kind, 'reused'));
  return ok({ userId: pending.user_id, returnTo: pending.return_to, usedRecoveryCode: check.kind === 'recovery' });
}
