import type { Message } from '../../../../i18n/index.ts';
import { fail, invalid, ok, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { checkTotp, hashRecoveryCode, normaliseRecoveryCode, normaliseTotpCode, openKey } from './secret.ts';

/**
 * Checking a code — at sign-in, when turning two-factor sign-in off, for new recovery codes: a
 * 6-digit code from the app or a recovery code; wrong codes are counted per account over time.
 */

/** Wrong codes per account (since its last right one, within a day) before waiting is imposed. */
export const ACCOUNT_FREE_CODE_FAILURES = 10;
const MAX_WAIT_MINUTES = 60;
export const LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** Someone else used the code a moment earlier (thrown inside a transaction to roll it back). */
export class Refused extends Error {}

/** Whole minutes (at least 1) this account must wait before another code is checked, or 0. */
export async function codeWaitMinutes(db: Db, userId: number, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const lastSuccess = await db
    .selectFrom('two_factor_attempts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('user_id', '=', userId)
    .where('succeeded', '=', 1)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('two_factor_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last')])
    .where('user_id', '=', userId)
    .where('succeeded', '=', 0)
    .where('created_at', '>', from)
    .executeTakeFirst();
  const count = Number(row?.count ?? 0);
  if (count < ACCOUNT_FREE_CODE_FAILURES || !row?.last) return 0;
  const minutes = Math.min(2 ** (count - ACCOUNT_FREE_CODE_FAILURES), MAX_WAIT_MINUTES);
  const remaining = new Date(row.last).getTime() + minutes * 60_000 - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 60_000) : 0;
}

export type CodeKind = 'totp' | 'recovery';
export type CodeCheck =
  | { ok: true; kind: 'totp'; step: number }
  | { ok: true; kind: 'recovery'; codeId: number }
  | { ok: false; kind: CodeKind; reason: 'wrong' | 'reused' };

/** A typed code is a 6-digit TOTP code, or else a recovery code. */
function codeKind(code: string): CodeKind {
  return /^\d{6}$/.test(normaliseTotpCode(code)) ? 'totp' : 'recovery';
}

export async function checkCode(db: Db, userId: number, code: string, now: Date, allowRecovery: boolean): Promise<CodeCheck> {
  const kind = codeKind(code);
  if (kind === 'totp') {
    const row = await db.selectFrom('two_factor').select(['secret', 'last_used_step']).where('user_id', '=', userId).where('enabled_at', 'is not', null).executeTakeFirst();
    const key = row ? openKey(row.secret, userId) : null;
    if (!row || !key) return { ok: false, kind, reason: 'wrong' };
    const check = checkTotp(key, normaliseTotpCode(code), now, row.last_used_step);
    return check.kind === 'ok' ? { ok: true, kind, step: check.step } : { ok: false, kind, reason: check.kind };
  }
  if (!allowRecovery || normaliseRecoveryCode(code).length !== 16) return { ok: false, kind, reason: 'wrong' };
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select(['id', 'used_at'])
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .executeTakeFirst();
  if (!row) return { ok: false, kind, reason: 'wrong' };
  if (row.used_at) return { ok: false, kind, reason: 'reused' };
  return { ok: true, kind, codeId: row.id };
}

/** Uses up what a right code consumed, in the caller's transaction; false when someone was first. */
export async function consumeCode(trx: Db, userId: number, check: Extract<CodeCheck, { ok: true }>, now: Date): Promise<boolean> {
  if (check.kind === 'totp') {
    const updated = await trx
      .updateTable('two_factor')
      .set({ last_used_step: check.step })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', check.step)]))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
  const updated = await trx
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', check.codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export function codeError(kind: CodeKind, reason: 'wrong' | 'reused'): Message {
  if (kind === 'recovery') return (t) => t.twoFactor.errors.recoveryWrong;
  return reason === 'reused' ? (t) => t.twoFactor.errors.codeReused : (t) => t.twoFactor.errors.codeWrong;
}

export async function recordFailure(db: Db, userId: number, kind: CodeKind, reason: string, during: string, ip: string, now: Date): Promise<void> {
  await db.insertInto('two_factor_attempts').values({ user_id: userId, succeeded: 0, created_at: now.toISOString() }).execute();
  await recordAudit(db, { actorUserId: userId, action: 'two_factor.failed', targetType: 'user', targetId: userId, after: { during, kind, reason }, ip });
}

export async function recordSuccess(db: Db, userId: number, check: Extract<CodeCheck, { ok: true }>, ip: string, now: Date): Promise<void> {
  await db.insertInto('two_factor_attempts').values({ user_id: userId, succeeded: 1, created_at: now.toISOString() }).execute();
  if (check.kind === 'recovery') {
    await recordAudit(db, { actorUserId: userId, action: 'two_factor.recovery_code_used', targetType: 'user', targetId: userId, ip });
  }
}

/**
 * Checks a code for a change to the person's own 2FA (throttled per account like sign-in: `closed`)
 * and, in `change`, applies the change in the same transaction that uses up the code. The errors
 * are on `field`.
 */
export async function withVerifiedCode<T>(
  db: Db,
  userId: number,
  code: { value: string; field: string; allowRecovery: boolean },
  during: string,
  ip: string,
  now: Date,
  change: (trx: Db) => Promise<T>,
): Promise<Result<T>> {
  const wait = await codeWaitMinutes(db, userId, now);
  if (wait > 0) return fail('closed', undefined, { [code.field]: (t) => t.twoFactor.errors.throttled(wait) });
  const check = await checkCode(db, userId, code.value, now, code.allowRecovery);
  if (!check.ok) {
    await db.transaction().execute((trx) => recordFailure(trx, userId, check.kind, check.reason, during, ip, now));
    return invalid({ [code.field]: codeError(check.kind, check.reason) });
  }
  try {
    const value = await db.transaction().execute(async (trx) => {
      if (!(await consumeCode(trx, userId, check, now))) throw new Refused();
      await recordSuccess(trx, userId, check, ip, now);
      return change(trx);
    });
    return ok(value);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return invalid({ [code.field]: codeError(check.kind, 'reused') });
  }
}
