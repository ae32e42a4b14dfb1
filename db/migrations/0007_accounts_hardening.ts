import { sql, type Kysely } from 'kysely';

/** The dictionary's text when this migration was written: a migration never changes with the interface. */
const LINK_REMOVED = '[povezava odstranjena po pošiljanju]';

/**
 * Accounts hardening (issue 10): who disabled a person (a portal administrator's decision outranks
 * an organisation admin's), which kind of password check an attempt was, no reset or invitation
 * token left in mail already sent, and indexes for a person's own data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('disabled_by_role', 'text', (c) => c.check(sql`disabled_by_role in ('member', 'org_admin', 'moderator', 'admin')`))
    .execute();
  // Who disabled the people disabled so far: the role of the actor of their latest `user.disabled`.
  await sql`update users set disabled_by_role = (
      select actor.role from audit_log a join users actor on actor.id = a.actor_user_id
      where a.action = 'user.disabled' and a.target_type = 'user' and a.target_id = cast(users.id as text)
      order by a.id desc limit 1)
    where status = 'disabled'`.execute(db);

  await db.schema
    .alterTable('login_attempts')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('login').check(sql`kind in ('login', 'password_check')`))
    .execute();

  // Mail already sent keeps its text but not the secret in its links (the same rule as mail.ts).
  const sent = await db.selectFrom('mail_outbox').select(['id', 'body_text']).where('sent_at', 'is not', null).execute();
  for (const row of sent as { id: number; body_text: string }[]) {
    const redacted = row.body_text.replace(/(\/(?:ponastavi-geslo|povabilo)\/)[A-Za-z0-9_-]+/g, '$1' + LINK_REMOVED);
    if (redacted !== row.body_text) await db.updateTable('mail_outbox').set({ body_text: redacted }).where('id', '=', row.id).execute();
  }

  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_user_id', 'id']).execute();
  await db.schema.createIndex('comments_author').on('comments').column('author_user_id').execute();
  await db.schema.createIndex('comment_supports_user').on('comment_supports').column('user_id').execute();
  await db.schema.createIndex('comment_notes_author').on('comment_notes').column('author_user_id').execute();
  await db.schema.createIndex('joint_position_members_responded_by').on('joint_position_members').column('responded_by').execute();
  await db.schema.createIndex('invitations_invited_by').on('invitations').column('invited_by').execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').columns(['user_id', 'used_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'password_resets_user',
    'invitations_email',
    'invitations_invited_by',
    'joint_position_members_responded_by',
    'comment_notes_author',
    'comment_supports_user',
    'comments_author',
    'audit_log_actor',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('login_attempts').dropColumn('kind').execute();
  await db.schema.alterTable('users').dropColumn('disabled_by_role').execute();
}
