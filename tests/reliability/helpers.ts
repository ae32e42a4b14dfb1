import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { query, serverDatabase, testCluster, transaction, type Statements } from '../support/database.ts';
import { commentForm, seedScale, serverFilesDir, startServer, type RunningServer, type Scale } from '../support/server.ts';

export { commentForm, query, startServer, testCluster, transaction, type Statements };

export interface Harness {
  dir: string;
  /** The server's database: a SQLite file, or in the PostgreSQL round a postgres:// address. */
  dbPath: string;
  /** Where the server's outbox writes mail (.eml files). */
  mailDir: string;
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
