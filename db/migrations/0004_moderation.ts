import { sql, type Kysely } from 'kysely';
import { nowDefault, serialId } from './portable.ts';


export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema.alterTable('comments').addColumn('assignee_user_id', 'integer', (c) => c.references('users.id')).execute();
  await db.schema
    .alterTable('comments')
    .addColumn('received_via', 'text', (c) => c.notNull().defaultTo('portal').check(sql`received_via in ('portal', 'email', 'post')`))
    .execute();
  await db.schema.alterTable('comments').addColumn('recorded_by_user_id', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('comments').addColumn('decided_at', 'text').execute();
  await db.schema.alterTable('comments').addColumn('decided_by_user_id', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['state', 'moderation_status', 'submitted_at']).execute();
  await db.schema.createIndex('comments_assignee').on('comments').column('assignee_user_id').execute();

  await db.schema
    .createTable('comment_tags')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_tags_pk', ['comment_id', 'tag'])
    .execute();
  await db.schema.createIndex('comment_tags_tag').on('comment_tags').column('tag').execute();

  await db.schema
    .createTable('comment_notes')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('comment_notes_comment').on('comment_notes').column('comment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_notes').execute();
  await db.schema.dropTable('comment_tags').execute();
  for (const column of ['decided_by_user_id', 'decided_at', 'recorded_by_user_id', 'received_via', 'assignee_user_id']) {
    await db.schema.alterTable('comments').dropColumn(column).execute();
  }
}
