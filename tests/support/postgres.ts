import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for the test suite: `initdb` in a temporary folder, started on a
 * free loopback port, without durability (fsync off — the data is thrown away), as the `postgres`
 * user when this process is root (PostgreSQL refuses to run as root). Imports nothing from src/.
 *
 * TEST_POSTGRES_URL (the cluster's superuser address) tells every test helper to create its
 * databases there (`createTestDatabase`) instead of in SQLite files.
 */

export interface Cluster {
  url: string;
  /** The cluster's data folder. */
  dataDir: string;
  stop: () => void;
}

/** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<major>/bin), or undefined. */
export function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const majors = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) if (existsSync(join(base, major, 'bin', 'initdb'))) return join(base, major, 'bin');
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asPostgresUser(command: string, args: string[]): { status: number | null; output: string } {
  const root = process.getuid?.() === 0;
  const result = root ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** Starts a cluster; throws with PostgreSQL's own words when it cannot. */
/** `durable`: fsync and synchronous commit on, as a real server runs (the benchmark); the tests run without. */
export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql); the PostgreSQL round of the tests cannot run.');
  const dir = mkdtempSync(join(tmpdir(), 'posvet-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const init = asPostgresUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);
  const port = await freePort();
  const durability = options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...durability, '-c max_connections=400', '-c shared_buffers=256MB'];
  const start = asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'server.log'), '-w', 'start']);
  if (start.status !== 0) throw new Error(`PostgreSQL did not start:\n${start.output}`);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    dataDir: data,
    stop: () => {
      asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The address of database `name` on the cluster at `clusterUrl`. */
export function databaseUrl(clusterUrl: string, name: string): string {
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the cluster's maintenance database. */
export async function onCluster(clusterUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The schema every test database starts from (created once per run by `prepareTemplate`). */
export const TEMPLATE = 'posvet_template';

let counter = 0;

/** A new database copied from `template` (default: the migrated template); returns its address and how to drop it. */
export async function createTestDatabase(clusterUrl: string, template = TEMPLATE): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
  await onCluster(clusterUrl, `create database ${name} template ${template}`);
  return {
    url: databaseUrl(clusterUrl, name),
    drop: () => onCluster(clusterUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * The database `name` on the cluster, created empty when it does not exist yet (a Playwright worker
 * restarted after a failure goes on with its predecessor's database).
 */
export async function ensureDatabase(clusterUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  try {
    await onCluster(clusterUrl, `create database ${name} template template0`);
  } catch (error) {
    // 42P04: it exists already.
    if ((error as { code?: string }).code !== '42P04') throw error;
  }
  return { url: databaseUrl(clusterUrl, name), drop: () => onCluster(clusterUrl, `drop database if exists ${name} with (force)`) };
}

/**
 * A cluster for a test file that needs PostgreSQL in both rounds (copy-to, backups): the PostgreSQL
 * round's (TEST_POSTGRES_URL; `stop` leaves it running) or, in the SQLite round, a throwaway one.
 */
export async function clusterForTests(): Promise<{ url: string; stop: () => void }> {
  const shared = process.env.TEST_POSTGRES_URL;
  if (shared) return { url: shared, stop: () => {} };
  const own = await startCluster();
  return { url: own.url, stop: own.stop };
}
