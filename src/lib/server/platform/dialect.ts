import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Which database a handle (or a transaction on it) talks to. The few places where SQLite and
 * PostgreSQL need different SQL ask this; each such difference is one small function, listed in the
 * README ("Two databases").
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
