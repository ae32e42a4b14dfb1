import { sql, type Kysely } from 'kysely';

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
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const PUBLIC_COLUMNS = [
  'organisation_id', 'scope', 'version_id', 'chapter_slug', 'chapter_number', 'block_key', 'block_number', 'quote', 'kind', 'body', 'proposed_text',
  'rationale', 'state', 'submitted_at', 'joint_deadline', 'late', 'moderation_status', 'response', 'hidden', 'decided_at',
];
const touch = (id: string) => `update comments set public_changed_at = ${NOW} where id = ${id} and state = 'submitted';`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table comments add column public_changed_at text`.execute(db);
  await sql`update comments set public_changed_at = max(coalesce(submitted_at, created_at), updated_at, coalesce(decided_at, ''))
            where state = 'submitted'`.execute(db);
  await sql.raw(`create trigger comments_public_inserted after insert on comments when new.state = 'submitted'
                 begin ${touch('new.id')} end`).execute(db);
  await sql.raw(`create trigger comments_public_updated after update of ${PUBLIC_COLUMNS.join(', ')} on comments
                 when new.state = 'submitted' or old.state = 'submitted'
                 begin update comments set public_changed_at = ${NOW} where id = new.id; end`).execute(db);
  for (const [table, event] of [['comment_supports', 'insert'], ['comment_supports', 'delete'], ['joint_position_members', 'insert'], ['joint_position_members', 'update'], ['joint_position_members', 'delete']]) {
    const row = event === 'delete' ? 'old' : 'new';
    await sql.raw(`create trigger ${table}_public_${event} after ${event} on ${table} begin ${touch(`${row}.comment_id`)} end`).execute(db);
  }
  await db.schema.createIndex('comments_open_data').on('comments').columns(['consultation_id', 'state', 'hidden']).execute();
  await db.schema.createIndex('comments_open_data_changed').on('comments').columns(['state', 'hidden', 'public_changed_at']).execute();
  await db.schema.createIndex('comments_open_data_consultation_changed').on('comments').columns(['consultation_id', 'state', 'hidden', 'public_changed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['comments_open_data', 'comments_open_data_changed', 'comments_open_data_consultation_changed']) await db.schema.dropIndex(name).execute();
  for (const name of ['comments_public_inserted', 'comments_public_updated', 'comment_supports_public_insert', 'comment_supports_public_delete', 'joint_position_members_public_insert', 'joint_position_members_public_update', 'joint_position_members_public_delete']) {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await sql`alter table comments drop column public_changed_at`.execute(db);
}
