/** Row types of the full-text search tables (migration 0016_search). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
