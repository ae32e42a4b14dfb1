import { sql, type Kysely } from 'kysely';
import { createRowTrigger, dropRowTrigger, greatest, nowExpression } from './portable.ts';

/**
 * Open data at any scale (issue 14).
 *
 * - `comments.public_changed_at`: when the comment's public data last changed — its submission, an
 *   edit, its published stance, hiding or showing it, withdrawal, a co-signer, a named municipality's
 *   answer. Kept by triggers, so every command that writes one of those is covered without knowing
 *   about it; `/api/v1/comments?since=` pages by it (then by id).
 * - Indexes so that a page of the open data reads only its rows: by id within a consultation
 *   (`comments_open_data`: the rowid follows the equal columns, so `id > ? order by id` is a range),
 *   and by (public_changed_at, id), overall and within a consultation.
 */
const PUBLIC_COLUMNS = [
  'organisation_id', 'scope', 'version_id', 'chapter_slug', 'chapter_number', 'block_key', 'block_number', 'quote', 'kind', 'body', 'proposed_text',
  'rationale', 'state', 'submitted_at', 'joint_deadline', 'late', 'moderation_status', 'response', 'hidden', 'decided_at',
];
const touch = (db: Kysely<any>, id: string) => `update comments set public_changed_at = ${nowExpression(db)} where id = ${id} and state = 'submitted';`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table comments add column public_changed_at text`.execute(db);
  await sql
    .raw(`update comments set public_changed_at = ${greatest(db, 'coalesce(submitted_at, created_at)', 'updated_at', "coalesce(decided_at, '')")} where state = 'submitted'`)
    .execute(db);
  await createRowTrigger(db, { name: 'comments_public_inserted', table: 'comments', timing: 'after', event: 'insert', when: "new.state = 'submitted'", body: touch(db, 'new.id') });
  await createRowTrigger(db, {
    name: 'comments_public_updated',
    table: 'comments',
    timing: 'after',
    event: 'update',
    columns: PUBLIC_COLUMNS,
    when: "new.state = 'submitted' or old.state = 'submitted'",
    body: `update comments set public_changed_at = ${nowExpression(db)} where id = new.id;`,
  });
  for (const [table, event] of [['comment_supports', 'insert'], ['comment_supports', 'delete'], ['joint_position_members', 'insert'], ['joint_position_members', 'update'], ['joint_position_members', 'delete']] as const) {
    const row = event === 'delete' ? 'old' : 'new';
    await createRowTrigger(db, { name: `${table}_public_${event}`, table, timing: 'after', event, body: touch(db, `${row}.comment_id`) });
  }
  await db.schema.createIndex('comments_open_data').on('comments').columns(['consultation_id', 'state', 'hidden']).execute();
  await db.schema.createIndex('comments_open_data_changed').on('comments').columns(['state', 'hidden', 'public_changed_at']).execute();
  await db.schema.createIndex('comments_open_data_consultation_changed').on('comments').columns(['consultation_id', 'state', 'hidden', 'public_changed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['comments_open_data', 'comments_open_data_changed', 'comments_open_data_consultation_changed']) await db.schema.dropIndex(name).execute();
  for (const name of ['comments_public_inserted', 'comments_public_updated']) await dropRowTrigger(db, name, 'comments');
  for (const name of ['comment_supports_public_insert', 'comment_supports_public_delete']) await dropRowTrigger(db, name, 'comment_supports');
  for (const name of ['joint_position_members_public_insert', 'joint_position_members_public_update', 'joint_position_members_public_delete']) {
    await dropRowTrigger(db, name, 'joint_position_members');
  }
  await sql`alter table comments drop column public_changed_at`.execute(db);
}
