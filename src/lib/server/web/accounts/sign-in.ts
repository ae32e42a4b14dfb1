import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import { routes } from '../../../routes.ts';
import { safeReturnPath } from '../../accounts/access.ts';
import { signInInput } from '../../accounts/input.ts';
import { attemptLogin, recordSignOut } from '../../accounts/sign-in.ts';
import { completePendingLogin, findPendingLogin } from '../../accounts/two-factor/sign-in.ts';
import { getDb } from '../../platform/db.ts';
import { clientIp, signIn, signOut } from '../auth-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { clearPendingLogin, continueAfterPassword, pendingLoginToken } from '../two-factor-context.ts';
import { submitAccountForm } from './form.ts';

/** Signing in and out: the password step, the code step, sign-out. */

/** Pages that are about signing in themselves (or hold a one-time secret): nobody returns to them. */
const NO_RETURN = [routes.signIn(), routes.signOut, routes.forgotPassword, routes.resetPassword(''), routes.invitation(''), routes.subscriptionConfirm(''), routes.unsubscribe('')];

/**
 * The header's „Prijava“ link from a page: /prijava?vrnitev=<the page's path and query>, so that
 * signing in lands there again (sign-in pages and links with secrets excepted, and the home page,
 * where "Moj račun" is as good). The target is checked again when it is used (safeReturnPath).
 */
export function signInLinkFrom(url: URL): string {
  const path = url.pathname;
  if (path === routes.home || NO_RETURN.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) return routes.signIn();
  const target = `${path}${url.search}`;
  return routes.signIn(safeReturnPath(target, '') || undefined);
}

export interface SignInPage {
  form: FormState;
  action: string;
  flash?: string;
}

/** /prijava: a wrong password answers 401, throttling 429; a right one continues (two-factor-context.ts). */
export async function signInPage(Astro: AstroGlobal): Promise<Response | SignInPage> {
  const returnTo = safeReturnPath(Astro.url.searchParams.get('vrnitev'));
  const page = { action: routes.signIn(Astro.url.searchParams.has('vrnitev') ? returnTo : undefined), flash: flashMessage(Astro.url, Astro.locals.t) };
  if (Astro.request.method === 'POST') {
    const submitted = await submitAccountForm(Astro, signInInput, (input) => attemptLogin(getDb(), input, clientIp(Astro)), { forbidden: 401 });
    // With two-factor sign-in on, the password alone gives no session.
    if (submitted.ok) return continueAfterPassword(Astro, submitted.value.userId, returnTo);
    Astro.response.status = submitted.status;
    return { ...page, form: submitted };
  }
  if (Astro.locals.user) return Astro.redirect(returnTo, 303);
  return { ...page, form: EMPTY_FORM };
}

const secondFactorInput = z.object({ code: z.string().optional(), recoveryCode: z.string().optional() });

/**
 * /prijava/koda, the second step: no session exists until a code from the app or a recovery code is
 * right. A wrong code answers 401; an expired or voided pending login goes back to the password.
 */
export async function codePage(Astro: AstroGlobal): Promise<Response | { form: FormState; recoveryOpen: boolean }> {
  const db = getDb();
  const token = pendingLoginToken(Astro);
  Astro.response.headers.set('Cache-Control', 'no-store');
  if (Astro.request.method === 'POST') {
    let recoveryOpen = false;
    const submitted = await submitAccountForm(
      Astro,
      secondFactorInput,
      (input) => {
        recoveryOpen = input.recoveryCode !== undefined;
        return completePendingLogin(db, token, input, clientIp(Astro));
      },
      { forbidden: 401 },
    );
    if (submitted.ok) {
      clearPendingLogin(Astro);
      // Someone else was signed in on this browser: this person takes over.
      if (Astro.locals.sessionToken) await signOut(Astro);
      await signIn(Astro, submitted.value.userId);
      return Astro.redirect(submitted.value.usedRecoveryCode ? withFlash(routes.twoFactorSetup(), 'koda-za-obnovitev-porabljena') : submitted.value.returnTo, 303);
    }
    if (submitted.code === 'not_found' || submitted.code === 'conflict') {
      clearPendingLogin(Astro);
      return Astro.redirect(withFlash(routes.signIn(), submitted.code === 'conflict' ? 'koda-prevec-napak' : 'koda-potekla'), 303);
    }
    Astro.response.status = submitted.status;
    return { form: submitted, recoveryOpen };
  }
  if (!(await findPendingLogin(db, token))) {
    if (token) clearPendingLogin(Astro);
    return Astro.redirect(token ? withFlash(routes.signIn(), 'koda-potekla') : routes.signIn(), 303);
  }
  return { form: EMPTY_FORM, recoveryOpen: false };
}

/** /odjava: signing out is a POST (a link or an image on another site must not sign anyone out); GET asks. */
export async function signOutPage(Astro: AstroGlobal): Promise<Response | undefined> {
  if (Astro.request.method === 'POST') {
    const user = Astro.locals.user;
    await signOut(Astro);
    if (user) await recordSignOut(getDb(), user.id, clientIp(Astro));
    return Astro.redirect(withFlash(routes.signIn(), 'odjava'), 303);
  }
  if (!Astro.locals.user) return Astro.redirect(routes.signIn(), 303);
  return undefined;
}
