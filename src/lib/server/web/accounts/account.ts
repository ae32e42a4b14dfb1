import type { AstroGlobal } from 'astro';
import { routes } from '../../../routes.ts';
import { nameInput, passwordChangeInput } from '../../accounts/input.ts';
import { changePassword, endOtherSessions } from '../../accounts/password-change.ts';
import { listSessions } from '../../accounts/sessions.ts';
import { twoFactorStatus, type TwoFactorStatus } from '../../accounts/two-factor/status.ts';
import { changeName } from '../../accounts/users.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { clientIp, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash, type FlashKey } from '../flash.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { submitAccountForm, type AccountSubmitted } from './form.ts';

/** /moj-racun: one's name, password and sessions. */

type User = NonNullable<App.Locals['user']>;

/** A browser and system named from a user agent, or '' when neither is known. */
export function deviceName(agent: string | null): string {
  if (!agent) return '';
  const browser = /Firefox\//.test(agent) ? 'Firefox' : /Edg\//.test(agent) ? 'Edge' : /Chrom(e|ium)\//.test(agent) ? 'Chrome' : /Safari\//.test(agent) ? 'Safari' : '';
  const system = /Windows/.test(agent) ? 'Windows' : /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Mac OS X/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : '';
  return [browser, system].filter(Boolean).join(', ');
}

export interface AccountPage {
  user: User;
  sessions: Array<{ device: string; ip: string | null; createdAt: string; expiresAt: number; current: boolean }>;
  otherSessions: number;
  twoFactor: TwoFactorStatus;
  /** The form that was refused ('name', 'password'), its errors and what was typed. */
  failedForm?: string;
  form: FormState;
  flash?: string;
}

export async function loadAccountPage(db: Db, user: User, sessionToken: string | undefined): Promise<Omit<AccountPage, 'form' | 'flash'>> {
  const sessions = (await listSessions(db, user.id, sessionToken)).map((s) => ({
    device: deviceName(s.user_agent),
    ip: s.ip,
    createdAt: s.created_at,
    expiresAt: s.expires_at,
    current: s.current,
  }));
  return { user, sessions, otherSessions: sessions.filter((s) => !s.current).length, twoFactor: await twoFactorStatus(db, user) };
}

async function submitted(Astro: AstroGlobal, user: User, intent: string | undefined): Promise<AccountSubmitted<unknown> | undefined> {
  const db = getDb();
  const ip = clientIp(Astro);
  const token = Astro.locals.sessionToken ?? undefined;
  if (intent === 'name') return submitAccountForm(Astro, nameInput, (input) => changeName(db, user.id, input, ip));
  if (intent === 'password') return submitAccountForm(Astro, passwordChangeInput, (input) => changePassword(db, user, input, token ?? '', ip));
  if (intent === 'end-others') return { ok: true, value: await endOtherSessions(db, user.id, token, ip), values: {} };
  return undefined;
}

const FLASH: Record<string, FlashKey> = { name: 'ime-shranjeno', password: 'geslo-spremenjeno', 'end-others': 'seje-koncane' };

export async function accountPage(Astro: AstroGlobal): Promise<Response | AccountPage> {
  const guard = requirePermission(Astro, 'account');
  if (guard.response) return guard.response;
  let form = EMPTY_FORM;
  let failedForm: string | undefined;
  if (Astro.request.method === 'POST') {
    const intent = (await readForm(Astro.request)).intent;
    const outcome = await submitted(Astro, guard.user, intent);
    if (outcome?.ok) return Astro.redirect(withFlash(routes.account, FLASH[intent]), 303);
    form = outcome ?? { ...EMPTY_FORM, status: 400 };
    failedForm = intent;
    Astro.response.status = form.status;
  }
  const page = await loadAccountPage(getDb(), guard.user, Astro.locals.sessionToken ?? undefined);
  return { ...page, form, failedForm, flash: flashMessage(Astro.url, Astro.locals.t) };
}
