import type { Kysely } from 'kysely';

/**
 * Issue 16, the public list of every comment (/pripombe) and the organisation pages. Public comments
 * newest first — of every consultation, of one, of one organisation, of one chapter or paragraph —
 * are a range of an index. The first two also carry the columns the list filters on (organisation,
 * decision, kind, late, place), so a filtered page and its count read the index alone, never the
 * table's rows with their texts.
 */
const FILTERED = ['organisation_id', 'moderation_status', 'kind', 'late', 'chapter_number', 'block_number'];
const INDEXES: Array<[string, string[]]> = [
  ['comments_public_newest', ['state', 'hidden', 'submitted_at', 'consultation_id', ...FILTERED]],
  ['comments_public_consultation', ['consultation_id', 'state', 'hidden', 'submitted_at', ...FILTERED]],
  ['comments_public_place', ['consultation_id', 'chapter_slug', 'block_number', 'state', 'hidden', 'submitted_at']],
  ['comments_public_organisation', ['organisation_id', 'state', 'hidden', 'submitted_at', 'consultation_id']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES) await db.schema.createIndex(name).on('comments').columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
