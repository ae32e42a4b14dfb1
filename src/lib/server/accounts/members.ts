import { z } from 'astro/zod';
import { t } from '../../../i18n/index.ts';
import { assignableRoles, can, canManageUser, canRevokeInvitation, invitationIsAdministrators, isAdministratorsDecision, type Actor } from './access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { createInvitation, revokeInvitation } from './invitations.ts';
import { findOrganisation } from '../organisations/organisations.ts';
import type { Role } from '../platform/schema.ts';

/** Changes to people's accounts made by an organisation admin or an administrator. */

export type MemberChangeResult = { ok: true } | { ok: false; message: string };

async function target(db: Db, userId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'u.role', 'u.status', 'u.disabled_by_role', 'u.email', 'o.kind as organisation_kind'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** Why the actor may not change this person, or undefined when they may. */
function refusal(actor: Actor, person: Awaited<ReturnType<typeof target>>): string | undefined {
  if (!person) return t.access.notAllowed;
  if (canManageUser(actor, person)) return undefined;
  const ownColleague = actor.role === 'org_admin' && actor.id !== person.id && actor.organisationId === person.organisation_id;
  return ownColleague && isAdministratorsDecision(actor, person) ? t.account.errors.disabledByAdmin : t.access.notAllowed;
}

export async function changeRole(db: Db, actor: Actor, userId: number, role: Role, ip: string | null): Promise<MemberChangeResult> {
  const person = await target(db, userId);
  const refused = refusal(actor, person);
  if (refused || !person) return { ok: false, message: refused ?? t.access.notAllowed };
  if (!assignableRoles(actor, person.organisation_id, person.organisation_kind).includes(role)) {
    return { ok: false, message: t.account.errors.roleNotForOrganisation };
  }
  if (person.role === role) return { ok: true };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ role, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: userId,
      before: { role: person.role },
      after: { role },
      ip,
    });
  });
  return { ok: true };
}

/**
 * Disabling ends the person's sessions at once; their comments stay, attributed to the organisation.
 * Who disabled is kept: what a portal administrator disabled, only an administrator re-enables.
 */
export async function setUserStatus(
  db: Db,
  actor: Actor,
  userId: number,
  status: 'active' | 'disabled',
  ip: string | null,
): Promise<MemberChangeResult> {
  const person = await target(db, userId);
  const refused = refusal(actor, person);
  if (refused || !person) return { ok: false, message: refused ?? t.access.notAllowed };
  if (person.status === status) return { ok: true };
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
      before: { status: person.status },
      after: { status },
      ip,
    });
  });
  return { ok: true };
}

export type MemberActionOutcome =
  | { kind: 'done'; flash: 'vloga-spremenjena' | 'racun-onemogocen' | 'racun-omogocen' | 'povabilo-preklicano' | 'povabilo-poslano' }
  | { kind: 'failed'; errors: Record<string, string>; values: Record<string, string> };

const roleValues = ['member', 'org_admin', 'moderator', 'admin'] as const;
const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * The member-management form actions shared by /organizacija and /admin: change role, disable,
 * enable, invite, revoke an invitation. Each checks the actor's rights through access.ts.
 */
export async function handleMemberAction(
  db: Db,
  actor: Actor & { name: string },
  form: Record<string, string>,
  baseUrl: string,
  ip: string | null,
): Promise<MemberActionOutcome> {
  const denied = (): MemberActionOutcome => ({ kind: 'failed', errors: { _form: t.access.notAllowed }, values: {} });
  if (!can(actor, 'organisation.manage')) return denied();
  switch (form.intent) {
    case 'role': {
      const userId = idSchema.safeParse(form.userId);
      const role = z.enum(roleValues).safeParse(form.role);
      if (!userId.success || !role.success) return { kind: 'failed', errors: { _form: t.account.errors.roleRequired }, values: {} };
      const result = await changeRole(db, actor, userId.data, role.data, ip);
      return result.ok ? { kind: 'done', flash: 'vloga-spremenjena' } : { kind: 'failed', errors: { _form: result.message }, values: {} };
    }
    case 'disable':
    case 'enable': {
      const userId = idSchema.safeParse(form.userId);
      if (!userId.success) return denied();
      const result = await setUserStatus(db, actor, userId.data, form.intent === 'disable' ? 'disabled' : 'active', ip);
      if (!result.ok) return { kind: 'failed', errors: { _form: result.message }, values: {} };
      return { kind: 'done', flash: form.intent === 'disable' ? 'racun-onemogocen' : 'racun-omogocen' };
    }
    case 'invite': {
      // An organisation admin invites into their own organisation; an administrator into any.
      const organisationId = actor.role === 'admin' ? idSchema.safeParse(form.organisationId) : { success: true as const, data: actor.organisationId };
      const values = { email: form.email ?? '', role: form.role ?? '', organisationId: form.organisationId ?? '' };
      if (!organisationId.success) return { kind: 'failed', errors: { organisationId: t.account.errors.organisationRequired }, values };
      const organisation = await findOrganisation(db, organisationId.data);
      if (!organisation) return { kind: 'failed', errors: { organisationId: t.account.errors.organisationRequired }, values };
      const role = z.enum(roleValues).safeParse(form.role);
      if (!role.success) return { kind: 'failed', errors: { role: t.account.errors.roleRequired }, values };
      if (!assignableRoles(actor, organisation.id, organisation.kind).includes(role.data)) {
        return { kind: 'failed', errors: { role: t.account.errors.roleNotForOrganisation }, values };
      }
      const result = await createInvitation(db, { email: form.email ?? '', organisationId: organisation.id, role: role.data }, actor, baseUrl, ip);
      if (!result.ok) return { kind: 'failed', errors: result.errors, values: { ...values, ...result.values } };
      return { kind: 'done', flash: 'povabilo-poslano' };
    }
    case 'revoke': {
      const invitationId = idSchema.safeParse(form.invitationId);
      if (!invitationId.success) return denied();
      const invitation = await db
        .selectFrom('invitations as i')
        .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
        .select(['i.organisation_id', 'inviter.role as inviter_role'])
        .where('i.id', '=', invitationId.data)
        .executeTakeFirst();
      if (!invitation) return denied();
      if (!canRevokeInvitation(actor, invitation)) {
        const own = actor.role === 'org_admin' && invitation.organisation_id === actor.organisationId;
        return own && invitationIsAdministrators(invitation) ? { kind: 'failed', errors: { _form: t.account.errors.invitationByAdmin }, values: {} } : denied();
      }
      await revokeInvitation(db, invitationId.data, actor.id, ip);
      return { kind: 'done', flash: 'povabilo-preklicano' };
    }
    default:
      return denied();
  }
}
