import { dictionary } from '../../../i18n/index.ts';
import type { Role } from '../../enums.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon, queueMail } from '../platform/mail.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';
import { emailProblem, nameProblem, normaliseEmail, type InvitationAcceptInput } from './input.ts';
import { hashPassword, newPasswordProblems } from './passwords.ts';
import { findUserByEmail } from './users.ts';

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface Inviter {
  id: number | null;
  name: string;
}

/**
 * Invites a person into an organisation with a role. Who may invite whom is decided by the caller
 * through access.ts; this checks the data. Returns the link (the CLI prints it; pages do not),
 * built from PUBLIC_URL; the mail is in Slovenian, the recipient's language.
 */
export async function createInvitation(
  db: Db,
  input: { email: string; organisationId: number; role: Role },
  inviter: Inviter,
  publicUrl: string,
  ip: string | null,
): Promise<Result<{ link: string; invitationId: number }>> {
  const problem = emailProblem(input.email);
  if (problem) return invalid({ email: problem });
  const email = normaliseEmail(input.email);
  const organisation = await db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) return invalid({ organisation: (t) => t.account.errors.organisationRequired });
  if ((input.role === 'moderator' || input.role === 'admin') && organisation.kind !== 'government') {
    return invalid({ role: (t) => t.account.errors.roleNotForOrganisation });
  }
  if (await findUserByEmail(db, email)) return invalid({ email: (t) => t.account.errors.emailTaken });

  const token = generateToken();
  const link = absolute(publicUrl, routes.invitation(token));
  const m = dictionary().account;
  const invitationId = await db.transaction().execute(async (trx) => {
    // A new invitation replaces any still open for the same address.
    await trx
      .updateTable('invitations')
      .set({ revoked_at: new Date().toISOString() })
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await trx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        email,
        organisation_id: organisation.id,
        role: input.role,
        invited_by: inviter.id,
        created_at: new Date().toISOString(),
        expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await queueMail(trx, {
      to: email,
      subject: m.invitationMail.subject,
      text: m.invitationMail.body(inviter.name, organisation.name, m.roles[input.role], link),
    });
    await recordAudit(trx, {
      actorUserId: inviter.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: row.id,
      after: { email, organisationId: organisation.id, role: input.role },
      ip,
    });
    return row.id;
  });
  deliverSoon();
  return ok({ link, invitationId });
}

export async function findValidInvitation(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.email', 'i.role', 'i.organisation_id', 'o.name as organisation_name'])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
}

/** The invitation is expired, revoked, accepted or never was. */
const expired = () => fail('not_found', (t) => t.account.invitation.expired);

/** Turns an invitation into an account: the person gives their name and a password. */
export async function acceptInvitation(db: Db, token: string, input: InvitationAcceptInput, ip: string): Promise<Result<{ userId: number }>> {
  const invitation = await findValidInvitation(db, token);
  if (!invitation) return expired();
  const name = nameProblem(input.name);
  const problems = { ...(name ? { name } : {}), ...newPasswordProblems(input, invitation.email) };
  if (Object.keys(problems).length > 0) return invalid(problems);
  const hash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: new Date().toISOString() })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return undefined;
    if (await findUserByEmail(trx, invitation.email)) return undefined;
    const user = await trx
      .insertInto('users')
      .values({
        email: invitation.email,
        name: input.name.trim(),
        organisation_id: invitation.organisation_id,
        role: invitation.role,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'invitation.accepted',
      targetType: 'user',
      targetId: user.id,
      after: { email: invitation.email, organisationId: invitation.organisation_id, role: invitation.role },
      ip,
    });
    return user.id;
  });
  return userId ? ok({ userId }) : expired();
}

export async function listOpenInvitations(db: Db, organisationId?: number) {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.created_at', 'i.expires_at', 'i.organisation_id', 'o.name as organisation_name', 'inviter.role as inviter_role'])
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', new Date().toISOString())
    .orderBy('i.created_at', 'desc');
  if (organisationId) query = query.where('i.organisation_id', '=', organisationId);
  return query.execute();
}

/** Who sent an invitation (as a role) and into which organisation: what decides who may revoke it. */
export async function findInvitation(db: Db, invitationId: number) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select(['i.organisation_id', 'inviter.role as inviter_role'])
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
}

/** Revokes an open invitation (the caller has checked the actor may); false when it was not open. */
export async function revokeInvitation(db: Db, invitationId: number, actorId: number, ip: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('invitations')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', invitationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actorUserId: actorId, action: 'invitation.revoked', targetType: 'invitation', targetId: invitationId, ip });
    return true;
  });
}
