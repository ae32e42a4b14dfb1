import pg from 'pg';
import { Kysely, PostgresDialect, PostgresDriver, type DatabaseConnection, type TransactionSettings } from 'kysely';

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

/**
 * Transactions are SERIALIZABLE unless a use case asks for less: on SQLite every transaction begins
 * IMMEDIATE and so runs alone, and the commands were written for that — read, decide, write. On
 * PostgreSQL the same commands stay correct only if the database refuses a transaction whose reads
 * another one changed; it does so with a serialization failure, and the transaction runs again.
 */
class SerializablePostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, { ...settings, isolationLevel: settings.isolationLevel ?? 'serializable' });
  }
}

class SerializablePostgresDialect extends PostgresDialect {
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    super({ pool });
    this.#pool = pool;
  }
  override createDriver(): PostgresDriver {
    return new SerializablePostgresDriver({ pool: this.#pool });
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

/** A Kysely whose transactions run again after a serialization failure (the callback must only write to the database). */
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
  return new RetryingKysely<DB>({ dialect: new SerializablePostgresDialect(pool) });
}
