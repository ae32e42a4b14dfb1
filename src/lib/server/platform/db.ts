import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from '../../../../db/migrations/index.ts';
import { config, isPostgresUrl } from './config.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Opens (creating if needed) a SQLite file with the settings Posvet relies on. */
export function openSqlite(path: string = config.databasePath): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL keeps every acknowledged commit across a power cut, not just across a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed, so a copy of the file holds no secret removed from it
  // (e.g. a mail's reset link after delivery).
  sqlite.pragma('secure_delete = ON');
  return sqlite;
}

/**
 * Kysely prepares a statement for every query it runs; with a fixed set of queries, keeping the
 * prepared statements (by their SQL text) saves that work on every request.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = statements.get(source);
        if (!statement) {
          statement = prepare(source);
          if (statements.size >= limit) statements.delete(statements.keys().next().value!);
          statements.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/**
 * Transactions begin IMMEDIATE: the write lock is taken at `begin`, where the busy timeout waits
 * for another connection's writes (the report's file writer, the operator's command line). A
 * deferred transaction that read first and writes later fails at once with SQLITE_BUSY when another
 * connection committed in between — a 500 over a request that had done nothing wrong.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig;
  constructor(settings: SqliteDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

/**
 * The Kysely handle every query goes through: PostgreSQL when `location` is a postgres:// address
 * (DATABASE_URL), else the SQLite file at that path (DATABASE_PATH).
 */
export function openDatabase(location: string = config.database): Db {
  if (isPostgresUrl(location)) return openPostgres<Database>(location, config.databasePoolSize);
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(openSqlite(location)) }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations that ran. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// The start script and the bundled server each load their own copy of this module; a registry on
// the global object lets the start script close the handle the server opened when it shuts down.
const registryKey = Symbol.for('posvet.serverDatabases');
const registry: Set<Db> = ((globalThis as Record<symbol, unknown>)[registryKey] as Set<Db> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[registryKey] = new Set<Db>());

let shared: Db | undefined;

/** The server's one database handle. */
export function getDb(): Db {
  if (!shared) {
    shared = openDatabase();
    registry.add(shared);
  }
  return shared;
}

/** Closes the server's database handle(s), checkpointing the WAL. */
export async function closeDb(): Promise<void> {
  shared = undefined;
  const open = [...registry];
  registry.clear();
  await Promise.all(open.map((db) => db.destroy()));
}
