import type { Kysely } from 'kysely';

/** Indexes for the moderation queue's common filters at 100,000 comments (see bench/). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_queue_chapter').on('comments').columns(['state', 'chapter_slug', 'moderation_status', 'submitted_at']).execute();
  await db.schema.createIndex('comments_queue_organisation').on('comments').columns(['state', 'organisation_id', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_queue_organisation').execute();
  await db.schema.dropIndex('comments_queue_chapter').execute();
}
