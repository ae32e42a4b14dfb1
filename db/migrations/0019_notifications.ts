import type { Kysely } from 'kysely';
import { serialId } from './portable.ts';

/**
 * Issue 16, onboarding and notifications: invitation imports kept between preview and send; the
 * reminders sent (once per organisation and consultation) and the organisations that opted out;
 * subscriptions by e-mail with their unsubscribe tokens and the requests that throttle them; the
 * announcements queued to subscribers and the version each consultation last announced.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitation_imports')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('separator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_count', 'integer')
    .execute();
  await db.schema
    .createTable('invitation_import_rows')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('invitation_imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('organisation_code', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer')
    .addColumn('problem', 'text')
    .addColumn('pending_role', 'text')
    .addColumn('pending_since', 'text')
    .addPrimaryKeyConstraint('invitation_import_rows_pk', ['import_id', 'line'])
    .execute();
  await db.schema.createIndex('invitation_import_rows_problem').on('invitation_import_rows').columns(['import_id', 'problem', 'line']).execute();

  await db.schema
    .createTable('reminders_sent')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_sent_pk', ['organisation_id', 'consultation_id'])
    .execute();
  await db.schema
    .createTable('reminder_opt_outs')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pending_topics', 'text')
    .addColumn('confirm_token_hash', 'text')
    .addColumn('confirm_expires_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subscriptions_email_consultation', ['email', 'consultation_id'])
    .execute();
  await db.schema.createIndex('subscriptions_confirm_token').on('subscriptions').column('confirm_token_hash').execute();
  await db.schema.createIndex('subscriptions_active').on('subscriptions').columns(['consultation_id', 'confirmed_at', 'id']).execute();
  await db.schema
    .createTable('unsubscribe_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('subscription_requests')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscription_requests_email').on('subscription_requests').columns(['email', 'created_at']).execute();
  await db.schema.createIndex('subscription_requests_ip').on('subscription_requests').columns(['ip', 'created_at']).execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_subscription_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .addUniqueConstraint('announcements_once', ['consultation_id', 'topic', 'subject_key'])
    .execute();
  await db.schema
    .createTable('announced_versions')
    .addColumn('consultation_id', 'integer', (c) => c.primaryKey().references('consultations.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['announced_versions', 'announcements', 'subscription_requests', 'unsubscribe_tokens', 'subscriptions', 'reminder_opt_outs', 'reminders_sent', 'invitation_import_rows', 'invitation_imports']) {
    await db.schema.dropTable(table).execute();
  }
}
