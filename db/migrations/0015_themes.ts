import { sql, type Kysely } from 'kysely';
import { nowDefault, serialId } from './portable.ts';

/**
 * Suggested themes (issue 15). A first cut by the lead; the themes' helper owns this file until it
 * lands.
 *
 * - `themes`: a theme of a consultation's comments in one chapter, or across the draft
 *   (`chapter_slug` null); suggested by the clustering, accepted (perhaps renamed) or discarded by a
 *   moderator. Nothing is decided automatically.
 * - `comment_themes`: a comment in a theme, and whether the algorithm or a person put it there.
 * - `theme_runs`: a moderator's request for suggestions for a chapter or the whole draft
 *   (`chapter_slug` null), computed by the background job (moderation/themes/jobs.ts); at most one
 *   unfinished per scope (a partial unique index), so asking twice does not queue the work twice.
 */

export async function up(db: Kysely<any>): Promise<void> {
  const NOW = nowDefault(db);
  await db.schema
    .createTable('themes')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('chapter_slug', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('suggested').check(sql`state in ('suggested', 'accepted', 'discarded')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('algorithm', 'moderator')`))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .execute();
  await db.schema.createIndex('themes_consultation').on('themes').columns(['consultation_id', 'chapter_slug', 'state']).execute();
  await db.schema
    .createTable('comment_themes')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('algorithm', 'moderator')`))
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .addPrimaryKeyConstraint('comment_themes_pk', ['comment_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('comment_themes_theme').on('comment_themes').columns(['theme_id', 'comment_id']).execute();
  await db.schema
    .createTable('theme_runs')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('chapter_slug', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'running', 'done', 'failed')`))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('themes', 'integer')
    .addColumn('comments', 'integer')
    .execute();
  await sql`create unique index theme_runs_unfinished on theme_runs (consultation_id, coalesce(chapter_slug, '')) where state in ('pending', 'running')`.execute(db);
  await db.schema.createIndex('theme_runs_state').on('theme_runs').columns(['state', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_runs').execute();
  await db.schema.dropTable('comment_themes').execute();
  await db.schema.dropTable('themes').execute();
}
