import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { containsText } from '../platform/sql.ts';
import { ftsString, parseSearchQuery } from './query.ts';

/**
 * The moderators' queue's text filter: does the comment (by its id) match what the moderator typed?
 *
 * Through the trigram indexes (migration 0016): every word (stemmed, see query.ts) must be found
 * somewhere — in the comment's text (body, proposed text, rationale, published obrazložitev), in its
 * working stance's obrazložitev (drafts included: moderators see them), or in its organisation's
 * name — so „Bled optika“ finds Občina Bled's comments about optics. The set of matching ids is
 * computed once per query (an `IN` subquery), not per row.
 *
 * Words of one or two letters cannot match a trigram index: a filter of only such words (e.g. „EU“)
 * falls back to a substring scan (LIKE) of the body, the proposed text and the organisation's name,
 * bounded by the queue's other conditions (the consultation, submitted comments).
 */
export function commentMatches(commentId: Expression<number>, text: string): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  const query = parseSearchQuery(text);
  if (query.kind === 'empty') return sql<SqlBool>`1`;
  if (query.kind === 'short') {
    return eb.exists(
      eb
        .selectFrom('comments as x')
        .innerJoin('organisations as n', 'n.id', 'x.organisation_id')
        .select('x.id')
        .where('x.id', '=', commentId)
        .where((e) => e.or([containsText(e.ref('x.body'), query.text), containsText(e.ref('x.proposed_text'), query.text), containsText(e.ref('n.name'), query.text)])),
    );
  }
  return sql<SqlBool>`${commentId} in (${matchingIds(query.terms.map(ftsString))})`;
}

/**
 * The ids of the comments in which every word is found: all of them in the comment's text, or all
 * in its stance's obrazložitev (FTS5 intersects these itself, cheaply), or — for comments of an
 * organisation whose name holds one of the words — each word in the name, the text or the stance.
 * That last part reads only the comments of the organisations named, so it costs nothing when no
 * word is part of an organisation's name.
 */
function matchingIds(terms: string[]) {
  const all = terms.join(' AND ');
  const inName = (term: string) => sql`(select rowid from organisations_fts where organisations_fts match ${term})`;
  const eachTerm = terms.map(
    (term) => sql`and (x.organisation_id in ${inName(term)}
      or x.id in (select rowid from comments_fts where comments_fts match ${term} union select rowid from stances_fts where stances_fts match ${term}))`,
  );
  return sql`select rowid from comments_fts where comments_fts match ${all}
    union select rowid from stances_fts where stances_fts match ${all}
    union select x.id from comments x where x.organisation_id in ${inName(terms.join(' OR '))} ${sql.join(eachTerm, sql` `)}`;
}
