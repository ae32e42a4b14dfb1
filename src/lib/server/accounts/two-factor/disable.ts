import { fail, invalid, ok, type FieldMessages, type Result } from '../../../result.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../passwords.ts';
import { isEnabled } from './status.ts';
import { withVerifiedCode } from './verify.ts';

/** Turns 2FA off: needs the current password and a code from the app or a recovery code (field `code`). */
export async function disableTwoFactor(
  db: Db,
  user: { id: number },
  input: { currentPassword: string; code: string },
  ip: string,
  now = new Date(),
): Promise<Result> {
  const password = input.currentPassword.slice(0, MAX_PASSWORD_LENGTH + 1);
  const code = input.code.trim().slice(0, 100);
  const missing: FieldMessages = {};
  if (!password) missing.currentPassword = (t) => t.account.errors.currentPasswordRequired;
  if (!code) missing.code = (t) => t.twoFactor.errors.codeOrRecoveryRequired;
  if (Object.keys(missing).length > 0) return invalid(missing);
  if (!(await isEnabled(db, user.id))) return fail('conflict', (t) => t.twoFactor.errors.notEnabled);
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (password.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(row.password_hash, password))) {
    return invalid({ currentPassword: (t) => t.account.errors.currentPasswordWrong });
  }
  const disabled = await withVerifiedCode(db, user.id, { value: code, field: 'code', allowRecovery: true }, 'disable', ip, now, async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_factor_pending_logins').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_factor').where('user_id', '=', user.id).execute();
    await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.disabled', targetType: 'user', targetId: user.id, ip });
  });
  return disabled.ok ? ok() : disabled;
}
