import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { blobType, nowDefault, realType, serialId } from './portable.ts';

/**
 * Near-duplicate groups of comments (issue 15). A first cut by the lead; the duplicates' helper
 * owns this file until it lands (it may add the tables of its index, e.g. signatures and LSH bands).
 *
 * - `duplicate_groups`: near-identical comments on one draft of a consultation, shown as one row.
 * - `duplicate_group_members`: each comment in at most one group, with its similarity and who put
 *   it there (the algorithm or a moderator).
 * - `duplicate_signatures`: each submitted comment's MinHash signature (null: a text with no words,
 *   never grouped), and whether a moderator split it off (then the algorithm leaves it alone).
 * - `duplicate_buckets`: the LSH buckets of the comments that take new members — representatives
 *   and comments in no group — looked up by (consultation, version, band, bucket).
 */

export async function up(db: Kysely<any>): Promise<void> {
  const NOW = nowDefault(db);
  await db.schema
    .createTable('duplicate_groups')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('representative_comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('suggested').check(sql`state in ('suggested', 'confirmed')`))
    .addColumn('joint_comment_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
    // A moderator chose the representative: a full regrouping keeps the group as it is.
    .addColumn('representative_chosen_by', 'integer', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .execute();
  await db.schema.createIndex('duplicate_groups_consultation').on('duplicate_groups').columns(['consultation_id', 'version_id']).execute();
  await db.schema.createIndex('duplicate_groups_representative').on('duplicate_groups').column('representative_comment_id').execute();
  await db.schema
    .createTable('duplicate_group_members')
    .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('duplicate_groups.id').onDelete('cascade'))
    .addColumn('similarity', realType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('algorithm', 'moderator')`))
    .addColumn('added_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .execute();
  await db.schema.createIndex('duplicate_group_members_group').on('duplicate_group_members').column('group_id').execute();
  await db.schema
    .createTable('duplicate_signatures')
    .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('signature', blobType(db))
    .addColumn('separated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('duplicate_signatures_version')
    .on('duplicate_signatures')
    .columns(['consultation_id', 'version_id', 'comment_id'])
    .execute();
  await db.schema
    .createTable('duplicate_buckets')
    .addColumn('consultation_id', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('band', 'integer', (c) => c.notNull())
    // A 32-bit hash taken as unsigned: beyond PostgreSQL's integer.
    .addColumn('bucket', isPostgres(db) ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('duplicate_buckets_pk', ['consultation_id', 'version_id', 'band', 'bucket', 'comment_id'])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.createIndex('duplicate_buckets_comment').on('duplicate_buckets').column('comment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duplicate_buckets').execute();
  await db.schema.dropTable('duplicate_signatures').execute();
  await db.schema.dropTable('duplicate_group_members').execute();
  await db.schema.dropTable('duplicate_groups').execute();
}
