import type { Kysely } from 'kysely';

/**
 * Full-text search (issue 15): FTS5 tables with the trigram tokenizer over comments, stances and
 * the draft text, kept in sync by triggers. The search helper writes this migration.
 */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
