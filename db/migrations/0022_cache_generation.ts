import type { Kysely } from 'kysely';

/**
 * Issue 17, several app processes. `cache_generation`: one row whose number every process compares
 * with the one its page cache was filled under (web/cache-generation.ts); a process that changed
 * public data adds one, and the others forget their cached pages. `job_leases`: a background job
 * that must run in one process at a time (report snapshots, subscribers' announcements) holds its
 * row until it is done or the lease runs out (platform/locks.ts `withJobLock`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cache_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('cache_generation').values({ id: 1, generation: 0 }).execute();
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
  await db.schema.dropTable('cache_generation').execute();
}
