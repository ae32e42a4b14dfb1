import type { Kysely } from 'kysely';
import { t } from '../../../i18n/index.ts';
import type { Database, Role } from '../platform/schema.ts';
import { findUser } from './users.ts';

/**
 * "Download my data" (GDPR Art. 15 and 20): everything the portal holds about a person, and nothing
 * about anyone else. Others who acted on the person's account are named by their role ("skrbnik
 * portala"), never by name, e-mail or IP address; an IP address appears only where it is one the
 * person demonstrably used themselves (their sessions, their successful sign-ins, their own
 * actions). Written as a stream, a page of rows at a time, so the server's memory stays bounded
 * however much a person wrote.
 */

type Db = Kysely<Database>;
const PAGE = 500;

interface Subject {
  id: number;
  email: string;
}

/** Rows of one query, fetched a page at a time after the last id seen. */
async function* byId<T extends { id: number }>(fetch: (afterId: number, limit: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after, PAGE);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** Rows of a query without a single id, a page at a time in a fixed order. */
async function* byOffset<T>(fetch: (offset: number, limit: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await fetch(offset, PAGE);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

const roleName = (role: Role | null | undefined) => (role ? t.account.roles[role] : t.account.dataExport.anonymous);

/** IP addresses the person used themselves: their sessions, successful sign-ins and own actions. */
async function ownAddresses(db: Db, subject: Subject): Promise<Set<string>> {
  const [sessions, logins, actions] = await Promise.all([
    db.selectFrom('sessions').select('ip').distinct().where('user_id', '=', subject.id).execute(),
    db.selectFrom('login_attempts').select('ip').distinct().where('email', '=', subject.email).where('succeeded', '=', 1).execute(),
    db.selectFrom('audit_log').select('ip').distinct().where('actor_user_id', '=', subject.id).execute(),
  ]);
  return new Set([...sessions, ...logins, ...actions].map((r) => r.ip).filter((ip): ip is string => !!ip));
}

/** Keys of audit details that describe the change itself, never another person. */
const DETAIL_KEYS = new Set(['role', 'status', 'hidden', 'reason', 'response', 'receivedVia', 'receivedOn', 'late', 'organisationId', 'member', 'noteId']);

function details(value: string | null, subject: Subject, aboutSubject: boolean): unknown {
  if (value === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) return parsed.every((v) => typeof v === 'string' || typeof v === 'number') ? parsed : undefined;
  if (!parsed || typeof parsed !== 'object') return undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (DETAIL_KEYS.has(key) && (v === null || typeof v !== 'object')) kept[key] = v;
    else if (key === 'email' && v === subject.email) kept[key] = v;
    else if (key === 'name' && aboutSubject && typeof v === 'string') kept[key] = v;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

async function* sections(db: Db, subject: Subject): AsyncGenerator<[string, AsyncGenerator<unknown[]>]> {
  const own = await ownAddresses(db, subject);
  const ownIp = (ip: string | null) => (ip && own.has(ip) ? ip : undefined);

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

  yield [
    'comments',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('comments as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select([
            'c.id',
            'o.name as organisation',
            'c.version_id',
            'c.scope',
            'c.chapter_slug',
            'c.block_number',
            'c.kind',
            'c.body',
            'c.proposed_text',
            'c.rationale',
            'c.state',
            'c.created_at',
            'c.updated_at',
            'c.submitted_at',
            'c.withdrawn_at',
            'c.late',
            'c.moderation_status',
            'c.response',
            'c.hidden',
            'c.received_via',
          ])
          .where('c.author_user_id', '=', subject.id)
          .where('c.id', '>', after)
          .orderBy('c.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((c) => ({
          id: c.id,
          url: `/pripombe/${c.id}`,
          organisation: c.organisation,
          version: c.version_id,
          scope: c.scope,
          chapter: c.chapter_slug,
          block: c.block_number,
          kind: c.kind,
          body: c.body,
          proposedText: c.proposed_text,
          rationale: c.rationale,
          state: c.state,
          createdAt: c.created_at,
          updatedAt: c.updated_at,
          submittedAt: c.submitted_at,
          withdrawnAt: c.withdrawn_at,
          late: c.late === 1,
          moderationStatus: c.moderation_status,
          response: c.response,
          hidden: c.hidden === 1,
          receivedVia: c.received_via,
        }));
      }
    })(),
  ];

  yield [
    'coSignatures',
    (async function* () {
      for await (const rows of byOffset((offset, limit) =>
        db
          .selectFrom('comment_supports as s')
          .innerJoin('organisations as o', 'o.id', 's.organisation_id')
          .select(['s.comment_id', 'o.name as organisation', 's.created_at'])
          .where('s.user_id', '=', subject.id)
          .orderBy('s.comment_id')
          .orderBy('s.organisation_id')
          .limit(limit)
          .offset(offset)
          .execute(),
      )) {
        yield rows.map((s) => ({ commentId: s.comment_id, url: `/pripombe/${s.comment_id}`, organisation: s.organisation, createdAt: s.created_at }));
      }
    })(),
  ];

  yield [
    'jointPositionAnswers',
    (async function* () {
      for await (const rows of byOffset((offset, limit) =>
        db
          .selectFrom('joint_position_members as j')
          .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
          .select(['j.comment_id', 'o.name as organisation', 'j.status', 'j.responded_at'])
          .where('j.responded_by', '=', subject.id)
          .orderBy('j.comment_id')
          .orderBy('j.organisation_id')
          .limit(limit)
          .offset(offset)
          .execute(),
      )) {
        yield rows.map((j) => ({ commentId: j.comment_id, url: `/pripombe/${j.comment_id}`, organisation: j.organisation, answer: j.status, answeredAt: j.responded_at }));
      }
    })(),
  ];

  yield [
    'internalNotes',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('comment_notes')
          .select(['id', 'comment_id', 'body', 'created_at'])
          .where('author_user_id', '=', subject.id)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((n) => ({ commentId: n.comment_id, body: n.body, createdAt: n.created_at }));
      }
    })(),
  ];

  // The audit log: what the person did (with their own address), and what was done to their
  // account or their invitation (by whom only as a role, without the other person's address).
  yield [
    'auditLog',
    (async function* () {
      const invitationIds = (await db.selectFrom('invitations').select('id').where('email', '=', subject.email).execute()).map((i) => String(i.id));
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('audit_log as a')
          .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
          .select(['a.id', 'a.created_at', 'a.action', 'a.actor_user_id', 'actor.role as actor_role', 'a.target_type', 'a.target_id', 'a.before_json', 'a.after_json', 'a.ip'])
          .where((eb) =>
            eb.or([
              eb('a.actor_user_id', '=', subject.id),
              eb.and([eb('a.target_type', '=', 'user'), eb('a.target_id', '=', String(subject.id))]),
              ...(invitationIds.length > 0 ? [eb.and([eb('a.target_type', '=', 'invitation'), eb('a.target_id', 'in', invitationIds)])] : []),
            ]),
          )
          .where('a.id', '>', after)
          .orderBy('a.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((a) => {
          const byThem = a.actor_user_id === subject.id;
          const aboutThem = (a.target_type === 'user' && a.target_id === String(subject.id)) || (a.target_type === 'invitation' && invitationIds.includes(a.target_id ?? ''));
          return {
            createdAt: a.created_at,
            action: a.action,
            by: byThem ? t.account.dataExport.self : roleName(a.actor_role),
            targetType: a.target_type,
            // Another person's account is not named, not even by number.
            targetId: a.target_type === 'user' && !aboutThem ? undefined : a.target_id,
            before: details(a.before_json, subject, aboutThem),
            after: details(a.after_json, subject, aboutThem),
            ip: byThem ? a.ip : a.actor_user_id === null ? ownIp(a.ip) : undefined,
          };
        });
      }
    })(),
  ];
}

