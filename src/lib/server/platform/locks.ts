import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Database } from './schema.ts';

/**
 * Work that several app processes (WORKERS, or several machines on one PostgreSQL database) must do
 * once, not once each.
 */

/** The advisory lock's key: any fixed 64-bit number, the same in every process ("posvet" in ASCII). */
const STARTUP_LOCK = 0x706f73766574;

/**
 * Runs `fn` (preparing the database: migrations, seeding, re-anchoring) while no other process
 * does. PostgreSQL: a session advisory lock (`pg_advisory_lock`) on one connection, released in
 * `finally` (and by the server if the process dies); `fn` gets that connection, so it runs even with
 * a pool of one. SQLite: `fn` on the handle as it is — every transaction begins IMMEDIATE and so
 * runs alone, and a second process finds the work done.
 */
export async function withStartupLock<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return fn(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      return await fn(connection);
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });
}

/** Who holds a lease: this process, told apart from every other on any machine. */
const holder = `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;

/**
 * Runs `fn` unless another process is running the job `name`; undefined when it was. The job holds
 * a row of job_leases (one portable upsert: taken when absent or run out) until it is done, or for
 * `leaseMs` at most should its process die holding it. The same on both databases.
 */
export async function withJobLock<T>(db: Kysely<Database>, name: string, fn: () => Promise<T>, leaseMs = 15 * 60_000): Promise<T | undefined> {
  const now = new Date();
  const taken = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: new Date(now.getTime() + leaseMs).toISOString() })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where('job_leases.expires_at', '<', now.toISOString()),
    )
    .executeTakeFirst();
  if (Number(taken.numInsertedOrUpdatedRows ?? 0) !== 1) return undefined;
  try {
    return await fn();
  } finally {
    await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
