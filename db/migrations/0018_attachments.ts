import type { Kysely } from 'kysely';

/** Issue 16: a first cut by the lead, owned by one helper until it lands (it fills this in). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
