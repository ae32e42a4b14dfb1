import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/schema.ts';

/** The queue and themes: its filter by theme, and each row's themes. */

/** Is the comment (by its id) in the theme? */
export function inTheme(commentId: Expression<number>, themeId: number): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(eb.selectFrom('comment_themes as ct').select('ct.comment_id').where('ct.comment_id', '=', commentId).where('ct.theme_id', '=', themeId));
}

/** A theme as a queue row shows it. */
export interface RowTheme {
  id: number;
  label: string;
}

/** The themes (not discarded) of each of a page's comments. */
export async function themesOfRows(db: Kysely<Database>, commentIds: readonly number[]): Promise<Map<number, RowTheme[]>> {
  const themes = new Map<number, RowTheme[]>();
  if (commentIds.length === 0) return themes;
  const rows = await db
    .selectFrom('comment_themes as ct')
    .innerJoin('themes as t', 't.id', 'ct.theme_id')
    .select(['ct.comment_id', 't.id', 't.label'])
    .where('ct.comment_id', 'in', [...commentIds])
    .where('t.state', '!=', 'discarded')
    .orderBy('t.label')
    .execute();
  for (const r of rows) themes.set(r.comment_id, [...(themes.get(r.comment_id) ?? []), { id: r.id, label: r.label }]);
  return themes;
}
