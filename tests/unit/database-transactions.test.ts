import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
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
   * PostgreSQL: two connections whose transactions read the same row and then write it, overlapping.
   * Serializable isolation refuses the second commit (a serialization failure) and the transaction runs
   * again; both calls succeed and the result is the serial one — never a lost update, never an error.
   */
  it.runIf(postgresCluster)('run as if one after the other: two conflicting transactions both succeed, the second again after a serialization failure (PostgreSQL)', async () => {
    const { db, path } = tempDatabase();
    await db.schema.createTable('counter').addColumn('n', 'integer').execute();
    await db.insertInto('counter' as never).values({ n: 0 } as never).execute();
    const other = openDatabase(path);
    try {
      let attempts = 0;
      let arrived = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((resolve) => (release = resolve));
      const increment = (handle: typeof db) =>
        handle.transaction().execute(async (trx) => {
          attempts++;
          const { n } = (await trx.selectFrom('counter' as never).select('n' as never).executeTakeFirstOrThrow()) as { n: number };
          // Each waits until the other has read too (the first attempts only), so the two overlap.
          if (++arrived === 2) release();
          await bothRead;
          await trx.updateTable('counter' as never).set({ n: n + 1 } as never).execute();
          return n + 1;
        });
      const results = await Promise.all([increment(db), increment(other)]);
      expect(results.sort()).toEqual([1, 2]);
      expect(((await db.selectFrom('counter' as never).select('n' as never).executeTakeFirstOrThrow()) as { n: number }).n).toBe(2);
      expect(attempts).toBeGreaterThanOrEqual(3);
    } finally {
      await other.destroy();
    }
  });
});
