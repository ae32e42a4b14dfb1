import type { Kysely } from 'kysely';
import { dictionary, formatDate } from '../../../i18n/index.ts';
import type { Role } from '../../enums.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { deliverSoon, queueMails } from '../platform/mail.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';
import { emailProblem, nameProblem, normaliseEmail, type InvitationAcceptInput } from './input.ts';
import { hashPassword, newPasswordProblems } from './passwords.ts';
import { findUserByEmail } from './users.ts';

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface Inviter {
  id: number | null;
  name: string;
}

/** An address's open invitation (not accepted, revoked or expired), if any: what re-inviting would replace. */
export async function findPendingInvitation(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'role', 'created_at', 'organisation_id'])
    .where('email', '=', normaliseEmail(email))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * Invites a person into an organisation with a role. Who may invite whom is decided by the caller
 * through access.ts; this checks the data. Returns the link (the CLI prints it; pages do not),
 * built from PUBLIC_URL; the mail is in Slovenian, the recipient's language. With `ifPending:
 * 'ask'` (the forms) an address that already has an open invitation is refused with the question
 * whether to replace it (a `replace` field); 'replace' (the default, the CLI) replaces it.
 */
export async function createInvitation(
  db: Db,
  input: { email: string; organisationId: number; role: Role; ifPending?: 'ask' | 'replace' },
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
  if (input.ifPending === 'ask') {
    const pending = await findPendingInvitation(db, email);
    if (pending) {
      const role = pending.role;
      const since = new Date(pending.created_at);
      return fail('conflict', undefined, { replace: (t) => t.onboarding.reinvite.question(t.account.roles[role], formatDate(since)) });
    }
  }
  const result = await db.transaction().execute((trx) => insertInvitation(trx, { email, organisation, role: input.role }, inviter, publicUrl, ip));
  deliverSoon();
  return ok(result);
}

/**
 * Inside the caller's transaction: revokes any open invitation of the address, stores a new one,
 * queues its mail and audits it. The address is normalised and checked by the caller.
 */
export async function insertInvitation(
  trx: Kysely<Database>,
  input: NewInvitation,
  inviter: Inviter,
  publicUrl: string,
  ip: string | null,
  now = new Date(),
): Promise<{ link: string; invitationId: number }> {
  const [created] = await insertInvitations(trx, [input], inviter, publicUrl, ip, now);
  return created;
}

export interface NewInvitation {
  email: string;
  organisation: { id: number; name: string };
  role: Role;
  /** The person's name, when known (an import): the mail greets them by it. */
  name?: string;
}

/** `insertInvitation` for many at once (an import's batch): a few statements per batch, not per person. */
export async function insertInvitations(
  trx: Kysely<Database>,
  inputs: readonly NewInvitation[],
  inviter: Inviter,
  publicUrl: string,
  ip: string | null,
  now = new Date(),
): Promise<Array<{ link: string; invitationId: number }>> {
  if (inputs.length === 0) return [];
  const m = dictionary().account;
  const greet = dictionary().onboarding.importMail.addressed;
  const tokens = inputs.map(() => generateToken());
  // A new invitation replaces any still open for the same address.
  await trx
    .updateTable('invitations')
    .set({ revoked_at: now.toISOString() })
    .where('email', 'in', inputs.map((i) => i.email))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const rows = await trx
    .insertInto('invitations')
    .values(
      inputs.map((input, i) => ({
        token_hash: hashToken(tokens[i]),
        email: input.email,
        organisation_id: input.organisation.id,
        role: input.role,
        invited_by: inviter.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
      })),
    )
    .returning('id')
    .execute();
  const links = tokens.map((token) => absolute(publicUrl, routes.invitation(token)));
  await queueMails(
    trx,
    inputs.map((input, i) => {
      const body = m.invitationMail.body(inviter.name, input.organisation.name, m.roles[input.role], links[i]);
      return { to: input.email, subject: m.invitationMail.subject, text: input.name ? greet(input.name, body) : body };
    }),
  );
  for (const [i, input] of inputs.entries()) {
    await recordAudit(trx, {
      actorUserId: inviter.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: rows[i].id,
      after: { email: input.email, organisationId: input.organisation.id, role: input.role },
      ip,
    });
  }
  return rows.map((row, i) => ({ link: links[i], invitationId: row.id }));
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
