import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** `column LIKE %text%` with the text's own % and _ taken literally (portable: ESCAPE is standard SQL). */
export function containsText(column: Expression<unknown>, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${column} like ${pattern} escape '\\'`;
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
 * `id`, passed as one JSON parameter rather than one parameter per id. SQLite's `json_each`;
 * PostgreSQL would read `jsonb_array_elements_text`.
 */
export function idTable(ids: readonly number[]): RawBuilder<{ id: number }> {
  return sql<{ id: number }>`select value as id from json_each(${JSON.stringify(ids)})`;
}
