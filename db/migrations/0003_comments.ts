import { sql, type Kysely } from 'kysely';
import { nowDefault, serialId } from './portable.ts';


export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    // What the comment is about: a block, a whole chapter, or the whole draft version.
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('block', 'chapter', 'draft')`))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('chapter_slug', 'text')
    .addColumn('chapter_number', 'integer')
    .addColumn('block_key', 'text')
    .addColumn('block_number', 'text')
    .addColumn('block_fingerprint', 'text')
    /** The exact text of the block when the comment was written. */
    .addColumn('quote', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comment', 'amendment', 'question')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('rationale', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`state in ('draft', 'submitted', 'withdrawn')`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('submitted_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    // Moderation (the queue and decisions arrive with the moderation feature).
    .addColumn('moderation_status', 'text', (c) =>
      c.notNull().defaultTo('new').check(sql`moderation_status in ('new', 'in_review', 'accepted', 'partially_accepted', 'rejected', 'noted')`),
    )
    .addColumn('response', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_reason', 'text')
    // One comment per form, however often it is sent (double click, resubmitted form).
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('comments_public_block')
    .on('comments')
    .columns(['version_id', 'chapter_slug', 'block_key', 'state', 'hidden'])
    .execute();
  await db.schema.createIndex('comments_organisation').on('comments').columns(['organisation_id', 'state']).execute();
  await db.schema.createIndex('comments_submitted').on('comments').columns(['state', 'submitted_at']).execute();

  await db.schema
    .createTable('comment_supports')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('comment_supports_pk', ['comment_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('comment_supports_organisation').on('comment_supports').column('organisation_id').execute();

  await db.schema
    .createTable('joint_position_members')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed', 'declined')`))
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('joint_position_members_pk', ['comment_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('joint_position_members_organisation').on('joint_position_members').columns(['organisation_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('joint_position_members').execute();
  await db.schema.dropTable('comment_supports').execute();
  await db.schema.dropTable('comments').execute();
}