const indent = (json: string, spaces: string) => json.replace(/\n/g, `\n${spaces}`);

/** The export as pieces of one JSON document, section by section, a page of rows at a time. */
export async function* personalDataJson(db: Db, userId: number, now = new Date()): AsyncGenerator<string> {
  const user = await findUser(db, userId);
  if (!user) return;
  const subject: Subject = { id: user.id, email: user.email };
  const account = {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    createdAt: user.created_at,
    organisation: { name: user.organisation_name, kind: user.organisation_kind },
  };
  yield `{\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n  "account": ${indent(JSON.stringify(account, null, 2), '  ')}`;
  for await (const [name, pages] of sections(db, subject)) {
    let first = true;
    let text = `,\n  ${JSON.stringify(name)}: [`;
    for await (const rows of pages) {
      for (const row of rows) {
        text += `${first ? '' : ','}\n    ${indent(JSON.stringify(row, null, 2), '    ')}`;
        first = false;
      }
      yield text;
      text = '';
    }
    yield `${text}${first ? ']' : '\n  ]'}`;
  }
  yield '\n}\n';
}

/** The export as a byte stream for a response; pulling drives the queries, so nothing piles up. */
export function personalDataStream(db: Db, userId: number): ReadableStream<Uint8Array> {
  const pieces = personalDataJson(db, userId);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** The whole export as one object (for the command line and tests). */
export async function exportPersonalData(db: Db, userId: number): Promise<Record<string, unknown> | undefined> {
  let text = '';
  for await (const piece of personalDataJson(db, userId)) text += piece;
  return text ? JSON.parse(text) : undefined;
}
