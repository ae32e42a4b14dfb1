import type { Kysely } from 'kysely';
import type { Database } from '../../platform/schema.ts';
import type { ThemeState } from '../../../enums.ts';

/** The themes' read models: the overview of a consultation, one theme with its comments, the choices elsewhere. */

export const THEME_PAGE_SIZE = 25;

export interface ThemeSummary {
  id: number;
  chapter_slug: string | null;
  label: string;
  terms: string[];
  state: ThemeState;
  comments: number;
  decided_by_name: string | null;
}

const parseTerms = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/** A consultation's themes (not discarded; accepted first, then by size), each with how many submitted comments it holds. */
export async function listThemes(db: Kysely<Database>, consultationId: number, states: readonly ThemeState[] = ['suggested', 'accepted']): Promise<ThemeSummary[]> {
  const rows = await db
    .selectFrom('themes as t')
    .leftJoin('users as u', 'u.id', 't.decided_by')
    .select(['t.id', 't.chapter_slug', 't.label', 't.terms', 't.state', 'u.name as decided_by_name'])
    .select((eb) =>
      eb
        .selectFrom('comment_themes as ct')
        .innerJoin('comments as c', 'c.id', 'ct.comment_id')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('ct.theme_id', '=', 't.id')
        .where('c.state', '=', 'submitted')
        .as('comments'),
    )
    .where('t.consultation_id', '=', consultationId)
    .where('t.state', 'in', [...states])
    .execute();
  return rows
    .map((r) => ({ ...r, terms: parseTerms(r.terms), comments: Number(r.comments ?? 0) }))
    .sort((a, b) => Number(b.state === 'accepted') - Number(a.state === 'accepted') || b.comments - a.comments || a.id - b.id);
}

/** The requests for suggestions still waiting or running, by scope (null: the whole draft). */
export async function pendingRuns(db: Kysely<Database>, consultationId: number): Promise<Array<string | null>> {
  const rows = await db.selectFrom('theme_runs').select('chapter_slug').where('consultation_id', '=', consultationId).where('state', 'in', ['pending', 'running']).execute();
  return rows.map((r) => r.chapter_slug);
}

/** One theme of a consultation. */
export async function findTheme(db: Kysely<Database>, consultationId: number, themeId: number) {
  const row = await db
    .selectFrom('themes as t')
    .leftJoin('users as u', 'u.id', 't.decided_by')
    .select(['t.id', 't.chapter_slug', 't.label', 't.terms', 't.state', 't.decided_at', 'u.name as decided_by_name'])
    .where('t.id', '=', themeId)
    .where('t.consultation_id', '=', consultationId)
    .executeTakeFirst();
  return row && { ...row, terms: parseTerms(row.terms) };
}
export type ThemeDetail = NonNullable<Awaited<ReturnType<typeof findTheme>>>;

/** A page of a theme's submitted comments (newest first), each with who put it there. */
export async function themeComments(db: Kysely<Database>, themeId: number, page: number) {
  const base = db.selectFrom('comment_themes as ct').innerJoin('comments as c', 'c.id', 'ct.comment_id').where('ct.theme_id', '=', themeId).where('c.state', '=', 'submitted');
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / THEME_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await base
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as u', 'u.id', 'ct.assigned_by')
    .select(['c.id', 'c.body', 'c.block_number', 'c.chapter_number', 'o.name as organisation_name', 'ct.source', 'u.name as assigned_by_name'])
    .orderBy('c.id', 'desc')
    .limit(THEME_PAGE_SIZE)
    .offset((current - 1) * THEME_PAGE_SIZE)
    .execute();
  return { rows, total, page: current, pageCount };
}
export type ThemeComments = Awaited<ReturnType<typeof themeComments>>;
