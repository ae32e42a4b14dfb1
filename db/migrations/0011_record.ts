import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { nowDefault, serialId } from './portable.ts';

/**
 * The official record (issue 13).
 *
 * - A withdrawal keeps its reason (`comments.withdrawal_reason`); the comment and its permalink stay.
 * - A joint position has a deadline for the named municipalities' answers (`comments.joint_deadline`,
 *   an instant); positions submitted before this migration get seven days from their submission.
 * - Stances: `stances` holds the working stance of a comment (one row per comment) through
 *   drafted → (returned →) approved → published. `comments.moderation_status` and `response` keep
 *   only what is public: a decision is written there when its stance is published. Decisions
 *   recorded before this migration were public already: they become published stances.
 * - Answer templates per consultation (and optionally per chapter).
 * - The outbox claims a message before sending it (`claimed_until`), so two deliverers never send
 *   the same message.
 */

export async function up(db: Kysely<any>): Promise<void> {
  const NOW = nowDefault(db);
  await sql`alter table comments add column withdrawal_reason text`.execute(db);
  await sql`alter table comments add column joint_deadline text`.execute(db);
  // Joint positions submitted before this migration (SQLite databases only: a PostgreSQL database starts empty).
  if (!isPostgres(db)) {
    await sql`update comments set joint_deadline = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at, '+7 days')
              where submitted_at is not null and exists (select 1 from joint_position_members j where j.comment_id = comments.id)`.execute(db);
  }

  await db.schema
    .createTable('stances')
    .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('accepted', 'partially_accepted', 'rejected', 'noted')`))
    .addColumn('response', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('drafted', 'returned', 'approved', 'published')`))
    /** Grows with every change of the stance: a form that saw an older one is refused. */
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('drafted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('stances_state').on('stances').columns(['state', 'comment_id']).execute();
  await db.schema.createIndex('stances_drafted_by').on('stances').column('drafted_by').execute();
  await db.schema.createIndex('stances_reviewed_by').on('stances').column('reviewed_by').execute();
  await db.schema.createIndex('stances_published_by').on('stances').column('published_by').execute();
  await sql`insert into stances (comment_id, status, response, state, revision, drafted_by, drafted_at, reviewed_by, reviewed_at, published_by, published_at)
            select id, moderation_status, response, 'published', 1, decided_by_user_id, coalesce(decided_at, updated_at),
                   decided_by_user_id, coalesce(decided_at, updated_at), decided_by_user_id, coalesce(decided_at, updated_at)
            from comments where moderation_status in ('accepted', 'partially_accepted', 'rejected', 'noted')`.execute(db);

  await db.schema
    .createTable('answer_templates')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    /** Null: for every chapter. */
    .addColumn('chapter_slug', 'text')
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(trim(body)) > 0`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .execute();
  await db.schema.createIndex('answer_templates_name').on('answer_templates').columns(['consultation_id', 'name']).unique().execute();
  await db.schema.createIndex('answer_templates_created_by').on('answer_templates').column('created_by').execute();
  await db.schema.createIndex('answer_templates_updated_by').on('answer_templates').column('updated_by').execute();

  await sql`alter table mail_outbox add column claimed_until text`.execute(db);

  // The audit log is read per action and per actor (/admin/dnevnik).
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action').execute();
  await db.schema.dropTable('answer_templates').execute();
  await db.schema.dropTable('stances').execute();
  await sql`alter table mail_outbox drop column claimed_until`.execute(db);
  await sql`alter table comments drop column joint_deadline`.execute(db);
  await sql`alter table comments drop column withdrawal_reason`.execute(db);
}
