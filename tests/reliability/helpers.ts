import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { postgresBin } from '../support/postgres.ts';
import { query, serverDatabase, testCluster, transaction, type Statements } from '../support/database.ts';
import { commentForm, seedScale, serverFilesDir, startServer, type RunningServer, type Scale } from '../support/server.ts';

export { commentForm, query, startServer, testCluster, transaction, type Statements };

export interface Harness {
  dir: string;
  /** The server's database: a SQLite file, or in the PostgreSQL round a postgres:// address. */
  dbPath: string;
  /** Where the server's outbox writes mail (.eml files). */
  mailDir: string;
  /** The server's DATA_DIR (attachments, report files). */
  dataDir: string;
  scale: Scale;
  server: RunningServer;
  cleanup: () => Promise<void>;
}

/**
 * A fresh database with every organisation signed in and `comments` comments, and the production
 * server on it (mail written to files in `mailDir`; `env` for further settings).
 */
export async function harness(port: number, comments = 0, env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-reliability-'));
  const database = await serverDatabase(dir);
  const dbPath = database.location;
  const mailDir = join(dir, 'mail');
  const scale = await seedScale(dbPath, { comments });
  const server = await startServer(dbPath, port, { MAIL_DIR: mailDir, ...env });
  const result: Harness = {
    dir,
    dbPath,
    mailDir,
    dataDir: join(serverFilesDir(dbPath), 'data'),
    scale,
    server,
    cleanup: async () => {
      await result.server.stop('SIGKILL');
      await database.drop();
      rmSync(serverFilesDir(dbPath), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return result;
}

/** Submits one comment as a signed-in organisation; resolves with the HTTP status. */
export async function submit(server: RunningServer, scale: Scale, client: number, body: string, key: string): Promise<number> {
  const response = await fetch(`${server.url}${scale.blockPaths[client % scale.blockPaths.length]}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: scale.memberCookies[client % scale.memberCookies.length] },
    body: commentForm(body, key),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A same-origin form post (URL-encoded), redirects not followed, with a session cookie or none. */
export function postForm(server: RunningServer, path: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Read-only look at a SQLite file, as an operator would after the fact — for SQLite's own files (a
 * backup copy); the server's database, on either database, through `query`.
 */
export function inspect<T>(dbPath: string, fn: (db: SQLite.Database) => T): T {
  const db = new SQLite(dbPath, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const isPostgresLocation = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Is the database whole? 'ok', or what is wrong. SQLite: `pragma integrity_check` (pages, indexes,
 * constraints). PostgreSQL: amcheck's `bt_index_check` of every B-tree index with
 * `heapallindexed` — each index in order and holding every row of its table.
 */
export function integrity(location: string): Promise<string> {
  return query(location, async (db) => {
    if (!isPostgresLocation(location)) return String((await db.get<{ integrity_check: string }>('pragma integrity_check'))!.integrity_check);
    await db.run('create extension if not exists amcheck');
    try {
      await db.all(
        `select bt_index_check(c.oid, true) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
         where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace`,
      );
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  });
}

/**
 * Did the server close its database cleanly? SQLite: the write-ahead log was checkpointed and
 * removed. PostgreSQL: no connection to the database is left (the pool was ended).
 */
export async function closedCleanly(location: string): Promise<boolean> {
  if (!isPostgresLocation(location)) return !existsSync(`${location}-wal`);
  const others = await query(location, (db) =>
    db.get<{ n: number }>('select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'),
  );
  return others!.n === 0;
}

/** A stable order of a table's rows for a snapshot: SQLite's rowid; PostgreSQL's ctid (the row's place, unchanged while nothing writes). */
export function rowOrder(location: string): string {
  return isPostgresLocation(location) ? 'ctid' : 'rowid';
}

/**
 * A copy of the live database as its backup makes it, to look for what it must not hold. SQLite:
 * the online backup, byte for byte (deleted content is zeroed: secure_delete). PostgreSQL: what
 * `pg_dump` writes (every live row; old row versions in the server's own files until vacuum are
 * not in any copy an operator takes).
 */
export async function databaseCopy(location: string, dir: string): Promise<Buffer> {
  if (isPostgresLocation(location)) {
    const dump = spawnSync(`${postgresBin()}/pg_dump`, ['--no-owner', '--dbname', location], { maxBuffer: 1 << 30 });
    if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`);
    return dump.stdout;
  }
  const target = join(dir, `copy-${randomUUID()}.sqlite`);
  const db = new SQLite(location, { readonly: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return readFileSync(target);
}
