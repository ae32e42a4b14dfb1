import { expressionBuilder, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { containsText, idTable } from '../platform/sql.ts';
import { indexMatch, type SearchIndex } from './match.ts';
import { parseSearchQuery } from './query.ts';

/**
 * The moderators' queue's text filter: which comments match what the moderator typed?
 *
 * Through the trigram indexes (migration 0016; FTS5 on SQLite, pg_trgm on PostgreSQL: match.ts):
 * every word (stemmed, see query.ts) must be found somewhere — in the comment's text (body, proposed
 * text, rationale, published obrazložitev), in its working stance's obrazložitev (drafts included:
 * moderators see them), or in its organisation's name — so „Bled optika“ finds Občina Bled's comments about optics. A word found in the names of
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
  const terms = query.terms;
  const naming = await namingTerms(db, terms);
  const inText = indexMatch(db, 'comments', terms, 'all');
  const hits = (await sql<{ n: number }>`select count(*) as n from (select ${inText.id} from ${inText.from} where ${inText.where} limit ${MANY + 1}) as m`.execute(db)).rows[0]?.n ?? 0;
  if (Number(hits) <= MANY) return { kind: 'where', condition: sql<SqlBool>`c.id in (${matchingIds(db, terms, naming)})` };

  const meets = (id: RawBuilder<unknown>) => sql`exists (select 1 from comments c where c.id = ${id} and ${others})`;
  // The newest text matches that meet the other conditions, among the newest WALK text matches.
  const window = (
    await sql<{ floor: number | null; n: number }>`select min(id) as floor, count(*) as n
      from (select ${inText.id} as id from ${inText.from} where ${inText.where} order by ${inText.id} desc limit ${WALK}) as w`.execute(db)
  ).rows[0]!;
  const found = (
    await sql<{ id: number }>`select ${inText.id} as id from ${inText.from} where ${inText.where} and ${inText.id} >= ${window.floor ?? 0}
      and ${meets(inText.id)} order by ${inText.id} desc limit ${MATCH_LIMIT + 1}`.execute(db)
  ).rows.map((r) => r.id);
  let floor: number;
  if (found.length > MATCH_LIMIT) floor = found[MATCH_LIMIT]!;
  else if (Number(window.n) < WALK) floor = 0;
  else {
    // The other conditions are narrow (few of the newest matches meet them): the matches that meet
    // them, read once through the whole set of matches.
    const ids = (
      await sql<{ id: number }>`select c.id from comments c where ${others} and c.id in (${matchingIds(db, terms, naming)}) order by c.id desc limit ${MATCH_LIMIT + 1}`.execute(db)
    ).rows.map((r) => r.id);
    return { kind: 'ids', source: idTable(db, ids.slice(0, MATCH_LIMIT)), capped: ids.length > MATCH_LIMIT };
  }
  // Matches in a stance or by an organisation's name no older than the text matches kept.
  const newest = async (from: RawBuilder<unknown>) => (await sql<{ id: number }>`${from} limit ${MATCH_LIMIT + 1}`.execute(db)).rows.map((r) => r.id);
  const stance = indexMatch(db, 'stances', terms, 'all');
  const [inStances, byNames] = await Promise.all([
    newest(sql`select ${stance.id} as id from ${stance.from} where ${stance.where} and ${stance.id} >= ${floor} and ${meets(stance.id)} order by ${stance.id} desc`),
    naming.length ? newest(sql`select x.id from comments x where ${byName(db, terms, naming)} and x.id >= ${floor} and ${meets(sql.ref('x.id'))} order by x.id desc`) : [],
  ]);
  const ids = [...new Set([...found.filter((id) => id >= floor), ...inStances, ...byNames])].sort((a, b) => b - a);
  return { kind: 'ids', source: idTable(db, ids.slice(0, MATCH_LIMIT)), capped: ids.length > MATCH_LIMIT };
}

/** The ids of an index's rows that hold every term (or one of them). */
function idsMatching(db: Kysely<Database>, index: SearchIndex, terms: readonly string[], mode: 'all' | 'any' = 'all'): RawBuilder<{ id: number }> {
  const m = indexMatch(db, index, terms, mode);
  return sql<{ id: number }>`select ${m.id} as id from ${m.from} where ${m.where}`;
}

/** The words that name at most NAME_LIMIT organisations (a word in more names names none in particular). */
async function namingTerms(db: Kysely<Database>, terms: string[]): Promise<string[]> {
  const counts = await Promise.all(
    terms.map(async (term) => Number((await sql<{ n: number }>`select count(*) as n from (${idsMatching(db, 'organisations', [term])} limit ${NAME_LIMIT + 1}) as m`.execute(db)).rows[0]?.n ?? 0)),
  );
  return terms.filter((_, i) => counts[i]! > 0 && counts[i]! <= NAME_LIMIT);
}

/**
 * Comments (alias `x`) of an organisation named by one of the words, with each word in the name,
 * the text or the stance: reads only the comments of the organisations named.
 */
function byName(db: Kysely<Database>, terms: string[], naming: string[]) {
  const eachTerm = terms.map(
    (term) => sql`and (x.organisation_id in (${idsMatching(db, 'organisations', [term])})
      or x.id in (${idsMatching(db, 'comments', [term])} union ${idsMatching(db, 'stances', [term])}))`,
  );
  return sql`x.organisation_id in (${idsMatching(db, 'organisations', naming, 'any')}) ${sql.join(eachTerm, sql` `)}`;
}

/**
 * The ids of the comments in which every word is found: all of them in the comment's text, or all
 * in its stance's obrazložitev (each index intersects these itself, cheaply), or — for comments of
 * an organisation named by one of the words — each word in the name, the text or the stance.
 */
function matchingIds(db: Kysely<Database>, terms: string[], naming: string[]): RawBuilder<{ id: number }> {
  const named = naming.length ? sql`union select x.id from comments x where ${byName(db, terms, naming)}` : sql``;
  return sql<{ id: number }>`${idsMatching(db, 'comments', terms)} union ${idsMatching(db, 'stances', terms)} ${named}`;
}
