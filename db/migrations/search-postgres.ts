import { sql, type Kysely } from 'kysely';

/**
 * Migration 0016 on PostgreSQL: the same searches as SQLite's FTS5 trigram indexes, with pg_trgm.
 *
 * - `posvet_fold(text)`: lower case without diacritics (unaccent), IMMUTABLE so it can be indexed;
 *   the query's terms are folded the same way (src/lib/server/search/fold.ts), so „občin“ finds „OBCINE“.
 * - GIN trigram indexes on the folded texts: the comments' four searchable columns as one text, the
 *   working stances, the organisations' names. `like '%term%'` on the folded text uses them, as
 *   MATCH uses FTS5's. No trigger keeps them: an expression index follows its row by itself.
 * - `draft_text_fts`: a plain table with the same columns as SQLite's FTS5 table (one row per block
 *   of each draft version), indexed the same way.
 *
 * pg_trgm and unaccent are trusted extensions: the database's owner may create them.
 */
export async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  await sql
    .raw(
      `create function posvet_fold(text) returns text language sql immutable parallel safe strict
       as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    )
    .execute(db);
  await sql.raw(`create index comments_search on comments using gin (posvet_fold(${COMMENT_TEXT}) gin_trgm_ops)`).execute(db);
  await sql`create index stances_search on stances using gin (posvet_fold(response) gin_trgm_ops)`.execute(db);
  await sql`create index organisations_search on organisations using gin (posvet_fold(name) gin_trgm_ops)`.execute(db);
  await db.schema
    .createTable('draft_text_fts')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('chapter_slug', 'text', (c) => c.notNull())
    .addColumn('chapter_number', 'integer', (c) => c.notNull())
    .addColumn('chapter_title', 'text', (c) => c.notNull())
    .addColumn('block_number', 'text', (c) => c.notNull())
    .addColumn('block_position', 'integer', (c) => c.notNull())
    .addColumn('block_anchor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('draft_text_fts_version').on('draft_text_fts').columns(['consultation_id', 'version_id', 'block_position']).execute();
  await sql`create index draft_text_fts_search on draft_text_fts using gin (posvet_fold(text) gin_trgm_ops)`.execute(db);
}

/**
 * The comments' searchable text as one expression (the index and the queries must say it alike;
 * a query may qualify the columns with its alias — PostgreSQL matches the expression, not its
 * spelling).
 */
export function commentText(alias?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return ['body', 'proposed_text', 'rationale', 'response'].map((name) => `coalesce(${column(name)}, '')`).join(` || ' ' || `);
}

export const COMMENT_TEXT = commentText();

export async function dropPostgresSearch(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('draft_text_fts').execute();
  for (const index of ['comments_search', 'stances_search', 'organisations_search']) await db.schema.dropIndex(index).execute();
  await sql`drop function posvet_fold(text)`.execute(db);
}
