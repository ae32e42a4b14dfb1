import type { Role, UserStatus } from '../../enums.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { findOrganisation } from '../organisations/organisations.ts';
import { assignableRoles, can, canManageUser, canRevokeInvitation, invitationIsAdministrators, isAdministratorsDecision, type Actor } from './access.ts';
import { createInvitation, findInvitation, revokeInvitation } from './invitations.ts';

/**
 * Changes to people's accounts made by an organisation admin or an administrator: role, status,
 * invitations. Each checks the actor's rights through access.ts. `forbidden` is the plain "not
 * allowed"; `conflict` is a refusal with a reason the actor may know (a portal administrator's
 * decision outranks theirs).
 */

const notAllowed = () => fail('forbidden', (t) => t.access.notAllowed);

async function target(db: Db, userId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'u.role', 'u.status', 'u.disabled_by_role', 'u.email', 'o.kind as organisation_kind'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

type Target = NonNullable<Awaited<ReturnType<typeof target>>>;

/** The person, if the actor may change them; else why not. */
async function manageable(db: Db, actor: Actor, userId: number): Promise<Result<Target>> {
  const person = await target(db, userId);
  if (!person) return notAllowed();
  if (canManageUser(actor, person)) return ok(person);
  const ownColleague = actor.role === 'org_admin' && actor.id !== person.id && actor.organisationId === person.organisation_id;
  return ownColleague && isAdministratorsDecision(actor, person) ? fail('conflict', (t) => t.account.errors.disabledByAdmin) : notAllowed();
}

export async function changeRole(db: Db, actor: Actor, userId: number, role: Role, ip: string | null): Promise<Result> {
  const person = await manageable(db, actor, userId);
  if (!person.ok) return person;
  const { organisation_id, organisation_kind, role: before } = person.value;
  if (!assignableRoles(actor, organisation_id, organisation_kind).includes(role)) return fail('invalid', (t) => t.account.errors.roleNotForOrganisation);
  if (before === role) return ok();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ role, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'user.role_changed', targetType: 'user', targetId: userId, before: { role: before }, after: { role }, ip });
  });
  return ok();
}

/**
 * Disabling ends the person's sessions at once; their comments stay, attributed to the organisation.
 * Who disabled is kept: what a portal administrator disabled, only an administrator re-enables.
 */
export async function setUserStatus(db: Db, actor: Actor, userId: number, status: UserStatus, ip: string | null): Promise<Result> {
  const person = await manageable(db, actor, userId);
  if (!person.ok) return person;
  const before = person.value.status;
  if (before === status) return ok();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ status, disabled_by_role: status === 'disabled' ? actor.role : null, updated_at: new Date().toISOString() })
      .where('id', '=', userId)
      .execute();
    if (status === 'disabled') await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: status === 'disabled' ? 'user.disabled' : 'user.enabled',
      targetType: 'user',
      targetId: userId,
      before: { status: before },
      after: { status },
      ip,
    });
  });
  return ok();
}

export interface MemberInvitation {
  email: string;
  /** Ignored for an organisation admin: they invite into their own organisation. */
  organisationId?: number;
  role?: Role;
  /** Confirmed: an open invitation of the address is replaced (otherwise the form asks first). */
  replace?: boolean;
}

/** An organisation admin invites into their own organisation; an administrator into any. */
export async function inviteMember(db: Db, actor: Actor & { name: string }, input: MemberInvitation, publicUrl: string, ip: string | null): Promise<Result> {
  if (!can(actor, 'organisation.manage')) return notAllowed();
  const organisationId = actor.role === 'admin' ? input.organisationId : actor.organisationId;
  const organisation = organisationId ? await findOrganisation(db, organisationId) : undefined;
  if (!organisation) return invalid({ organisationId: (t) => t.account.errors.organisationRequired });
  if (!input.role) return invalid({ role: (t) => t.account.errors.roleRequired });
  if (!assignableRoles(actor, organisation.id, organisation.kind).includes(input.role)) return invalid({ role: (t) => t.account.errors.roleNotForOrganisation });
  const created = await createInvitation(db, { email: input.email, organisationId: organisation.id, role: input.role, ifPending: input.replace ? 'replace' : 'ask' }, actor, publicUrl, ip);
  return created.ok ? ok() : created;
}

/** An administrator revokes any open invitation; an organisation admin those they may (access.ts). */
export async function revokeMemberInvitation(db: Db, actor: Actor, invitationId: number, ip: string | null): Promise<Result> {
  if (!can(actor, 'organisation.manage')) return notAllowed();
  const invitation = await findInvitation(db, invitationId);
  if (!invitation) return notAllowed();
  if (!canRevokeInvitation(actor, invitation)) {
    const own = actor.role === 'org_admin' && invitation.organisation_id === actor.organisationId;
    return own && invitationIsAdministrators(invitation) ? fail('conflict', (t) => t.account.errors.invitationByAdmin) : notAllowed();
  }
  await revokeInvitation(db, invitationId, actor.id, ip);
  return ok();
}
