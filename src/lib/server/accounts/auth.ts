import { z } from 'astro/zod';
import { t } from '../../../i18n/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Kysely } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { failure, parseForm, type FormFailure } from '../web/forms.ts';
import { queueMail, deliverSoon } from '../platform/mail.ts';
import { decoyPasswordHash, hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './passwords.ts';
import { endSessions } from './sessions.ts';
import { loginWaitMinutes, passwordCheckWaitMinutes, recordLoginAttempt } from './throttle.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';
import { findUserByEmail, normaliseEmail } from './users.ts';

const m = t.account;

export const emailField = z
  .string({ error: m.errors.emailRequired })
  .trim()
  .min(1, { error: m.errors.emailRequired })
  .max(254, { error: m.errors.emailInvalid })
  .pipe(z.email({ error: m.errors.emailInvalid }))
  .transform(normaliseEmail);

const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: m.errors.passwordRequired }).min(1, { error: m.errors.passwordRequired }).max(MAX_PASSWORD_LENGTH, { error: m.errors.loginFailed }),
});

export type LoginOutcome =
  | { ok: true; userId: number }
  | (FormFailure & { status: 400 | 401 | 429 });

/**
 * Checks a login form. Wrong e-mail, wrong password and a disabled account all get the same answer
 * after the same work, so nobody learns which accounts exist. Throttled before any password check.
 */
export async function attemptLogin(db: Db, values: Record<string, string>, ip: string): Promise<LoginOutcome> {
  const parsed = parseForm(loginSchema, values);
  if (!parsed.ok) return { ...parsed, status: 400 };
  const { email, password } = parsed.data;

  const wait = await loginWaitMinutes(db, email, ip);
  if (wait > 0) return { ...failure({ _form: m.throttled(wait) }, values), status: 429 };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  const ok = !!user && passwordOk && user.status === 'active';
  await db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, email, ip, ok);
    await recordAudit(trx, {
      actorUserId: ok ? user!.id : null,
      action: ok ? 'login.succeeded' : 'login.failed',
      targetType: 'user',
      targetId: user?.id,
      after: ok ? undefined : { email },
      ip,
    });
  });
  if (!ok) return { ...failure({ _form: m.errors.loginFailed }, values), status: 401 };
  return { ok: true, userId: user!.id };
}

export function newPasswordSchema(email: string) {
  return z
    .object({
      password: z.string({ error: m.errors.newPasswordRequired }).min(1, { error: m.errors.newPasswordRequired }),
      passwordConfirm: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value.password, email);
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
      else if (value.passwordConfirm !== undefined && value.password !== value.passwordConfirm)
        ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: m.errors.passwordsDiffer });
    });
}

/** Ends every reset link of a person not yet used (after a password change or a completed reset). */
async function endResetLinks(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: new Date().toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/**
 * Changes a signed-in person's password; every other session of theirs and every outstanding reset
 * link ends. Guesses at the current password are throttled per address and account.
 */
export async function changePassword(
  db: Db,
  user: { id: number; email: string },
  values: Record<string, string>,
  sessionToken: string,
  ip: string,
): Promise<{ ok: true } | (FormFailure & { status: 400 | 429 })> {
  const current = values.currentPassword ?? '';
  const parsed = parseForm(newPasswordSchema(user.email), values);
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  const errors = parsed.ok ? {} : { ...parsed.errors };
  if (!current) errors.currentPassword = m.errors.currentPasswordRequired;
  else {
    const wait = await passwordCheckWaitMinutes(db, user.email, ip);
    if (wait > 0) return { ...failure({ currentPassword: m.passwordCheckThrottled(wait) }, values), status: 429 };
    const right = await verifyPassword(row.password_hash, current);
    await recordLoginAttempt(db, user.email, ip, right, new Date(), 'password_check');
    if (!right) errors.currentPassword = m.errors.currentPasswordWrong;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ...failure(errors, values), status: 400 };

  const hash = await hashPassword(parsed.data.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await endSessions(trx, user.id, sessionToken);
    await endResetLinks(trx, user.id);
    await recordAudit(trx, { actorUserId: user.id, action: 'password.changed', targetType: 'user', targetId: user.id, ip });
  });
  return { ok: true };
}

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Starts a password reset. Answers the same whether or not the address has an account; only an
 * active account gets a mail with a single-use link valid for an hour.
 */
export async function requestPasswordReset(
  db: Db,
  values: Record<string, string>,
  baseUrl: string,
  ip: string,
): Promise<{ ok: true } | FormFailure> {
  const parsed = parseForm(z.object({ email: emailField }), values);
  if (!parsed.ok) return parsed;
  const user = await findUserByEmail(db, parsed.data.email);
  if (user && user.status === 'active') {
    const token = generateToken();
    const link = `${baseUrl}/ponastavi-geslo/${token}`;
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
      await queueMail(trx, { to: user.email, subject: m.resetMail.subject, text: m.resetMail.body(user.name, link) });
      await recordAudit(trx, { actorUserId: null, action: 'password.reset_requested', targetType: 'user', targetId: user.id, ip });
    });
    deliverSoon();
  }
  return { ok: true };
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

/**
 * Sets a new password from a reset link; the link is used up, and so is every other outstanding link
 * of the person, and every session of theirs ends.
 */
export async function completePasswordReset(
  db: Db,
  token: string,
  values: Record<string, string>,
  ip: string,
): Promise<{ ok: true } | { ok: false; expired: true } | (FormFailure & { expired?: false })> {
  const reset = await findValidReset(db, token);
  if (!reset) return { ok: false, expired: true };
  const parsed = parseForm(newPasswordSchema(reset.email), values);
  if (!parsed.ok) return parsed;
  const hash = await hashPassword(parsed.data.password);
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
  return used ? { ok: true } : { ok: false, expired: true };
}
