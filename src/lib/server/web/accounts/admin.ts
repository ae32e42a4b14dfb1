import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import { ROLES, USER_STATUSES } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import type { Actor } from '../../accounts/access.ts';
import { listOpenInvitations } from '../../accounts/invitations.ts';
import { listUsers } from '../../accounts/users.ts';
import { findOrganisationBySlug, listOrganisations, membersOfAssociation, membershipsOf, noSuchMember, setAssociationMembership } from '../../organisations/organisations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { actorOf, clientIp, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { submitAccountForm } from './form.ts';
import { memberForm } from './members.ts';
import { twoFactorUsers } from './two-factor.ts';

/** The administrators' pages: people and invitations (/admin), one organisation (/admin/organizacije/…). */

/** The filters of /admin, as the query string gives them. */
export function userFilter(url: URL) {
  return {
    role: ROLES.find((r) => r === url.searchParams.get('vloga')),
    status: USER_STATUSES.find((s) => s === url.searchParams.get('stanje')),
    text: (url.searchParams.get('iskanje') ?? '').trim().slice(0, 100),
  };
}

export async function loadAdminPage(db: Db, filter: ReturnType<typeof userFilter>) {
  const organisations = await listOrganisations(db);
  const kindOf = new Map(organisations.map((o) => [o.id, o.kind]));
  const users = (await listUsers(db, { role: filter.role, status: filter.status, text: filter.text || undefined })).map((u) => ({
    ...u,
    organisation_kind: kindOf.get(u.organisation_id),
  }));
  return {
    filter,
    users,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    invitations: await listOpenInvitations(db),
    twoFactorUsers: await twoFactorUsers(),
  };
}

export type AdminPage = Awaited<ReturnType<typeof loadAdminPage>> & { actor: Actor; form: FormState; inviteFailed: boolean; flash?: string };

/** /admin: every refusal of a member form answers 400 here. */
export async function adminPage(Astro: AstroGlobal): Promise<Response | AdminPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const actor = actorOf(guard.user);
  let form = EMPTY_FORM;
  let inviteFailed = false;
  if (Astro.request.method === 'POST') {
    const outcome = await memberForm(Astro, { ...actor, name: guard.user.name }, routes.admin, { forbidden: 400 });
    if (outcome instanceof Response) return outcome;
    ({ form } = outcome);
    inviteFailed = outcome.intent === 'invite';
    Astro.response.status = form.status;
  }
  const page = await loadAdminPage(getDb(), userFilter(Astro.url));
  return { ...page, actor, form, inviteFailed, flash: flashMessage(Astro.url, Astro.locals.t) };
}

type Organisation = NonNullable<Awaited<ReturnType<typeof findOrganisationBySlug>>>;

export async function loadAdminOrganisationPage(db: Db, organisation: Organisation) {
  const users = (await listUsers(db, { organisationId: organisation.id })).map((u) => ({ ...u, organisation_kind: organisation.kind }));
  const members = organisation.kind === 'association' ? await membersOfAssociation(db, organisation.id) : [];
  const memberIds = new Set(members.map((o) => o.id));
  const candidates = organisation.kind === 'association' ? (await listOrganisations(db, 'municipality')).filter((o) => !memberIds.has(o.id)) : [];
  const memberships = organisation.kind === 'municipality' ? await membershipsOf(db, organisation.id) : [];
  return { organisation, path: routes.adminOrganisation(organisation.slug), users, members, candidates, memberships };
}

export type AdminOrganisationPage = Awaited<ReturnType<typeof loadAdminOrganisationPage>> & { actor: Actor; form: FormState; flash?: string };

const membershipInput = z.object({
  intent: z.enum(['add-member', 'remove-member']).optional().catch(undefined),
  memberId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

/** /admin/organizacije/[slug]: an association's members are added and removed here. */
export async function adminOrganisationPage(Astro: AstroGlobal): Promise<Response | AdminOrganisationPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const db = getDb();
  const organisation = await findOrganisationBySlug(db, Astro.params.slug ?? '');
  if (!organisation) return Astro.rewrite('/404');
  const path = routes.adminOrganisation(organisation.slug);
  let form = EMPTY_FORM;
  if (Astro.request.method === 'POST') {
    let added = false;
    const submitted = await submitAccountForm(Astro, membershipInput, ({ intent, memberId }) => {
      added = intent === 'add-member';
      if (!intent || !memberId) return noSuchMember();
      return setAssociationMembership(db, { associationId: organisation.id, memberId, member: added }, guard.user.id, clientIp(Astro));
    });
    if (submitted.ok) return Astro.redirect(withFlash(path, added ? 'clanica-dodana' : 'clanica-odstranjena'), 303);
    form = submitted;
    Astro.response.status = form.status;
  }
  const page = await loadAdminOrganisationPage(db, organisation);
  return { ...page, actor: actorOf(guard.user), form, flash: flashMessage(Astro.url, Astro.locals.t) };
}
