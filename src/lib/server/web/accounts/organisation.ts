import type { AstroGlobal } from 'astro';
import type { Role } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import { assignableRoles, can, canRevokeInvitation, type Actor } from '../../accounts/access.ts';
import { listOpenInvitations } from '../../accounts/invitations.ts';
import { listUsers } from '../../accounts/users.ts';
import { findOrganisation, membersOfAssociation, membershipsOf } from '../../organisations/organisations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { z } from 'astro/zod';
import { remindersOptedOut, setReminderOptOut } from '../../notifications/reminders.ts';
import { config } from '../../platform/config.ts';
import { actorOf, clientIp, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { readForm } from '../forms.ts';
import { submitAccountForm } from './form.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { memberForm } from './members.ts';

/** /organizacija: one's own organisation, its people and (for its admins) their management. */

type Organisation = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
type Named = { id: number; name: string };

export async function loadOrganisationPage(db: Db, actor: Actor) {
  const organisation: Organisation = (await findOrganisation(db, actor.organisationId))!;
  const manages = can(actor, 'organisation.manage');
  const members = (await listUsers(db, { organisationId: organisation.id })).map((u) => ({ ...u, organisation_kind: organisation.kind }));
  const invitations = (manages ? await listOpenInvitations(db, organisation.id) : []).map((i) => ({ ...i, revocable: canRevokeInvitation(actor, i) }));
  const roles: Role[] = assignableRoles(actor, organisation.id, organisation.kind);
  const memberships: Named[] = organisation.kind === 'municipality' ? await membershipsOf(db, organisation.id) : [];
  const associationMembers: Named[] = organisation.kind === 'association' ? await membersOfAssociation(db, organisation.id) : [];
  // A refused invitation from someone without the invite form shows its reason at the top instead.
  const remindersOff = manages && (await remindersOptedOut(db, organisation.id));
  return { organisation, manages, members, invitations, roles, memberships, associationMembers, showInvite: manages && roles.length > 0, remindersOptedOut: remindersOff, reminderDays: config.reminderDays };
}

export type OrganisationPage = Awaited<ReturnType<typeof loadOrganisationPage>> & { actor: Actor; form: FormState; inviteFailed: boolean; flash?: string };

export async function organisationPage(Astro: AstroGlobal): Promise<Response | OrganisationPage> {
  const guard = requirePermission(Astro, 'organisation.view');
  if (guard.response) return guard.response;
  const actor = actorOf(guard.user);
  let form = EMPTY_FORM;
  let inviteFailed = false;
  if (Astro.request.method === 'POST' && (await readForm(Astro.request)).intent === 'reminders') {
    // [issue 16] The reminder opt-out (notifications/reminders.ts).
    const saved = await submitAccountForm(Astro, z.object({ optOut: z.string().optional() }), ({ optOut }) => setReminderOptOut(getDb(), actor, optOut === '1', clientIp(Astro)));
    if (saved.ok) return Astro.redirect(withFlash(routes.organisation, saved.values.optOut === '1' ? 'opomniki-izklopljeni' : 'opomniki-vklopljeni'), 303);
    form = saved;
    Astro.response.status = form.status;
  } else if (Astro.request.method === 'POST') {
    // Not allowed answers 403; any other refusal 400.
    const outcome = await memberForm(Astro, { ...actor, name: guard.user.name }, routes.organisation);
    if (outcome instanceof Response) return outcome;
    ({ form } = outcome);
    inviteFailed = outcome.intent === 'invite';
    Astro.response.status = form.status;
  }
  const page = await loadOrganisationPage(getDb(), actor);
  return { ...page, actor, form, inviteFailed, flash: flashMessage(Astro.url, Astro.locals.t) };
}
