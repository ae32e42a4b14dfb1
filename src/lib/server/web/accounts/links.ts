import type { AstroGlobal } from 'astro';
import { routes } from '../../../routes.ts';
import { emailInput, invitationAcceptInput, newPasswordInput } from '../../accounts/input.ts';
import { acceptInvitation, findValidInvitation } from '../../accounts/invitations.ts';
import { completePasswordReset, findValidReset, requestPasswordReset } from '../../accounts/password-reset.ts';
import { getDb } from '../../platform/db.ts';
import { clientIp, publicBaseUrl, signIn, signOut } from '../auth-context.ts';
import { withFlash } from '../flash.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { submitAccountForm } from './form.ts';

/**
 * The pages behind a mailed link — an invitation, a password reset — and the form that asks for a
 * reset. A link that is no longer valid answers 404 when opened and 410 when its form is posted.
 */

/** The token is a secret: keep it out of other sites' logs. */
function keepTokenPrivate(Astro: AstroGlobal): void {
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the form post
  // and the origin check refuses it; same-origin still keeps the token from other sites.
  Astro.response.headers.set('Referrer-Policy', 'same-origin');
}

type Invitation = NonNullable<Awaited<ReturnType<typeof findValidInvitation>>>;

/** /povabilo/[zeton]: the invited person gives their name and a password; the new account is signed in. */
export async function invitationPage(Astro: AstroGlobal): Promise<Response | { invitation?: Invitation; form: FormState }> {
  const db = getDb();
  const token = Astro.params.zeton ?? '';
  let form = EMPTY_FORM;
  let expired = false;
  if (Astro.request.method === 'POST') {
    const submitted = await submitAccountForm(Astro, invitationAcceptInput, (input) => acceptInvitation(db, token, input, clientIp(Astro)), { not_found: 410 });
    if (submitted.ok) {
      // Someone else was signed in on this browser: the new account takes over.
      if (Astro.locals.sessionToken) await signOut(Astro);
      await signIn(Astro, submitted.value.userId);
      return Astro.redirect(routes.account, 303);
    }
    expired = submitted.code === 'not_found';
    form = expired ? EMPTY_FORM : submitted;
    Astro.response.status = submitted.status;
  }
  const invitation = expired ? undefined : await findValidInvitation(db, token);
  if (!invitation && Astro.request.method !== 'POST') Astro.response.status = 404;
  keepTokenPrivate(Astro);
  return { invitation, form };
}

type Reset = NonNullable<Awaited<ReturnType<typeof findValidReset>>>;

/** /ponastavi-geslo/[zeton]: a new password from a reset link; then sign in with it. */
export async function resetPage(Astro: AstroGlobal): Promise<Response | { reset?: Reset; form: FormState }> {
  const db = getDb();
  const token = Astro.params.zeton ?? '';
  let form = EMPTY_FORM;
  let expired = false;
  if (Astro.request.method === 'POST') {
    const submitted = await submitAccountForm(Astro, newPasswordInput, (input) => completePasswordReset(db, token, input, clientIp(Astro)), { not_found: 410 });
    if (submitted.ok) return Astro.redirect(withFlash(routes.signIn(), 'geslo-ponastavljeno'), 303);
    expired = submitted.code === 'not_found';
    form = expired ? EMPTY_FORM : submitted;
    Astro.response.status = submitted.status;
  }
  const reset = expired ? undefined : await findValidReset(db, token);
  if (!reset) Astro.response.status = Astro.request.method === 'POST' ? 410 : 404;
  keepTokenPrivate(Astro);
  return { reset, form };
}

/** /pozabljeno-geslo: the same answer whether or not the address has an account. */
export async function forgotPasswordPage(Astro: AstroGlobal): Promise<{ sent: boolean; form: FormState }> {
  if (Astro.request.method !== 'POST') return { sent: false, form: EMPTY_FORM };
  const submitted = await submitAccountForm(Astro, emailInput, (input) => requestPasswordReset(getDb(), input, publicBaseUrl(), clientIp(Astro)));
  if (submitted.ok) return { sent: true, form: EMPTY_FORM };
  Astro.response.status = submitted.status;
  return { sent: false, form: submitted };
}
