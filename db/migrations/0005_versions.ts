import { sql, type Kysely } from 'kysely';
import { nowDefault, realType } from './portable.ts';

/** Where each comment written on an older draft version stands in a newer one. */
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema
    .createTable('comment_anchors')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unchanged', 'changed', 'removed')`))
    .addColumn('chapter_slug', 'text')
    .addColumn('block_key', 'text')
    .addColumn('block_number', 'text')
    .addColumn('similarity', realType(db), (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('comment_anchors_pk', ['comment_id', 'version_id'])
    .execute();
  await db.schema.createIndex('comment_anchors_block').on('comment_anchors').columns(['version_id', 'chapter_slug', 'block_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_anchors').execute();
}
