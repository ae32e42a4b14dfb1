import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { containsText } from '../platform/sql.ts';

/**
 * The moderators' queue's text filter: does the comment (by its id) match what the moderator typed?
 * A first cut that scans (LIKE over the body, the proposed text and the organisation's name); the
 * search helper replaces it with the FTS5 index.
 */
export function commentMatches(commentId: Expression<number>, text: string): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(
    eb
      .selectFrom('comments as x')
      .innerJoin('organisations as n', 'n.id', 'x.organisation_id')
      .select('x.id')
      .where('x.id', '=', commentId)
      .where((e) => e.or([containsText(e.ref('x.body'), text), containsText(e.ref('x.proposed_text'), text), containsText(e.ref('n.name'), text)])),
  );
}
