import { byId, type Exporting, type Section } from './paging.ts';

/** The export's sections about the account itself: sessions, sign-ins, reset links, invitations. */
export function* accountSections({ db, subject, ownIp, roleName, t }: Exporting): Generator<Section> {
  yield [
    'sessions',
    (async function* () {
      const rows = await db
        .selectFrom('sessions')
        .select(['created_at', 'expires_at', 'ip', 'user_agent'])
        .where('user_id', '=', subject.id)
        .orderBy('created_at')
        .execute();
      yield rows.map((s) => ({ createdAt: s.created_at, expiresAt: new Date(s.expires_at * 1000).toISOString(), ip: s.ip, userAgent: s.user_agent }));
    })(),
  ];

  // Attempts with the person's e-mail: a failed one may have come from someone else, whose address
  // is theirs, not the person's: shown only if the person used that address themselves.
  yield [
    'loginAttempts',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('login_attempts')
          .select(['id', 'created_at', 'ip', 'succeeded', 'kind'])
          .where('email', '=', subject.email)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((a) => ({ createdAt: a.created_at, kind: a.kind, succeeded: a.succeeded === 1, ip: a.succeeded === 1 ? a.ip : ownIp(a.ip) }));
      }
    })(),
  ];

  yield [
    'passwordResets',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('password_resets')
          .select(['id', 'created_at', 'expires_at', 'used_at'])
          .where('user_id', '=', subject.id)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((r) => ({ createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }));
      }
    })(),
  ];

  const invitationColumns = ['i.id', 'i.role', 'i.created_at', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'o.name as organisation'] as const;
  yield [
    'invitationsReceived',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('invitations as i')
          .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
          .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
          .select([...invitationColumns, 'i.invited_by', 'inviter.role as inviter_role'])
          .where('i.email', '=', subject.email)
          .where('i.id', '>', after)
          .orderBy('i.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((i) => ({
          createdAt: i.created_at,
          organisation: i.organisation,
          role: i.role,
          // Without an inviter the invitation came from the operator's command line.
          invitedBy: i.invited_by === null ? t.account.roles.admin : roleName(i.inviter_role),
          expiresAt: i.expires_at,
          acceptedAt: i.accepted_at,
          revokedAt: i.revoked_at,
        }));
      }
    })(),
  ];

  // Whom the person invited is that person's data: the invitations without their addresses.
  yield [
    'invitationsSent',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('invitations as i')
          .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
          .select(invitationColumns)
          .where('i.invited_by', '=', subject.id)
          .where('i.id', '>', after)
          .orderBy('i.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((i) => ({ createdAt: i.created_at, organisation: i.organisation, role: i.role, expiresAt: i.expires_at, acceptedAt: i.accepted_at, revokedAt: i.revoked_at }));
      }
    })(),
  ];

}
