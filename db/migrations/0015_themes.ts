import { sql, type Kysely } from 'kysely';

/**
 * Suggested themes (issue 15). A first cut by the lead; the themes' helper owns this file until it
 * lands.
 *
 * - `themes`: a theme of a consultation's comments in one chapter, or across the draft
 *   (`chapter_slug` null); suggested by the clustering, accepted (perhaps renamed) or discarded by a
 *   moderator. Nothing is decided automatically.
 * - `comment_themes`: a comment in a theme, and whether the algorithm or a person put it there.
 */
const NOW = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('themes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_themes').execute();
  await db.schema.dropTable('themes').execute();
}
