import { sql, type Kysely } from 'kysely';

/**
 * A group member's organisation, copied from its comment (a comment never changes organisation), so
 * that a group's size and its number of organisations are read from one index — (group, organisation)
 * — instead of joining thousands of comments for every group a page of the queue shows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('duplicate_group_members').addColumn('organisation_id', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update duplicate_group_members set organisation_id = (select c.organisation_id from comments c where c.id = duplicate_group_members.comment_id)`.execute(db);
  await db.schema.createIndex('duplicate_group_members_organisation').on('duplicate_group_members').columns(['group_id', 'organisation_id']).execute();
  await db.schema.dropIndex('duplicate_group_members_group').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('duplicate_group_members_group').on('duplicate_group_members').column('group_id').execute();
  await db.schema.dropIndex('duplicate_group_members_organisation').execute();
  await db.schema.alterTable('duplicate_group_members').dropColumn('organisation_id').execute();
}
