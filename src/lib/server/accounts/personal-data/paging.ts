import type { Kysely } from 'kysely';
import type { Dictionary } from '../../../../i18n/index.ts';
import type { Role } from '../../../enums.ts';
import type { Database } from '../../platform/schema.ts';

/** The pieces every section of the personal-data export is built from. */

export type Db = Kysely<Database>;
const PAGE = 500;

export interface Subject {
  id: number;
  email: string;
}

/** What a section needs: the person, the addresses they used themselves, and the words for others. */
export interface Exporting {
  db: Db;
  subject: Subject;
  /** The address if the person used it themselves, else undefined. */
  ownIp: (ip: string | null) => string | undefined;
  /** Someone else named by their role (or as not signed in). */
  roleName: (role: Role | null | undefined) => string;
  t: Dictionary;
}

export type Section = [string, AsyncGenerator<unknown[]>];

/** Rows of one query, fetched a page at a time after the last id seen. */
export async function* byId<T extends { id: number }>(fetch: (afterId: number, limit: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after, PAGE);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** Rows of a query without a single id, a page at a time in a fixed order. */
export async function* byOffset<T>(fetch: (offset: number, limit: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await fetch(offset, PAGE);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

/** IP addresses the person used themselves: their sessions, successful sign-ins and own actions. */
export async function ownAddresses(db: Db, subject: Subject): Promise<Set<string>> {
  const [sessions, logins, actions] = await Promise.all([
    db.selectFrom('sessions').select('ip').distinct().where('user_id', '=', subject.id).execute(),
    db.selectFrom('login_attempts').select('ip').distinct().where('email', '=', subject.email).where('succeeded', '=', 1).execute(),
    db.selectFrom('audit_log').select('ip').distinct().where('actor_user_id', '=', subject.id).execute(),
  ]);
  return new Set([...sessions, ...logins, ...actions].map((r) => r.ip).filter((ip): ip is string => !!ip));
}

/** Keys of audit details that describe the change itself, never another person. */
const DETAIL_KEYS = new Set(['role', 'status', 'hidden', 'reason', 'response', 'receivedVia', 'receivedOn', 'late', 'organisationId', 'member', 'noteId']);

export function details(value: string | null, subject: Subject, aboutSubject: boolean): unknown {
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
