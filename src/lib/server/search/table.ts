import type { Generated } from 'kysely';

/**
 * Row types of the full-text search tables (migration 0016_search). The FTS5 tables on SQLite
 * (comments_fts, stances_fts, draft_text_fts) are queried with `sql` (MATCH, highlight(); match.ts
 * says how on each database); only the draft text's rows are typed, for writing them
 * (`draft_text_fts` is a plain table on PostgreSQL).
 */

/** One block of a draft version in the search index. */
export interface DraftTextTable {
  text: string;
  consultation_id: number;
  version_id: string;
  chapter_slug: string;
  chapter_number: number;
  chapter_title: string;
  /** "3.14" */
  block_number: string;
  block_position: number;
  /** "odstavek-3-14" */
  block_anchor: string;
}

/** Which draft versions are in draft_text_fts (indexed once per version). */
export interface DraftTextVersionTable {
  consultation_id: number;
  version_id: string;
  blocks: number;
  indexed_at: Generated<string>;
}

export interface SearchTables {
  draft_text_fts: DraftTextTable;
  draft_text_versions: DraftTextVersionTable;
}
