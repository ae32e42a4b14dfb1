import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, test } from 'vitest';
import { migrate, openDatabase } from '../../src/lib/server/platform/db.ts';
import { withJobLock } from '../../src/lib/server/platform/locks.ts';
import { deliverPass, queueMails, type MailSettings } from '../../src/lib/server/platform/mail.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { mailsIn } from '../support/mail.ts';
import { postgresCluster, tempDatabase } from './helpers.ts';

/** Several app processes on one database: background work done once, not once each. */

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function processes(n: number) {
  const { db, path } = tempDatabase();
  await migrate(db);
  const others = Array.from({ length: n - 1 }, () => openDatabase(path));
  // Each connected before the test races them (a PostgreSQL connection takes a moment to open).
  for (const other of others) await other.selectFrom('job_leases').select('name').execute();
  return { all: [db, ...others], close: () => Promise.all(others.map((o) => o.destroy())) };
}

describe('the outbox with several deliverers', () => {
  it('three deliverers racing over 50 queued mails send each exactly once', async () => {
    const { all, close } = await processes(3);
    try {
      const mailDir = mkdtempSync(join(tmpdir(), 'posvet-workers-mail-'));
      dirs.push(mailDir);
      const n = 50;
      await queueMails(all[0], Array.from({ length: n }, (_, i) => ({ to: `obcina${i}@posvet.test`, subject: `Sporočilo ${i}`, text: `Pozdravljeni, sporočilo št. ${i}.` })));
      const settings: MailSettings = { mailDir, from: 'Posvet <posvet@posvet.test>', host: 'posvet.test' };
      // Each deliverer passes again and again, as the workers' minute ticks and "deliver soon" calls would.
      const counts = await Promise.all(all.map(async (db) => (await deliverPass(db, settings)) + (await deliverPass(db, settings))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      const mails = mailsIn(mailDir);
      expect(mails).toHaveLength(n);
      expect(new Set(mails.map((m) => m.to)).size).toBe(n);
      const rows = await all[0].selectFrom('mail_outbox').select(['sent_at', 'attempts', 'claimed_until']).execute();
      expect(rows.every((r) => r.sent_at !== null && r.attempts === 1 && r.claimed_until === null)).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('jobs that run in one process at a time (withJobLock)', () => {
  it('of two processes starting a job together one runs it; afterwards either may again', async () => {
    const { all, close } = await processes(2);
    try {
      let inside = 0;
      let most = 0;
      const job = async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 300));
        inside--;
        return 'done';
      };
      const results = await Promise.all([withJobLock(all[0], 'notifications', job), withJobLock(all[1], 'notifications', job)]);
      expect(results.filter((r) => r === 'done')).toHaveLength(1);
      expect(most).toBe(1);
      expect(await withJobLock(all[1], 'notifications', job)).toBe('done');
      // Another job's name is another lock.
      expect(await Promise.all([withJobLock(all[0], 'clean-up', job), withJobLock(all[1], 'notifications', job)])).toEqual(['done', 'done']);
    } finally {
      await close();
    }
  });

  it('a job whose process died holding it is taken up once its lease has run out, not before', async () => {
    const { all, close } = await processes(1);
    try {
      const db = all[0];
      await db.insertInto('job_leases').values({ name: 'report-snapshots', holder: 'a process that was killed', expires_at: new Date(Date.now() + 60_000).toISOString() }).execute();
      expect(await withJobLock(db, 'report-snapshots', async () => 'ran')).toBeUndefined();
      await db.updateTable('job_leases').set({ expires_at: new Date(Date.now() - 1).toISOString() }).execute();
      expect(await withJobLock(db, 'report-snapshots', async () => 'ran')).toBe('ran');
      expect(await db.selectFrom('job_leases').selectAll().execute()).toEqual([]);
      // A job that fails lets go of its lease too.
      await expect(withJobLock(db, 'report-snapshots', async () => { throw new Error('broken'); })).rejects.toThrow('broken');
      expect(await withJobLock(db, 'report-snapshots', async () => 'ran again')).toBe('ran again');
    } finally {
      await close();
    }
  });
});

describe('preparing the database at start (withStartupLock)', () => {
  test.runIf(postgresCluster)('PostgreSQL: two machines starting together on an empty database prepare it once, both come up', async () => {
    const { db, path } = tempDatabase({ migrated: false });
    const other = openDatabase(path);
    try {
      const [a, b] = await Promise.all([prepareDatabase(db, { demo: false }), prepareDatabase(other, { demo: false })]);
      expect([a.migrations.length, b.migrations.length].sort((x, y) => x - y)).toEqual([0, Object.keys(await import('../../db/migrations/index.ts').then((m) => m.migrations)).length]);
      const { n } = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const { codes } = await db.selectFrom('organisations').select((eb) => eb.fn.count<number>('code').distinct().as('codes')).executeTakeFirstOrThrow();
      expect(n).toBe(codes);
      // The lock is let go: a third start goes through at once.
      expect((await prepareDatabase(other, { demo: false })).migrations).toEqual([]);
      // pg_locks shows the whole cluster; the test files running beside this one hold their own.
      const held = await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`.execute(db);
      expect(held.rows[0].n).toBe(0);
    } finally {
      await other.destroy();
    }
  });

  test.skipIf(postgresCluster)('SQLite: the one process that prepares (the primary) leaves a database that a second start finds complete', async () => {
    const { db, path } = tempDatabase({ migrated: false });
    const other = openDatabase(path);
    try {
      const first = await prepareDatabase(db, { demo: false });
      expect(first.migrations.length).toBeGreaterThan(20);
      const { n: before } = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect((await prepareDatabase(other, { demo: false })).migrations).toEqual([]);
      const { n: after } = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(after).toBe(before);
    } finally {
      await other.destroy();
    }
  });
});
