import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { nowDefault, serialId } from './portable.ts';

/**
 * Several consultations side by side. A consultation has its own drafts (content/<slug>/), its own
 * moderators and report; every comment belongs to one. Comments, stances and audit entries recorded
 * before this migration belong to Digitalna Slovenija 2030 (slug "ds2030"); nothing is renumbered.
 * The row of a consultation whose content/<slug>/consultation.json exists is (re)filled at start from
 * that file (platform/setup.ts); this migration only makes sure the existing comments have theirs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(isPostgres(db) ? sql`slug ~ '^[a-z0-9][a-z0-9-]*$' and length(slug) between 2 and 40` : sql`slug glob '[a-z0-9]*' and slug not glob '*[^a-z0-9-]*' and length(slug) between 2 and 40`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('invited', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('preparation').check(sql`status in ('preparation', 'open', 'closed', 'report_published')`))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('consultation_moderators')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('consultation_moderators_pk', ['consultation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('consultation_moderators_user').on('consultation_moderators').column('user_id').execute();

  // SQLite adds a referencing column only as nullable; every write path sets it (comments/row.ts).
  await sql`alter table comments add column consultation_id integer references consultations(id)`.execute(db);

  // A database with comments already holds the government organisation (the ministry, 0009).
  const owner = await sql<{ id: number }>`select id from organisations where kind = 'government' order by code = 'MDP' desc, id limit 1`.execute(db);
  if (owner.rows[0]) {
    await sql`insert into consultations (slug, title, short_title, owner_organisation_id, case_number, description, status)
              values ('ds2030', 'Digitalna Slovenija 2030 – vmesni pregled', 'DS 2030', ${owner.rows[0].id}, '3510-1/2026',
                      'Spremembe in dopolnitve strategije Digitalna Slovenija 2030 ob vmesnem pregledu.', 'open')`.execute(db);
    await sql`update comments set consultation_id = (select id from consultations where slug = 'ds2030')`.execute(db);
    // Moderators who worked on the only consultation so far keep working on it.
    await sql`insert into consultation_moderators (consultation_id, user_id)
              select (select id from consultations where slug = 'ds2030'), id from users where role = 'moderator'`.execute(db);
  }
  // Every read of comments — the queue, the public pages, the report — is of one consultation: the
  // indexes that served them (0003, 0004, 0006) lead with it now, under the same names, so a comment
  // costs no more index writes than before.
  const replace = async (name: string, columns: string[]) => {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('comments').columns(columns).execute();
  };
  await replace('comments_public_block', ['consultation_id', 'version_id', 'chapter_slug', 'block_key', 'state', 'hidden']);
  await replace('comments_queue', ['consultation_id', 'state', 'moderation_status', 'submitted_at']);
  await replace('comments_queue_chapter', ['consultation_id', 'state', 'chapter_slug', 'moderation_status', 'submitted_at']);
  await replace('comments_queue_organisation', ['consultation_id', 'state', 'organisation_id', 'submitted_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  const replace = async (name: string, columns: string[]) => {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('comments').columns(columns).execute();
  };
  await replace('comments_public_block', ['version_id', 'chapter_slug', 'block_key', 'state', 'hidden']);
  await replace('comments_queue', ['state', 'moderation_status', 'submitted_at']);
  await replace('comments_queue_chapter', ['state', 'chapter_slug', 'moderation_status', 'submitted_at']);
  await replace('comments_queue_organisation', ['state', 'organisation_id', 'submitted_at']);
  await sql`alter table comments drop column consultation_id`.execute(db);
  await db.schema.dropTable('consultation_moderators').execute();
  await db.schema.dropTable('consultations').execute();
}
