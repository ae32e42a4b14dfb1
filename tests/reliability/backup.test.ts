import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { createTestDatabase, freePort } from '../support/postgres.ts';
import { root, seedScale, startServer, type RunningServer, type Scale } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { inspect, submit } from './helpers.ts';

/*
 * `npm run admin -- backup` while the portal writes: SQLite's online backup, or in the PostgreSQL
 * round (TEST_POSTGRES_URL) pg_dump, restored into a new database to be read.
 */
const cluster = process.env.TEST_POSTGRES_URL;

describe('an online backup', () => {
  let dir: string;
  let location: string;
  let scale: Scale;
  let server: RunningServer;
  const drops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'posvet-backup-'));
    if (cluster) {
      const database = await createTestDatabase(cluster, 'template0');
      drops.push(database.drop);
      location = database.url;
    } else location = join(dir, 'posvet.sqlite');
    scale = await seedScale(location, { comments: 5_000 });
    server = await startServer(join(dir, 'posvet.sqlite'), await freePort(), { MAIL_DIR: join(dir, 'mail'), ...(cluster ? { DATABASE_URL: location } : {}) });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the backup holds: the test's comments' keys and the number of seeded ones. */
  async function contents(target: string): Promise<{ keys: Set<string>; scale: number }> {
    if (!cluster) {
      const copy = inspect(target, (db) => ({
        check: db.pragma('integrity_check', { simple: true }),
        keys: new Set((db.prepare(`select idempotency_key as k from comments where body like 'backup %'`).all() as { k: string }[]).map((r) => r.k)),
        scale: (db.prepare(`select count(*) as n from comments where idempotency_key like 'scale-%'`).get() as { n: number }).n,
      }));
      expect(copy.check).toBe('ok');
      return copy;
    }
    const restored = await createTestDatabase(cluster, 'template0');
    drops.push(restored.drop);
    const result = spawnSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, target], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const db = openDatabase(restored.url);
    try {
      const keys = await db.selectFrom('comments').select('idempotency_key').where('body', 'like', 'backup %').execute();
      const seeded = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotency_key', 'like', 'scale-%').executeTakeFirstOrThrow();
      return { keys: new Set(keys.map((r) => r.idempotency_key!)), scale: Number(seeded.n) };
    } finally {
      await db.destroy();
    }
  }

  it('taken while comments are being written holds every comment acknowledged before it began', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 20 }, async (_, client) => {
      while (!stop) {
        const key = randomUUID();
        if ((await submit(server, scale, client, `backup ${key}`, key)) === 303) acknowledged.push(key);
      }
    });
    // The backup begins while the writers are busy, once they have had a good number acknowledged.
    await waitFor('comments acknowledged before the backup', () => acknowledged.length >= 20, { timeout: 60_000, interval: 10 });
    const before = [...acknowledged];
    const target = join(dir, 'backups', cluster ? 'posvet.dump' : 'posvet.sqlite');
    const env = { ...process.env, DATABASE_PATH: join(dir, 'posvet.sqlite'), ...(cluster ? { DATABASE_URL: location } : {}) };
    const result = spawnSync(process.execPath, ['src/cli/admin.ts', 'backup', target], { cwd: root, env, encoding: 'utf8' });
    stop = true;
    await Promise.all(writers);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(cluster ? 'pg_restore --list: ok' : 'integrity check: ok');
    const copy = await contents(target);
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((k) => !copy.keys.has(k))).toEqual([]);
    expect(copy.scale).toBe(5000);
  });
});
