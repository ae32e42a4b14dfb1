import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import type { Db } from '../platform/db.ts';
import type { Role } from '../platform/schema.ts';
import { hashToken } from '../platform/tokens.ts';

/**
 * Sessions with lucia v3 over our own Kysely adapter. The session id lucia hands out is the cookie's
 * token; the database keeps only its SHA-256, so a copy of the database cannot be used to sign in.
 * A session lasts SESSION_IDLE_HOURS from its last use, never longer than SESSION_MAX_AGE_DAYS from
 * sign-in however often it is used, and a person holds at most MAX_SESSIONS_PER_USER at once.
 */

export const SESSION_IDLE_HOURS = 8;
export const SESSION_MAX_AGE_DAYS = 30;
export const MAX_SESSIONS_PER_USER = 10;
const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;

/** Sessions that started before this moment have reached their absolute lifetime. */
function oldestAllowedStart(now = Date.now()): string {
  return new Date(now - SESSION_MAX_AGE_MS).toISOString();
}

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  organisationKind: string;
}

interface DatabaseUserAttributes extends SessionUser {}
interface DatabaseSessionAttributes {
  ip: string | null;
  userAgent: string | null;
}

export class KyselySessionAdapter implements Adapter {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select([
        's.expires_at',
        's.created_at',
        's.ip',
        's.user_agent',
        'u.id as user_id',
        'u.email',
        'u.name',
        'u.role',
        'u.status',
        'u.organisation_id',
        'o.name as organisation_name',
        'o.kind as organisation_kind',
      ])
      .where('s.id', '=', hashToken(token))
      .executeTakeFirst();
    if (!row) return [null, null];
    if (row.created_at <= oldestAllowedStart()) {
      await this.deleteSession(token);
      return [null, null];
    }
    // lucia refreshes the cookie with the id we return here, so it must be the token, not its hash.
    const session: DatabaseSession = {
      id: token,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at * 1000),
      attributes: { ip: row.ip, userAgent: row.user_agent },
    };
    // A disabled account has no user: lucia then deletes the session.
    if (row.status !== 'active') return [session, null];
    const user: DatabaseUser = {
      id: row.user_id,
      attributes: {
        email: row.email,
        name: row.name,
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        organisationKind: row.organisation_kind,
      },
    };
    return [session, user];
  }

  async getUserSessions(userId: number): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
    // Only hashes are stored, so these ids identify sessions but cannot be used as cookies.
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      expiresAt: new Date(r.expires_at * 1000),
      attributes: { ip: r.ip, userAgent: r.user_agent },
    }));
  }

  /** Stores a new session; beyond MAX_SESSIONS_PER_USER the person's oldest sessions end. */
  async setSession(session: DatabaseSession): Promise<void> {
    const id = hashToken(session.id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id,
          user_id: session.userId,
          expires_at: Math.floor(session.expiresAt.getTime() / 1000),
          ip: session.attributes.ip,
          user_agent: session.attributes.userAgent,
          created_at: new Date().toISOString(),
        })
        .execute();
      const newest = await trx
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', session.userId)
        .where('id', '!=', id)
        .orderBy('created_at', 'desc')
        .limit(MAX_SESSIONS_PER_USER - 1)
        .execute();
      await trx
        .deleteFrom('sessions')
        .where('user_id', '=', session.userId)
        .where('id', 'not in', [id, ...newest.map((r) => r.id)])
        .execute();
    });
  }

  async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ expires_at: Math.floor(expiresAt.getTime() / 1000) })
      .where('id', '=', hashToken(token))
      .execute();
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await deleteExpiredSessions(this.db);
  }
}

/** Removes sessions past their sliding expiry or their absolute lifetime. */
export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', Math.floor(Date.now() / 1000)), eb('created_at', '<=', oldestAllowedStart())]))
    .execute();
}

export const SESSION_COOKIE = 'posvet_seja';

export function createLucia(db: Db) {
  return new Lucia(new KyselySessionAdapter(db), {
    // Sliding expiry: lucia extends a session used in the second half of its life.
    sessionExpiresIn: new TimeSpan(SESSION_IDLE_HOURS, 'h'),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { sameSite: 'lax', secure: true },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

export type PosvetLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: PosvetLucia;
    UserId: number;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}

/**
 * `Secure` wherever people use the portal over HTTPS or from another machine; only a portal whose
 * PUBLIC_URL is plain HTTP on the loopback interface (development) sets cookies browsers would
 * otherwise drop there.
 */
export function cookieIsSecure(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  if (url.protocol === 'https:') return true;
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Ends every session of a user except, optionally, the one in use. */
export async function endSessions(db: Db, userId: number, exceptToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) query = query.where('id', '!=', hashToken(exceptToken));
  await query.execute();
}

export async function listSessions(db: Db, userId: number, currentToken?: string) {
  const current = currentToken ? hashToken(currentToken) : undefined;
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', Math.floor(Date.now() / 1000))
    .where('created_at', '>', oldestAllowedStart())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    // Shown as when it ends: the sliding expiry, or the absolute lifetime if that comes first.
    expires_at: Math.min(r.expires_at, Math.floor((Date.parse(r.created_at) + SESSION_MAX_AGE_MS) / 1000)),
    current: r.id === current,
  }));
}
