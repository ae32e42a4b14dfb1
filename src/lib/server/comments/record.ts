import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { toOpenDataItem, type OpenDataItem } from './open-data.ts';
import { listPublicComments } from './queries.ts';
import { attachmentsByComment } from '../attachments/queries.ts';

/**
 * What stays public of a comment for the record: a withdrawn comment keeps its permalink (saying
 * that and when its organisation withdrew it, with the text as submitted), and one comment is
 * readable as open data — or, once withdrawn, answers that it was.
 */

/**
 * A withdrawn comment as its public permalink shows it (the same shape as the author's own view in
 * organisation-queries.ts); undefined unless it is withdrawn and was never hidden by a moderator.
 */
export async function withdrawnComment(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('c.id', '=', id)
    .where('c.state', '=', 'withdrawn')
    .where('c.hidden', '=', 0)
    .executeTakeFirst();
}

export type CommentRecord =
  | { state: 'public'; item: OpenDataItem }
  | { state: 'withdrawn'; withdrawnAt: string }
  /** A draft, a hidden comment, or no such comment. */
  | { state: 'not_found' };

/**
 * One comment as open data: a public comment as an item of the open-data list (the same fields),
 * a withdrawn one as the time it was withdrawn, anything else not found.
 */
export async function commentRecord(
  db: Kysely<Database>,
  id: number,
  options: { baseUrl: string; currentVersionId: (consultationId: number) => Promise<string | undefined> },
): Promise<CommentRecord> {
  const row = await db.selectFrom('comments').select(['consultation_id', 'state', 'hidden', 'withdrawn_at']).where('id', '=', id).executeTakeFirst();
  if (!row || row.hidden) return { state: 'not_found' };
  if (row.state === 'withdrawn') return { state: 'withdrawn', withdrawnAt: row.withdrawn_at ?? '' };
  if (row.state !== 'submitted') return { state: 'not_found' };
  const [comment] = await listPublicComments(db, { ids: [id], consultationId: row.consultation_id, currentVersionId: await options.currentVersionId(row.consultation_id) });
  return comment ? { state: 'public', item: toOpenDataItem(comment, options.baseUrl, (await attachmentsByComment(db, [id])).get(id)) } : { state: 'not_found' };
}
