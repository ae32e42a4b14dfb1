import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqlite } from '../db.ts';

/**
 * `npm run admin -- backup <file>`: a consistent copy of the live database, checked before it is
 * called a backup. Which one runs is the database's choice (config.databaseUrl), the only difference:
 * - SQLite: the online backup API, then `pragma integrity_check` on the copy;
 * - PostgreSQL: `pg_dump` in its custom format (one snapshot, taken while the portal keeps
 *   writing), then `pg_restore --list`, which reads the whole archive's table of contents.
 */

export type BackupOutcome = { ok: true; summary: string } | { ok: false; problem: string };

export async function backupSqlite(source: string, target: string): Promise<BackupOutcome> {
  mkdirSync(dirname(target), { recursive: true });
  const sqlite = openSqlite(source);
  try {
    await sqlite.backup(target);
  } finally {
    sqlite.close();
  }
  const copy = openSqlite(target);
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') return { ok: false, problem: `The copy failed its integrity check: ${String(check)}` };
  return { ok: true, summary: 'integrity check: ok' };
}

/**
 * The address without its password, and the password apart: it goes to pg_dump in PGPASSWORD, never
 * on the command line, where every user of the machine could read it in the process list.
 */
export function splitPassword(url: string): { address: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { address: parsed.toString(), password };
}

export function backupPostgres(url: string, target: string): BackupOutcome {
  mkdirSync(dirname(target), { recursive: true });
  const { address, password } = splitPassword(url);
  const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) };
  const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${address}`], { env, encoding: 'utf8' });
  if (dump.error) return { ok: false, problem: `pg_dump could not run (${dump.error.message}); install PostgreSQL's client programs (Debian: postgresql-client).` };
  if (dump.status !== 0) return { ok: false, problem: `pg_dump failed:\n${dump.stderr.trim()}` };
  const list = spawnSync('pg_restore', ['--list', target], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (list.error || list.status !== 0) return { ok: false, problem: `pg_restore --list cannot read the dump:\n${(list.stderr ?? String(list.error)).trim()}` };
  const tables = list.stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
  if (tables === 0) return { ok: false, problem: 'The dump holds no table data.' };
  return { ok: true, summary: `pg_restore --list: ok, ${tables} tables` };
}
