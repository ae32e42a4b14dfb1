import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Does the comment (by its id) have an attachment? The public list of comments filters by it
 * (`/pripombe?priloga=1`). A first cut by the lead: the attachments helper makes it true for the
 * comments that have one.
 */
export function hasAttachment(_commentId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`0 = 1`;
}
