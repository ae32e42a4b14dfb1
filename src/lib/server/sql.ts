import { sql, type Expression, type SqlBool } from 'kysely';

/** `column LIKE %text%` with the text's own % and _ taken literally (portable: ESCAPE is standard SQL). */
export function containsText(column: Expression<unknown>, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}
