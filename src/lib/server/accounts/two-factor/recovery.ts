import { fail, invalid, ok, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { generateRecoveryCode, hashRecoveryCode, totpCodeProblem } from './secret.ts';
import { isEnabled } from './status.ts';
import { withVerifiedCode } from './verify.ts';

/** Recovery codes: 80 random bits each, stored only as SHA-256 hashes, each works once. */

export const RECOVERY_CODE_COUNT = 10;

/** A fresh set of recovery codes in place of all earlier ones, in the caller's transaction. */
export async function replaceRecoveryCodes(db: Db, userId: number, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code), used_at: null, created_at: now.toISOString() })))
    .execute();
  return codes;
}

/** New recovery codes in place of all earlier ones; needs a current code from the app (field `renewCode`). */
export async function renewRecoveryCodes(db: Db, user: { id: number }, input: { renewCode: string }, ip: string, now = new Date()): Promise<Result<{ recoveryCodes: string[] }>> {
  const problem = totpCodeProblem(input.renewCode);
  if (problem) return invalid({ renewCode: problem });
  if (!(await isEnabled(db, user.id))) return fail('conflict', (t) => t.twoFactor.errors.notEnabled);
  const code = { value: input.renewCode, field: 'renewCode', allowRecovery: false };
  const renewed = await withVerifiedCode(db, user.id, code, 'renew_recovery_codes', ip, now, async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id, now);
    await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.recovery_codes_renewed', targetType: 'user', targetId: user.id, ip });
    return codes;
  });
  return renewed.ok ? ok({ recoveryCodes: renewed.value }) : renewed;
}
