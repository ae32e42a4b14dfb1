import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from '../../../db/migrations/index.ts';
import { config } from './config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Opens (creating if needed) a SQLite database with the settings Posvet relies on. */
export function openDatabase(path: string = config.databasePath): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL keeps every acknowledged commit across a power cut, not just across a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations that ran. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

let shared: Db | undefined;

/** The server's one database handle. */
export function getDb(): Db {
  shared ??= openDatabase();
  return shared;
}

export async function closeDb(): Promise<void> {
  if (shared) {
    const db = shared;
    shared = undefined;
    await db.destroy();
  }
}
