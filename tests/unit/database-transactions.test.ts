import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDatabase } from './helpers.ts';

/**
 * Another connection to the same file (the report's file writer, the operator's command line) never
 * makes a request's transaction fail half-way: the write lock is taken when it begins.
 */
describe('transactions beside another connection', () => {
  it('hold the write lock from their start, so a write of another connection waits rather than failing them', async () => {
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
});
