import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { createPostgresSearch, dropPostgresSearch } from './search-postgres.ts';
import { nowDefault } from './portable.ts';

/**
 * Full-text search (issue 15). FTS5 with the trigram tokenizer: any substring of three or more
 * letters matches (so inflected forms and partial words), case- and diacritics-insensitive.
 *
 * - `comments_fts`: an external-content index over `comments` (body, proposed text, rationale and
 *   the published obrazložitev, `response`), rowid = the comment's id. Every comment is indexed
 *   whatever its state: who may see it (submitted, not hidden, the consultation) is decided by the
 *   query's join, so withdrawing, hiding or publishing never needs the index to change — only an
 *   edit of the text does, and the triggers follow it.
 * - `stances_fts`: likewise over `stances.response` (the working obrazložitev, drafts included —
 *   searched by moderators only), rowid = the comment's id.
 * - `organisations_fts`: the organisations' names (the queue's text filter finds a comment by its
 *   organisation's name, diacritics-insensitive like the rest), rowid = the organisation's id.
 * - `draft_text_fts`: one row per block of each draft version (filled at start by
 *   search/draft-index.ts from the content files); `draft_text_versions` records which versions are
 *   indexed, so that happens once per version.
 */
const TOKENIZE = `tokenize='trigram remove_diacritics 1'`;
const COMMENT_COLUMNS = ['body', 'proposed_text', 'rationale', 'response'];

function syncTriggers(table: string, index: string, rowid: string, columns: string[]): string[] {
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  const list = columns.join(', ');
  const remove = `insert into ${index} (${index}, rowid, ${list}) values ('delete', old.${rowid}, ${values('old')});`;
  const add = `insert into ${index} (rowid, ${list}) values (new.${rowid}, ${values('new')});`;
  return [
    `create trigger ${index}_insert after insert on ${table} begin ${add} end`,
    `create trigger ${index}_delete after delete on ${table} begin ${remove} end`,
    `create trigger ${index}_update after update of ${list} on ${table} begin ${remove} ${add} end`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  if (isPostgres(db)) await createPostgresSearch(db);
  else await createSqliteSearch(db);
  await db.schema
    .createTable('draft_text_versions')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('blocks', 'integer', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('draft_text_versions_pk', ['consultation_id', 'version_id'])
    .execute();
}

async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql.raw(`create virtual table comments_fts using fts5(${COMMENT_COLUMNS.join(', ')}, content='comments', content_rowid='id', ${TOKENIZE})`).execute(db);
  for (const trigger of syncTriggers('comments', 'comments_fts', 'id', COMMENT_COLUMNS)) await sql.raw(trigger).execute(db);
  await sql.raw(`insert into comments_fts (comments_fts) values ('rebuild')`).execute(db);

  await sql.raw(`create virtual table stances_fts using fts5(response, content='stances', content_rowid='comment_id', ${TOKENIZE})`).execute(db);
  for (const trigger of syncTriggers('stances', 'stances_fts', 'comment_id', ['response'])) await sql.raw(trigger).execute(db);
  await sql.raw(`insert into stances_fts (stances_fts) values ('rebuild')`).execute(db);

  await sql.raw(`create virtual table organisations_fts using fts5(name, content='organisations', content_rowid='id', ${TOKENIZE})`).execute(db);
  for (const trigger of syncTriggers('organisations', 'organisations_fts', 'id', ['name'])) await sql.raw(trigger).execute(db);
  await sql.raw(`insert into organisations_fts (organisations_fts) values ('rebuild')`).execute(db);

  await sql
    .raw(
      `create virtual table draft_text_fts using fts5(text, consultation_id unindexed, version_id unindexed, chapter_slug unindexed,
       chapter_number unindexed, chapter_title unindexed, block_number unindexed, block_position unindexed, block_anchor unindexed, ${TOKENIZE})`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('draft_text_versions').execute();
  if (isPostgres(db)) return dropPostgresSearch(db);
  for (const index of ['comments_fts', 'stances_fts', 'organisations_fts']) {
    for (const event of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${index}_${event}`).execute(db);
  }
  for (const table of ['draft_text_fts', 'organisations_fts', 'stances_fts', 'comments_fts']) await sql.raw(`drop table ${table}`).execute(db);
}
