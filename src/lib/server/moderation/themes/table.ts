import type { Generated } from 'kysely';
import type { AssignmentSource, ThemeState } from '../../../enums.ts';

/** Row types of the themes tables (migration 0015_themes). */

/** A theme of a consultation's comments, in one chapter or across the draft (`chapter_slug` null). */
export interface ThemeTable {
  id: Generated<number>;
  consultation_id: number;
  chapter_slug: string | null;
  label: string;
  /** The clustering's top terms, as a JSON array of strings. */
  terms: string;
  state: Generated<ThemeState>;
  source: AssignmentSource;
  decided_by: number | null;
  decided_at: string | null;
  created_at: Generated<string>;
}

/** A comment in a theme, and who put it there. */
export interface CommentThemeTable {
  comment_id: number;
  theme_id: number;
  source: AssignmentSource;
  assigned_by: number | null;
  assigned_at: Generated<string>;
}

/** The states of a request for suggestions. */
export const THEME_RUN_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type ThemeRunState = (typeof THEME_RUN_STATES)[number];

/** A moderator's request for suggested themes of a chapter or the whole draft (`chapter_slug` null). */
export interface ThemeRunTable {
  id: Generated<number>;
  consultation_id: number;
  chapter_slug: string | null;
  state: Generated<ThemeRunState>;
  requested_by: number | null;
  requested_at: Generated<string>;
  started_at: string | null;
  finished_at: string | null;
  /** How many themes and assigned comments the run suggested. */
  themes: number | null;
  comments: number | null;
}

export interface ThemeTables {
  themes: ThemeTable;
  comment_themes: CommentThemeTable;
  theme_runs: ThemeRunTable;
}
