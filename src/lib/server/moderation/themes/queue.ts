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
  /** A suggestion is marked as one wherever it shows. */
  suggested: boolean;
}

/** The themes (not discarded) of each of a page's comments. */
export async function themesOfRows(db: Kysely<Database>, commentIds: readonly number[]): Promise<Map<number, RowTheme[]>> {
  const themes = new Map<number, RowTheme[]>();
  if (commentIds.length === 0) return themes;
  const rows = await db
    .selectFrom('comment_themes as ct')
    .innerJoin('themes as t', 't.id', 'ct.theme_id')
    .select(['ct.comment_id', 't.id', 't.label', 't.state'])
    .where('ct.comment_id', 'in', [...commentIds])
    .where('t.state', '!=', 'discarded')
    .orderBy('t.label')
    .execute();
  for (const r of rows) themes.set(r.comment_id, [...(themes.get(r.comment_id) ?? []), { id: r.id, label: r.label, suggested: r.state === 'suggested' }]);
  return themes;
}

/** A theme the queue's filter offers. */
export interface ThemeChoice {
  id: number;
  label: string;
  chapter_slug: string | null;
  suggested: boolean;
}

/** The consultation's accepted and suggested themes, for the queue's filter (few: a dozen per part of the draft). */
export async function themeChoices(db: Kysely<Database>, consultationId: number): Promise<ThemeChoice[]> {
  const rows = await db
    .selectFrom('themes')
    .select(['id', 'label', 'chapter_slug', 'state'])
    .where('consultation_id', '=', consultationId)
    .where('state', 'in', ['accepted', 'suggested'])
    .orderBy('id')
    .execute();
  const names = new Intl.Collator('sl');
  return rows
    .map((r) => ({ id: r.id, label: r.label, chapter_slug: r.chapter_slug, suggested: r.state === 'suggested' }))
    .sort((a, b) => Number(a.suggested) - Number(b.suggested) || names.compare(a.label, b.label));
}
