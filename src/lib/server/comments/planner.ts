import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from '../platform/dialect.ts';

/**
 * The dialect differences of the comment queries: SQLite has no statistics unless analysed, so the
 * queries tell its planner which index to read (or not to read); PostgreSQL plans by statistics and
 * takes no hints. Each difference is one function here.
 */

/**
 * A column the planner must not drive the query by. SQLite: `+column` (the unary plus hides the
 * column from the index chooser; it also works on text there). PostgreSQL: the column itself (its
 * unary plus exists only for numbers, and its planner costs the indexes by statistics).
 */
export function unindexed<T>(db: Kysely<any>, column: string): RawBuilder<T> {
  return isPostgres(db) ? sql<T>`${sql.ref(column)}` : sql<T>`+${sql.ref(column)}`;
}

/**
 * `comments as c`, read through the named index. SQLite: `comments as c indexed by <index>`.
 * PostgreSQL: `comments as c` (no such clause; it picks the index itself).
 */
export function commentsThrough(db: Kysely<any>, index: string): RawBuilder<unknown> {
  return isPostgres(db) ? sql`comments as c` : sql`comments as c indexed by ${sql.raw(index)}`;
}

/**
 * A paragraph's ordinal within its chapter, as an integer, from its number `3.14` (→ 14), for
 * ordering. SQLite: `substr` after `instr`. PostgreSQL: `split_part` (it has no `instr`).
 */
export function paragraphOrdinal(db: Kysely<any>, column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return isPostgres(db)
    ? sql<number>`cast(nullif(split_part(${ref}, '.', 2), '') as integer)`
    : sql<number>`cast(substr(${ref}, instr(${ref}, '.') + 1) as integer)`;
}
