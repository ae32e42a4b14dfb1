import { sql, type Kysely } from 'kysely';
import { createRowTrigger, dropRowTrigger, nowExpression, serialId } from './portable.ts';

/**
 * PDF files attached to a comment (issue 16): a signed letter, a council decision, the e-mail or scan
 * a moderator recorded. The file lives under DATA_DIR/attachments/<storage_key>; the row holds what
 * was checked while it streamed in (size, SHA-256) and the sanitised name people see. A row is only
 * ever written after its file is complete, and the file is moved into place in the same transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A comment's list (permalink, exports, the report's annex, the "has attachment" filter).
  await db.schema.createIndex('attachments_comment').on('attachments').columns(['comment_id', 'id']).execute();
  // The report's snapshot freezes each comment's attachments' names with its row (annex, CSV, XLSX).
  await sql`alter table report_rows add column attachments text`.execute(db);
  // An attachment added to or removed from a public comment (a moderator's scan) changes its open
  // data: `?since=` must see it (as migration 0013's triggers do for the comment's other data).
  for (const [event, row] of [['insert', 'new'], ['delete', 'old']] as const) {
    await createRowTrigger(db, {
      name: `attachments_public_${event}`,
      table: 'attachments',
      timing: 'after',
      event,
      body: `update comments set public_changed_at = ${nowExpression(db)} where id = ${row}.comment_id and state = 'submitted';`,
    });
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table report_rows drop column attachments`.execute(db);
  for (const event of ['insert', 'delete']) await dropRowTrigger(db, `attachments_public_${event}`, 'attachments');
  await db.schema.dropTable('attachments').execute();
}
