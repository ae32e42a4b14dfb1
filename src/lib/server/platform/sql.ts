import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * `column` contains `text`, ignoring case, with the text's own % and _ taken literally (ESCAPE is
 * standard SQL). Both sides lower-cased: SQLite's LIKE ignores the case of ASCII letters only, and
 * PostgreSQL's LIKE ignores none; `lower()` is ASCII-only on SQLite, so both behave as before there,
 * and PostgreSQL also folds Č, Š and Ž.
 */
export function containsText(column: Expression<unknown>, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${column}) like lower(${pattern}) escape '\\'`;
}

/**
 * Did a write fail because the row is already there (a unique or primary key)? SQLite and
 * PostgreSQL alike, so a write that lost a race can answer with the row that won it.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * A bounded list of ids (a capped search's matches, at most a few thousand) as a table of one column
 * `id`, passed as one parameter rather than one parameter per id: SQLite's `json_each` over a JSON
 * array, PostgreSQL's `unnest` over an integer array.
 */
export function idTable(db: Kysely<any>, ids: readonly number[]): RawBuilder<{ id: number }> {
  return isPostgres(db)
    ? sql<{ id: number }>`select unnest(cast(${[...ids]} as integer[])) as id`
    : sql<{ id: number }>`select value as id from json_each(${JSON.stringify(ids)})`;
}
