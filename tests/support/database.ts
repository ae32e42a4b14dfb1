import { join } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import { openDatabase, type Db } from '../../src/lib/server/platform/db.ts';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { createTestDatabase, ensureDatabase } from './postgres.ts';

/**
 * The tests' own look into a server's database, the same on both databases: a SQLite file, or — in
 * the PostgreSQL round (TEST_POSTGRES_URL, the throwaway cluster tests/run.ts started) — a database
 * of its own on the test cluster. Statements are plain SQL with `?` placeholders, written so both
 * databases read them alike; they run through the portal's own Kysely handle (`openDatabase`), so
 * numbers, timestamps and transactions behave as the portal sees them.
 */

/** The test cluster of the PostgreSQL round, or undefined on SQLite. */
export const testCluster: string | undefined = process.env.TEST_POSTGRES_URL || undefined;

/** Which database this round runs on, for names and messages. */
export const roundName = testCluster ? 'PostgreSQL' : 'SQLite';

export interface ServerDatabase {
  /** What the server's DATABASE_PATH or DATABASE_URL is (startServer takes either). */
  location: string;
  /** Removes it (the SQLite file goes with its folder; a PostgreSQL database is dropped). */
  drop: () => Promise<void>;
}

/**
 * A new, empty database for a server the test starts: `posvet.sqlite` in `dir`, or a database on
 * the test cluster. The server's start (or `seedScale`) migrates and seeds it, as in production.
 * With `name`, a PostgreSQL database of that name is reused when it exists (a restarted worker).
 */
export async function serverDatabase(dir: string, name?: string): Promise<ServerDatabase> {
  if (!testCluster) return { location: join(dir, 'posvet.sqlite'), drop: async () => {} };
  const { url, drop } = name ? await ensureDatabase(testCluster, name) : await createTestDatabase(testCluster, 'template0');
  return { location: url, drop };
}

export interface Statements {
  /** The Kysely handle itself, for queries better said with the query builder. */
  db: Kysely<any>;
  /** The first row, or undefined. */
  get: <T = Record<string, unknown>>(text: string, ...params: unknown[]) => Promise<T | undefined>;
  all: <T = Record<string, unknown>>(text: string, ...params: unknown[]) => Promise<T[]>;
  /** Runs a write; resolves with the number of rows it changed. */
  run: (text: string, ...params: unknown[]) => Promise<number>;
}

/** `?` placeholders as PostgreSQL numbers them ($1, $2, …); a `?` inside a quoted literal stays. */
function numbered(text: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    out += c === '?' && !quoted ? `$${++n}` : c;
  }
  return out;
}

function statements(db: Kysely<any>): Statements {
  const postgres = isPostgres(db);
  const execute = <T>(text: string, params: unknown[]) =>
    db.executeQuery<T>(CompiledQuery.raw(postgres ? numbered(text) : text, params));
  return {
    db,
    get: async (text, ...params) => (await execute<any>(text, params)).rows[0],
    all: async (text, ...params) => (await execute<any>(text, params)).rows,
    run: async (text, ...params) => Number((await execute(text, params)).numAffectedRows ?? 0),
  };
}

/** Opens the database at `location` (a SQLite path or a postgres:// address), runs `work`, closes it. */
export async function query<T>(location: string, work: (db: Statements) => Promise<T>): Promise<T> {
  const db: Db = openDatabase(location);
  try {
    return await work(statements(db));
  } finally {
    await db.destroy();
  }
}

/** As `query`, in one transaction (all of `work` or nothing). */
export function transaction<T>(location: string, work: (db: Statements) => Promise<T>): Promise<T> {
  return query(location, (outer) => outer.db.transaction().execute((trx) => work(statements(trx))));
}
