import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, PostgresDriver, type DatabaseConnection, type TransactionSettings } from 'kysely';

// PostgreSQL answers bigint (count(*), sum of integers) and numeric (avg) as text, so no value is
// silently rounded; every count and sum here is far below 2^53, so they are numbers, as on SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** SQLSTATEs after which a transaction may simply run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 8;

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** The advisory lock every write transaction holds until it ends ("posv" in ASCII). */
export const WRITE_LOCK = 0x706f7376;

/**
 * Write transactions run one at a time, as on SQLite (where every transaction begins IMMEDIATE):
 * each takes a transaction-scoped advisory lock as its first statement and keeps it until commit or
 * rollback, at READ COMMITTED, so every statement after the lock sees everything committed before
 * it. The commands were written for that — read, decide, write — and stay correct without a
 * serialization failure ever reaching a person. (SERIALIZABLE with retries was tried first: under
 * a storm of submissions its predicate locks failed transactions faster than retries could
 * succeed.) Reads outside a transaction — nearly every page — take no lock and run in parallel in
 * every process; a use case that asks for an isolation level of its own gets it without the lock.
 */
class SerializedWritesDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    if (settings.isolationLevel === undefined) await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK})`));
  }
}

class SerializedWritesDialect extends PostgresDialect {
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    super({ pool });
    this.#pool = pool;
  }
  override createDriver(): PostgresDriver {
    return new SerializedWritesDriver({ pool: this.#pool });
  }
}

/** Runs `attempt` again (with a short random pause) while it fails with a serialization failure or deadlock. */
export async function retryingSerializable<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || n >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** n));
    }
  }
}

/** A Kysely whose transactions run again after a deadlock or a serialization failure (met only by a use case that chose its own isolation level); the callback must only write to the database. */
class RetryingKysely<DB> extends Kysely<DB> {
  override transaction(): ReturnType<Kysely<DB>['transaction']> {
    const wrap = (builder: ReturnType<Kysely<DB>['transaction']>): ReturnType<Kysely<DB>['transaction']> =>
      ({
        setIsolationLevel: (level: Parameters<typeof builder.setIsolationLevel>[0]) => wrap(builder.setIsolationLevel(level)),
        setAccessMode: (mode: Parameters<typeof builder.setAccessMode>[0]) => wrap(builder.setAccessMode(mode)),
        execute: <T>(callback: Parameters<typeof builder.execute<T>>[0]) => retryingSerializable(() => builder.execute(callback)),
      }) as unknown as ReturnType<Kysely<DB>['transaction']>;
    return wrap(super.transaction());
  }
}

/** A pool of `size` connections to the PostgreSQL database at `url`, as a Kysely handle. */
export function openPostgres<DB>(url: string, size: number): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: size, options: '-c TimeZone=UTC -c client_encoding=UTF8' });
  // An idle connection the server dropped (a restart, a failover) is replaced on the next query;
  // without a listener its error would end the process.
  pool.on('error', () => {});
  return new RetryingKysely<DB>({ dialect: new SerializedWritesDialect(pool) });
}
