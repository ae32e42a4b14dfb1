import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import type { Message } from '../../../../i18n/index.ts';
import { fail, type Result } from '../../../result.ts';
import { routes } from '../../../routes.ts';
import { safeReturnPath } from '../../accounts/access.ts';
import { listTwoFactorUsers, resetTwoFactor, type TwoFactorUser } from '../../accounts/two-factor/admin.ts';
import { disableTwoFactor } from '../../accounts/two-factor/disable.ts';
import { confirmSetup, setupView, type SetupView } from '../../accounts/two-factor/enrol.ts';
import { renewRecoveryCodes } from '../../accounts/two-factor/recovery.ts';
import { twoFactorStatus, type TwoFactorStatus } from '../../accounts/two-factor/status.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { submitAccountForm } from './form.ts';

/** /moj-racun/dvostopenjska-prijava (one's own 2FA) and the administrators' reset. */

type User = NonNullable<App.Locals['user']>;
const text = z.string().default('');

export interface TwoFactorPage {
  user: User;
  status: TwoFactorStatus;
  /** The key being set up, when 2FA is off and no codes are being shown. */
  setup: SetupView | null;
  /** Recovery codes just made (shown once), with what was done. */
  codes?: { codes: string[]; message: string };
  continueTo: string;
  action: string;
  form: FormState;
  flash?: string;
}

type Codes = Result<{ recoveryCodes: string[] }>;

export async function twoFactorPage(Astro: AstroGlobal): Promise<Response | TwoFactorPage> {
  const guard = requirePermission(Astro, 'account');
  if (guard.response) return guard.response;
  const user = guard.user;
  const db = getDb();
  const t = Astro.locals.t;
  const returnParam = Astro.url.searchParams.get('vrnitev');
  const continueTo = safeReturnPath(returnParam);
  let form = EMPTY_FORM;
  let codes: TwoFactorPage['codes'];

  if (Astro.request.method === 'POST') {
    const ip = clientIp(Astro);
    const intent = (await readForm(Astro.request)).intent;
    const issued = (message: Message) => async (result: Codes | Promise<Codes>) => {
      const r = await result;
      if (r.ok) codes = { codes: r.value.recoveryCodes, message: message(t) };
      return r;
    };
    const outcome =
      intent === 'enable'
        ? await submitAccountForm(Astro, z.object({ code: text }), (input) => issued((t) => t.twoFactor.enabled)(confirmSetup(db, user, input, Astro.locals.sessionToken ?? undefined, ip)))
        : intent === 'renew'
          ? await submitAccountForm(Astro, z.object({ renewCode: text }), (input) => issued((t) => t.twoFactor.renewed)(renewRecoveryCodes(db, user, input, ip)))
          : intent === 'disable'
            ? await submitAccountForm(Astro, z.object({ currentPassword: text, code: text }), (input) => disableTwoFactor(db, user, input, ip))
            : undefined;
    if (outcome?.ok && intent === 'disable') return Astro.redirect(withFlash(routes.twoFactorSetup(), 'dvostopenjska-izklopljena'), 303);
    if (!outcome?.ok) form = outcome ?? { ...EMPTY_FORM, status: 400 };
    if (!codes) Astro.response.status = form.status;
  }

  const status = await twoFactorStatus(db, user);
  const setup = !status.enabled && !codes ? await setupView(db, user) : null;
  const action = routes.twoFactorSetup(returnParam ? continueTo : undefined);
  return { user, status, setup, codes, continueTo, action, form, flash: flashMessage(Astro.url, t) };
}

/** The administrators' list of people with 2FA on. */
export function twoFactorUsers(): Promise<TwoFactorUser[]> {
  return listTwoFactorUsers(getDb());
}

const resetInput = z.object({ userId: z.coerce.number().int().positive().optional().catch(undefined) });

/** /admin/dvostopenjska-prijava: the reset forms of /admin post here; success goes back to /admin. */
export async function twoFactorResetPage(Astro: AstroGlobal): Promise<Response | { form: FormState; actorId: number; users: TwoFactorUser[] }> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  let form = EMPTY_FORM;
  if (Astro.request.method === 'POST') {
    const submitted = await submitAccountForm(
      Astro,
      resetInput,
      (input) => (input.userId ? resetTwoFactor(getDb(), actorOf(guard.user), input.userId, clientIp(Astro)) : fail('conflict', (t) => t.twoFactor.admin.notEnabled)),
      { forbidden: 400 },
    );
    if (submitted.ok) return Astro.redirect(withFlash(routes.admin, 'dvostopenjska-ponastavljena'), 303);
    form = submitted;
    Astro.response.status = form.status;
  }
  return { form, actorId: guard.user.id, users: await twoFactorUsers() };
}
