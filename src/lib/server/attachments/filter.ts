import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Does the comment (by its id) have an attachment? The public list of comments filters by it
 * (`/pripombe?priloga=1`); one probe of the index attachments_comment per comment.
 */
export function hasAttachment(commentId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from attachments where attachments.comment_id = ${commentId})`;
}
