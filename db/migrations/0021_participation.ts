import type { Kysely } from 'kysely';

/**
 * Issue 16, participation: each municipality's statistical region, population and centroid, for
 * /udelezba. Filled (and kept up to date) from db/seed by the directory seeding on every start
 * (participation/statistics.ts), so the seed files stay the one source.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('municipality_statistics')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('population_year', 'integer', (c) => c.notNull())
    .addColumn('centroid_e', 'integer', (c) => c.notNull())
    .addColumn('centroid_n', 'integer', (c) => c.notNull())
    .execute();
  // Who took part and when, counted from the index alone (never the comments' rows, texts and all).
  await db.schema
    .createIndex('comments_participation')
    .on('comments')
    .columns(['consultation_id', 'state', 'hidden', 'organisation_id', 'submitted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_participation').execute();
  await db.schema.dropTable('municipality_statistics').execute();
}
