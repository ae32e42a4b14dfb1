import type { APIContext } from 'astro';
import { safeReturnPath } from '../accounts/access.ts';
import { routes } from '../../routes.ts';
import { clientIp, signIn } from './auth-context.ts';
import { config } from '../platform/config.ts';
import { getDb } from '../platform/db.ts';
import { cookieIsSecure } from '../accounts/sessions.ts';
import { PENDING_LOGIN_LIFETIME_MS, startPendingLogin } from '../accounts/two-factor/sign-in.ts';
import { stepAfterPassword } from '../accounts/two-factor/status.ts';

/** The glue between requests and two-factor sign-in: the pending-login cookie, what follows a password. */

/** The pending login between password and code; only ever sent to /prijava/…. */
export const PENDING_LOGIN_COOKIE = 'posvet_prijava_koda';
const COOKIE_PATH = routes.signIn();

type Context = Pick<APIContext, 'cookies' | 'url' | 'locals' | 'redirect' | 'clientAddress' | 'request'>;

export function pendingLoginToken(context: Pick<APIContext, 'cookies'>): string | undefined {
  return context.cookies.get(PENDING_LOGIN_COOKIE)?.value || undefined;
}

export function clearPendingLogin(context: Pick<APIContext, 'cookies' | 'url'>): void {
  context.cookies.delete(PENDING_LOGIN_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(config.publicUrl) });
}

/**
 * After a right password: with 2FA on, no session but a pending login and the code page; when the
 * person's role requires 2FA and it is not set up, a session and the setup page; else a session.
 */
export async function continueAfterPassword(context: Context, userId: number, returnTo: string): Promise<Response> {
  const db = getDb();
  const step = await stepAfterPassword(db, userId);
  if (step === 'code') {
    const token = await startPendingLogin(db, userId, returnTo, clientIp(context));
    context.cookies.set(PENDING_LOGIN_COOKIE, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieIsSecure(config.publicUrl),
      maxAge: Math.floor(PENDING_LOGIN_LIFETIME_MS / 1000),
    });
    return context.redirect(routes.signInCode, 303);
  }
  await signIn(context, userId);
  if (step === 'setup') return context.redirect(routes.twoFactorSetup(safeReturnPath(returnTo)), 303);
  return context.redirect(returnTo, 303);
}
