import { sql, type Kysely, type RawBuilder } from 'kysely';
import { commentText } from '../../../../db/migrations/search-postgres.ts';
import { isPostgres } from '../platform/dialect.ts';
import { likePattern } from './fold.ts';
import { MARK_CLOSE, MARK_OPEN, markTerms } from './highlight.ts';
import { ftsString } from './query.ts';

/**
 * The search's only differences between the databases (migration 0016), each in one function:
 * SQLite has FTS5 trigram tables beside the searched ones; PostgreSQL has GIN trigram indexes on
 * the folded texts of the tables themselves (db/migrations/search-postgres.ts). The queries that
 * use them (public.ts, queue-text.ts) are otherwise the same SQL on both.
 */
export type SearchIndex = 'comments' | 'stances' | 'organisations' | 'draft_text';

const FTS_TABLE: Record<SearchIndex, string> = { comments: 'comments_fts', stances: 'stances_fts', organisations: 'organisations_fts', draft_text: 'draft_text_fts' };

/** PostgreSQL: the table, its key (what FTS5's rowid is on SQLite) and its folded text, each for alias `f`. */
const TRIGRAM: Record<SearchIndex, { table: string; id: string; text: string; index: string }> = {
  comments: { table: 'comments', id: 'f.id', text: commentText('f'), index: 'comments_search' },
  stances: { table: 'stances', id: 'f.comment_id', text: 'f.response', index: 'stances_search' },
  organisations: { table: 'organisations', id: 'f.id', text: 'f.name', index: 'organisations_search' },
  // The draft text's rows have no key of their own on PostgreSQL; nothing asks for it.
  draft_text: { table: 'draft_text_fts', id: 'null', text: 'f.text', index: 'draft_text_fts_search' },
};

export interface IndexMatch {
  /** What to select from: the index (or the table) as `f`. */
  from: RawBuilder<unknown>;
  /** The matching row's key: the comment's id (comments, stances), the organisation's id. */
  id: RawBuilder<number>;
  /** The condition that selects the matching rows of `f`. */
  where: RawBuilder<unknown>;
}

/**
 * The rows of an index whose text holds every term (`all`) or one of them (`any`), terms as
 * parseSearchQuery gives them. SQLite: the FTS5 table, `MATCH` with the terms quoted and joined by
 * AND or OR, rowid the key. PostgreSQL: the table itself, `posvet_fold(text) like '%term%'` per
 * term (folded and escaped by fold.ts; the expression is the trigram index's own, so the index
 * applies), its key column.
 */
export function indexMatch(db: Kysely<any>, index: SearchIndex, terms: readonly string[], mode: 'all' | 'any'): IndexMatch {
  if (isPostgres(db)) {
    const t = TRIGRAM[index];
    const likes = terms.map((term) => sql`posvet_fold(${sql.raw(t.text)}) like ${likePattern(term)}`);
    return { from: sql`${sql.table(t.table)} f`, id: sql<number>`${sql.raw(t.id)}`, where: sql`(${sql.join(likes, mode === 'all' ? sql` and ` : sql` or `)})` };
  }
  const table = FTS_TABLE[index];
  const match = terms.map(ftsString).join(mode === 'all' ? ' AND ' : ' OR ');
  return { from: sql`${sql.raw(table)} f`, id: sql<number>`f.rowid`, where: sql`${sql.raw(table)} match ${match}` };
}

export interface Highlighter {
  /** The column `expression` (the `column`-th of the index) as selected: highlighted on SQLite. */
  column(index: SearchIndex, column: number, expression: RawBuilder<unknown>): RawBuilder<string | null>;
  /** The selected text with its matches between MARK_OPEN and MARK_CLOSE. */
  mark(text: string | null): string | null;
}

/**
 * Highlighting the matches of `terms`: SQLite marks them in the query (FTS5's highlight() on the
 * index's column, for the row MATCH found); PostgreSQL selects the text as it is and marks it
 * afterwards (highlight.ts markTerms, folding as the index does).
 */
export function highlighter(db: Kysely<any>, terms: readonly string[]): Highlighter {
  if (isPostgres(db)) return { column: (_index, _column, expression) => sql<string | null>`${expression}`, mark: (text) => (text === null ? null : markTerms(text, terms)) };
  return { column: (index, column) => sql<string | null>`highlight(${sql.raw(FTS_TABLE[index])}, ${column}, ${MARK_OPEN}, ${MARK_CLOSE})`, mark: (text) => text };
}

/**
 * Every search index rebuilt from its table (the draft text aside: reindex.ts reads it again).
 * SQLite: FTS5's 'rebuild' of each external-content table. PostgreSQL: REINDEX of each trigram
 * index (an expression index follows its rows by itself; REINDEX repairs one that is corrupt or
 * was left invalid).
 */
export async function rebuildSearchIndexes(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const index of ['comments', 'stances', 'organisations', 'draft_text'] as const) await sql`reindex index ${sql.table(TRIGRAM[index].index)}`.execute(db);
    return;
  }
  for (const index of ['comments_fts', 'stances_fts', 'organisations_fts']) await sql.raw(`insert into ${index} (${index}) values ('rebuild')`).execute(db);
}
