import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { WRITE_LOCK } from '../../src/lib/server/platform/postgres.ts';
import { waitFor } from '../support/wait.ts';
import { postgresCluster, tempDatabase } from './helpers.ts';

/**
 * Another connection to the same file (the report's file writer, the operator's command line) never
 * makes a request's transaction fail half-way: the write lock is taken when it begins.
 */
describe('transactions beside another connection', () => {
  it.skipIf(postgresCluster)('hold the write lock from their start, so a write of another connection waits rather than failing them (SQLite)', async () => {
    const { db, path } = tempDatabase();
    await db.schema.createTable('counter').addColumn('n', 'integer').execute();
    await db.insertInto('counter' as never).values({ n: 0 } as never).execute();
    const other = new SQLite(path);
    other.pragma('busy_timeout = 50');
    try {
      let otherWrite: unknown;
      await db.transaction().execute(async (trx) => {
        // A read first, as most commands do before they write.
        await trx.selectFrom('counter' as never).selectAll().execute();
        try {
          other.prepare('update counter set n = n + 10').run();
        } catch (error) {
          otherWrite = error;
        }
        await trx.updateTable('counter' as never).set({ n: 1 } as never).execute();
      });
      expect((otherWrite as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      // Once the transaction has committed, the other connection writes as usual.
      other.prepare('update counter set n = n + 10').run();
      expect(other.prepare('select n from counter').get()).toEqual({ n: 11 });
    } finally {
      other.close();
    }
  });

  /**
   * PostgreSQL: two connections (two app processes) whose transactions read a row and then write it.
   * The second begins only once the first has committed — it waits for the write lock at its start —
   * so it reads what the first wrote: both succeed and the result is the serial one, never a lost
   * update, never an error.
   */
  it.runIf(postgresCluster)('run one after the other: the second waits at its start for the first to commit, and both succeed (PostgreSQL)', async () => {
    const { db, path } = tempDatabase();
    await db.schema.createTable('counter').addColumn('n', 'integer').execute();
    await db.insertInto('counter' as never).values({ n: 0 } as never).execute();
    const other = openDatabase(path);
    try {
      const read: number[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstRead!: () => void;
      const firstHasRead = new Promise<void>((resolve) => (firstRead = resolve));
      const increment = (handle: typeof db, hold: boolean) =>
        handle.transaction().execute(async (trx) => {
          const { n } = (await trx.selectFrom('counter' as never).select('n' as never).executeTakeFirstOrThrow()) as { n: number };
          read.push(n);
          if (hold) {
            firstRead();
            await held;
          }
          await trx.updateTable('counter' as never).set({ n: n + 1 } as never).execute();
          return n + 1;
        });
      const first = increment(db, true);
      await firstHasRead;
      const second = increment(other, false);
      // The second is waiting for the write lock (seen from a third connection), not reading.
      await waitFor('the second transaction to wait for the write lock', async () => {
        const waiting = await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and objid = ${WRITE_LOCK} and not granted and database = (select oid from pg_database where datname = current_database())`.execute(db);
        return waiting.rows[0]!.n === 1 || undefined;
      });
      expect(read).toEqual([0]);
      release();
      expect(await Promise.all([first, second])).toEqual([1, 2]);
      expect(read).toEqual([0, 1]);
      expect(((await db.selectFrom('counter' as never).select('n' as never).executeTakeFirstOrThrow()) as { n: number }).n).toBe(2);
    } finally {
      await other.destroy();
    }
  });
});
