import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import { ROLES } from '../../../enums.ts';
import { fail, type Result } from '../../../result.ts';
import { can, type Actor } from '../../accounts/access.ts';
import { normaliseEmail, emailProblem } from '../../accounts/input.ts';
import { changeRole, inviteMember, revokeMemberInvitation, setUserStatus } from '../../accounts/members.ts';
import { getDb } from '../../platform/db.ts';
import { clientIp, publicBaseUrl } from '../auth-context.ts';
import { withFlash, type FlashKey } from '../flash.ts';
import type { FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { refusedState, submitAccountForm, type Statuses } from './form.ts';

/**
 * The member-management forms shared by /organizacija and /admin — change a role, disable, enable,
 * invite, revoke an invitation: the posted intent to its command, the outcome to a redirect with
 * its message or the refused form.
 */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const maybeId = id.optional().catch(undefined);
const maybeRole = z.enum(ROLES).optional().catch(undefined);
const text = z.string().default('');

const notAllowed = () => fail('forbidden', (t) => t.access.notAllowed);

const FLASH: Record<string, FlashKey> = {
  role: 'vloga-spremenjena',
  disable: 'racun-onemogocen',
  enable: 'racun-omogocen',
  invite: 'povabilo-poslano',
  revoke: 'povabilo-preklicano',
};

export type MemberFormOutcome = Response | { form: FormState; intent?: string };

async function run(Astro: AstroGlobal, actor: Actor & { name: string }, intent: string | undefined, statuses: Statuses) {
  const db = getDb();
  const ip = clientIp(Astro);
  const submit = <S extends z.ZodType>(schema: S, command: (input: z.infer<S>) => Result | Promise<Result>) => submitAccountForm(Astro, schema, command, statuses);
  switch (intent) {
    case 'role':
      return submit(z.object({ userId: maybeId, role: maybeRole }), ({ userId, role }) =>
        userId && role ? changeRole(db, actor, userId, role, ip) : fail('invalid', (t) => t.account.errors.roleRequired),
      );
    case 'disable':
    case 'enable':
      return submit(z.object({ userId: maybeId }), ({ userId }) => (userId ? setUserStatus(db, actor, userId, intent === 'disable' ? 'disabled' : 'active', ip) : notAllowed()));
    case 'invite':
      return submit(z.object({ email: text, organisationId: maybeId, role: maybeRole, replace: z.string().optional().transform((v) => v === '1') }), (input) =>
        inviteMember(db, actor, input, publicBaseUrl(), ip),
      );
    case 'revoke':
      return submit(z.object({ invitationId: maybeId }), ({ invitationId }) => (invitationId ? revokeMemberInvitation(db, actor, invitationId, ip) : notAllowed()));
    default:
      return undefined;
  }
}

/** Handles a posted member form; `path` is the page to return to with the outcome's message. */
export async function memberForm(Astro: AstroGlobal, actor: Actor & { name: string }, path: string, statuses: Statuses = {}): Promise<MemberFormOutcome> {
  const values = await readForm(Astro.request);
  const intent = values.intent;
  if (!can(actor, 'organisation.manage')) return { form: refusedState(notAllowed().error, Astro.locals.t, {}, statuses), intent };
  const outcome = await run(Astro, actor, intent, statuses);
  if (!outcome) return { form: refusedState(notAllowed().error, Astro.locals.t, {}, statuses), intent };
  if (outcome.ok) return Astro.redirect(withFlash(path, FLASH[intent]), 303);
  // A taken address is shown as the invitation would have stored it.
  const email = outcome.values.email;
  if (intent === 'invite' && outcome.errors.email && email && !emailProblem(email)) outcome.values.email = normaliseEmail(email);
  return { form: outcome, intent };
}
