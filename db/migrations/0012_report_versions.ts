import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';
import { nowDefault, serialId } from './portable.ts';

/**
 * The report as a published document (issue 14).
 *
 * - `report_versions`: one row per snapshot of a consultation's report. A *published* version is
 *   numbered per consultation (1, 2, …), carries its document number (številka), place, date and
 *   the responsible person, and never changes; a later one supersedes it without replacing it. A
 *   *preview* is the moderators' snapshot of the live data, rebuilt on request. While a snapshot is
 *   being written it is *preparing*: at most one per consultation (the partial unique index), so
 *   of two publishes at once one wins and the other is told.
 * - `report_rows`: the frozen rows of a snapshot, one per public comment, in the report's order
 *   (`sort_key`), with every text the document shows as it was at publishing (organisation, the
 *   comment, the stance, a joint position's standing, where its paragraph stands now).
 * - `report_files`: each download of a published version (PDF, DOCX, XLSX, CSV), written once to
 *   DATA_DIR and served from there, with its size and SHA-256.
 */

export async function up(db: Kysely<any>): Promise<void> {
  const NOW = nowDefault(db);
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('published', 'preview')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('preparing', 'ready', 'failed')`))
    /** 1, 2, … per consultation, for published versions; null for previews. */
    .addColumn('number', 'integer')
    .addColumn('document_number', 'text')
    .addColumn('place', 'text')
    /** The document's date, a Ljubljana calendar day (2027-03-15). */
    .addColumn('document_date', 'text')
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_title', 'text')
    /** The draft version the report places comments in (its id and label at the time). */
    .addColumn('draft_version_id', 'text', (c) => c.notNull())
    .addColumn('draft_version_label', 'text', (c) => c.notNull())
    /** The introduction, the sections with their counts, the participants (JSON, report/summary.ts). */
    .addColumn('summary_json', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(NOW))
    /** When the snapshot was complete (for a published version: when it was published). */
    .addColumn('ready_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await sql`create unique index report_versions_number on report_versions (consultation_id, number) where number is not null`.execute(db);
  await sql`create unique index report_versions_preparing on report_versions (consultation_id) where state = 'preparing'`.execute(db);
  await db.schema.createIndex('report_versions_consultation').on('report_versions').columns(['consultation_id', 'kind', 'state']).execute();
  await db.schema.createIndex('report_versions_created_by').on('report_versions').column('created_by').execute();

  await db.schema
    .createTable('report_rows')
    .addColumn('report_version_id', 'integer', (c) => c.notNull().references('report_versions.id').onDelete('cascade'))
    /** The row's place in the document: section, chapter, paragraph, submission time, id (report/snapshot.ts). */
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'integer', (c) => c.notNull())
    /** 'chapter' (a chapter of the current draft), 'draft' (the draft as a whole or text no longer in it), 'late'. */
    .addColumn('section', 'text', (c) => c.notNull())
    /** The chapter the comment stands in now (its slug), or null. */
    .addColumn('chapter_slug', 'text')
    .addColumn('chapter_number', 'integer')
    .addColumn('chapter_title', 'text')
    /** The paragraph now ("3.4"), null for a whole chapter or draft or a removed paragraph. */
    .addColumn('block_number', 'text')
    /** unchanged | changed | removed: what became of the paragraph in the current draft. */
    .addColumn('anchor_status', 'text')
    .addColumn('written_version_label', 'text', (c) => c.notNull())
    .addColumn('written_block_number', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_short_name', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text', (c) => c.notNull())
    .addColumn('organisation_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The text a proposed amendment changes (amendments only). */
    .addColumn('quote', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('rationale', 'text')
    /** What a joint position says at the snapshot (joint-standing.ts), or null. */
    .addColumn('joint_line', 'text')
    /** Co-signers' names, "; "-separated, or null. */
    .addColumn('supporters', 'text')
    /** The published decision, or 'new' / 'in_review' while none is published. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('received_via', 'text', (c) => c.notNull())
    .execute();
  // A rowid table with the order in an index: rows are appended as they are written (in id order),
  // which is several times faster than inserting them in report order into a clustered table.
  await db.schema.createIndex('report_rows_order').on('report_rows').columns(['report_version_id', 'sort_key']).unique().execute();
  await db.schema.createIndex('report_rows_section').on('report_rows').columns(['report_version_id', 'section', 'chapter_slug', 'sort_key']).execute();

  await db.schema
    .createTable('report_files')
    .addColumn('report_version_id', 'integer', (c) => c.notNull().references('report_versions.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('pdf', 'docx', 'xlsx', 'csv')`))
    /** Relative to DATA_DIR. */
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', isPostgres(db) ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(NOW))
    .addPrimaryKeyConstraint('report_files_pk', ['report_version_id', 'format'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_files').execute();
  await db.schema.dropTable('report_rows').execute();
  await db.schema.dropTable('report_versions').execute();
}
