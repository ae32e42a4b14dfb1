import { dictionary } from '../../../i18n/index.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon, queueMail } from '../platform/mail.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';
import { endResetLinks } from './password-change.ts';
import { hashPassword, newPasswordProblems, type NewPassword } from './passwords.ts';
import { findUserByEmail } from './users.ts';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Starts a password reset. Answers the same whether or not the address has an account; only an
 * active account gets a mail (in Slovenian, the recipient's language) with a single-use link valid
 * for an hour, built from PUBLIC_URL.
 */
export async function requestPasswordReset(db: Db, input: { email: string }, publicUrl: string, ip: string): Promise<Result> {
  const user = await findUserByEmail(db, input.email);
  if (user && user.status === 'active') {
    const token = generateToken();
    const link = absolute(publicUrl, routes.resetPassword(token));
    const mail = dictionary().account.resetMail;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('password_resets')
        .values({
          token_hash: hashToken(token),
          user_id: user.id,
          created_at: new Date().toISOString(),
          expires_at: new Date(Date.now() + RESET_LIFETIME_MS).toISOString(),
        })
        .execute();
      await queueMail(trx, { to: user.email, subject: mail.subject, text: mail.body(user.name, link) });
      await recordAudit(trx, { actorUserId: null, action: 'password.reset_requested', targetType: 'user', targetId: user.id, ip });
    });
    deliverSoon();
  }
  return ok();
}

export async function findValidReset(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.email', 'u.name'])
    .where('r.token_hash', '=', hashToken(token))
    .where('r.used_at', 'is', null)
    .where('r.expires_at', '>', new Date().toISOString())
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

/** The link is expired, used or never was. */
const expired = () => fail('not_found', (t) => t.account.reset.expired);

/**
 * Sets a new password from a reset link; the link is used up, and so is every other outstanding link
 * of the person, and every session of theirs ends.
 */
export async function completePasswordReset(db: Db, token: string, input: NewPassword, ip: string): Promise<Result> {
  const reset = await findValidReset(db, token);
  if (!reset) return expired();
  const problems = newPasswordProblems(input, reset.email);
  if (Object.keys(problems).length > 0) return invalid(problems);
  const hash = await hashPassword(input.password);
  const used = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: new Date().toISOString() })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', reset.user_id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await endResetLinks(trx, reset.user_id);
    await recordAudit(trx, { actorUserId: reset.user_id, action: 'password.reset', targetType: 'user', targetId: reset.user_id, ip });
    return true;
  });
  return used ? ok() : expired();
}
