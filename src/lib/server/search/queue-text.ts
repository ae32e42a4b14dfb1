import { expressionBuilder, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { containsText, idTable } from '../platform/sql.ts';
import { ftsString, parseSearchQuery } from './query.ts';

/**
 * The moderators' queue's text filter: which comments match what the moderator typed?
 *
 * Through the trigram indexes (migration 0016): every word (stemmed, see query.ts) must be found
 * somewhere — in the comment's text (body, proposed text, rationale, published obrazložitev), in its
 * working stance's obrazložitev (drafts included: moderators see them), or in its organisation's
 * name — so „Bled optika“ finds Občina Bled's comments about optics. A word found in the names of
 * more than NAME_LIMIT organisations („občina“) names none of them in particular and is looked for in
 * the texts only.
 *
 * Two ways, chosen by how many comments hold the words (counted up to MANY, a few milliseconds):
 * - up to MANY: the exact set of matching comments, as a condition of the queue's query (an `IN`
 *   over the matching ids), counted and sorted whole;
 * - more (a common word): the newest MATCH_LIMIT + 1 matches — read from the index newest first,
 *   each checked against the queue's other conditions, so the cost follows the page and not the
 *   tens of thousands of matches; when the other conditions are narrow (few of the newest WALK
 *   matches meet them), through the whole set once. The queue says there are more than
 *   MATCH_LIMIT and shows the newest MATCH_LIMIT, sorted as chosen.
 *
 * Words of one or two letters cannot match a trigram index: a filter of only such words (e.g. „EU“)
 * falls back to a substring scan (LIKE) of the body, the proposed text and the organisation's name,
 * bounded by the queue's other conditions (the consultation, submitted comments).
 */

export const MATCH_LIMIT = 1000;
const MANY = 5000;
/** How many of the newest text matches are checked against the other conditions before reading the whole set. */
const WALK = 2000;
const NAME_LIMIT = 10;

export type TextMatch =
  /** Nothing to filter by. */
  | { kind: 'none' }
  /** All matches: a condition on the comment (alias `c`). */
  | { kind: 'where'; condition: Expression<SqlBool> }
  /**
   * The newest matches that meet the other conditions (at most MATCH_LIMIT, as a table of one
   * column `id`); `capped`: more do.
   */
  | { kind: 'ids'; source: RawBuilder<{ id: number }>; capped: boolean };

/**
 * @param others the queue's other conditions on the comment (alias `c`): the newest matches are
 * those that also meet them.
 */
export async function textMatch(db: Kysely<Database>, text: string, others: Expression<SqlBool>): Promise<TextMatch> {
  const eb = expressionBuilder<Database, never>();
  const query = parseSearchQuery(text);
  if (query.kind === 'empty') return { kind: 'none' };
  if (query.kind === 'short') {
    const condition = (commentId: Expression<number>) =>
      eb.exists(
        eb
          .selectFrom('comments as x')
          .innerJoin('organisations as n', 'n.id', 'x.organisation_id')
          .select('x.id')
          .where('x.id', '=', commentId)
          .where((e) => e.or([containsText(e.ref('x.body'), query.text), containsText(e.ref('x.proposed_text'), query.text), containsText(e.ref('n.name'), query.text)])),
      );
    return { kind: 'where', condition: condition(sql.ref('c.id')) };
  }
  const terms = query.terms.map(ftsString);
  const all = terms.join(' AND ');
  const naming = await namingTerms(db, terms);
  const hits = (await sql<{ n: number }>`select count(*) as n from (select rowid from comments_fts where comments_fts match ${all} limit ${MANY + 1})`.execute(db)).rows[0]?.n ?? 0;
  if (Number(hits) <= MANY) return { kind: 'where', condition: sql<SqlBool>`c.id in (${matchingIds(terms, naming)})` };

  const meets = (id: RawBuilder<unknown>) => sql`exists (select 1 from comments c where c.id = ${id} and ${others})`;
  // The newest text matches that meet the other conditions, among the newest WALK text matches.
  const window = (
    await sql<{ floor: number | null; n: number }>`select min(id) as floor, count(*) as n
      from (select rowid as id from comments_fts where comments_fts match ${all} order by rowid desc limit ${WALK})`.execute(db)
  ).rows[0]!;
  const found = (
    await sql<{ id: number }>`select rowid as id from comments_fts f where comments_fts match ${all} and f.rowid >= ${window.floor ?? 0}
      and ${meets(sql.ref('f.rowid'))} order by rowid desc limit ${MATCH_LIMIT + 1}`.execute(db)
  ).rows.map((r) => r.id);
  let floor: number;
  if (found.length > MATCH_LIMIT) floor = found[MATCH_LIMIT]!;
  else if (Number(window.n) < WALK) floor = 0;
  else {
    // The other conditions are narrow (few of the newest matches meet them): the matches that meet
    // them, read once through the whole set of matches.
    const ids = (
      await sql<{ id: number }>`select c.id from comments c where ${others} and c.id in (${matchingIds(terms, naming)}) order by c.id desc limit ${MATCH_LIMIT + 1}`.execute(db)
    ).rows.map((r) => r.id);
    return { kind: 'ids', source: idTable(db, ids.slice(0, MATCH_LIMIT)), capped: ids.length > MATCH_LIMIT };
  }
  // Matches in a stance or by an organisation's name no older than the text matches kept.
  const newest = async (from: RawBuilder<unknown>) => (await sql<{ id: number }>`${from} limit ${MATCH_LIMIT + 1}`.execute(db)).rows.map((r) => r.id);
  const [inStances, byNames] = await Promise.all([
    newest(sql`select rowid as id from stances_fts f where stances_fts match ${all} and f.rowid >= ${floor} and ${meets(sql.ref('f.rowid'))} order by rowid desc`),
    naming.length ? newest(sql`select x.id from comments x where ${byName(terms, naming)} and x.id >= ${floor} and ${meets(sql.ref('x.id'))} order by x.id desc`) : [],
  ]);
  const ids = [...new Set([...found.filter((id) => id >= floor), ...inStances, ...byNames])].sort((a, b) => b - a);
  return { kind: 'ids', source: idTable(db, ids.slice(0, MATCH_LIMIT)), capped: ids.length > MATCH_LIMIT };
}

/** The words that name at most NAME_LIMIT organisations (a word in more names names none in particular). */
async function namingTerms(db: Kysely<Database>, terms: string[]): Promise<string[]> {
  const counts = await Promise.all(
    terms.map(async (term) => Number((await sql<{ n: number }>`select count(*) as n from (select rowid from organisations_fts where organisations_fts match ${term} limit ${NAME_LIMIT + 1})`.execute(db)).rows[0]?.n ?? 0)),
  );
  return terms.filter((_, i) => counts[i]! > 0 && counts[i]! <= NAME_LIMIT);
}

const inName = (term: string) => sql`(select rowid from organisations_fts where organisations_fts match ${term})`;

/**
 * Comments (alias `x`) of an organisation named by one of the words, with each word in the name,
 * the text or the stance: reads only the comments of the organisations named.
 */
function byName(terms: string[], naming: string[]) {
  const eachTerm = terms.map(
    (term) => sql`and (x.organisation_id in ${inName(term)}
      or x.id in (select rowid from comments_fts where comments_fts match ${term} union select rowid from stances_fts where stances_fts match ${term}))`,
  );
  return sql`x.organisation_id in ${inName(naming.join(' OR '))} ${sql.join(eachTerm, sql` `)}`;
}

/**
 * The ids of the comments in which every word is found: all of them in the comment's text, or all
 * in its stance's obrazložitev (FTS5 intersects these itself, cheaply), or — for comments of an
 * organisation named by one of the words — each word in the name, the text or the stance.
 */
function matchingIds(terms: string[], naming: string[]): RawBuilder<{ id: number }> {
  const all = terms.join(' AND ');
  const named = naming.length ? sql`union select x.id from comments x where ${byName(terms, naming)}` : sql``;
  return sql<{ id: number }>`select rowid as id from comments_fts where comments_fts match ${all}
    union select rowid from stances_fts where stances_fts match ${all} ${named}`;
}
