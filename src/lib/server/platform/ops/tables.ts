import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Reading a whole table in pages, and a checksum of its rows that comes out the same on SQLite and
 * PostgreSQL when they hold the same data (for `npm run admin -- copy-to`).
 */

export interface TableShape {
  name: string;
  /** Every column, in the source's order. */
  columns: string[];
  /** The columns a page continues after: the primary key, else a unique (or, for the draft text, natural) key. */
  key: string[];
}

/**
 * A table's rows, `size` at a time, ordered by its key: each page continues after the last row of
 * the previous one (`(a, b) > (x, y)`, a row-value comparison both databases know), so a table of
 * any size is read with a bounded amount in memory and without OFFSET's growing cost.
 */
export async function* pagesOf(db: Kysely<any>, table: TableShape, size: number): AsyncGenerator<Record<string, unknown>[]> {
  const keys = sql.join(table.key.map((k) => sql.ref(k)));
  let last: unknown[] | undefined;
  for (;;) {
    let query = db.selectFrom(table.name).select(table.columns.map((c) => sql.ref(c).as(c)));
    if (last) query = query.where(sql<boolean>`(${keys}) > (${sql.join(last)})`);
    const rows = (await query.orderBy(table.key.map((k) => sql.ref(k)) as never).limit(size).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const end = rows[rows.length - 1];
    last = table.key.map((k) => end[k]);
  }
}

/**
 * One value as text that says its kind, so 1, 1.5, '1' and a byte string never read alike. What
 * each driver answers: integers and doubles as numbers (PostgreSQL's bigint parsed to a number by
 * platform/postgres.ts), text as strings, BLOB/bytea as a Buffer, NULL as null.
 */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'number' || typeof value === 'bigint') return `d${String(value)}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (value instanceof Uint8Array) return `b${Buffer.from(value).toString('hex')}`;
  throw new Error(`A value of a kind the copy does not know: ${Object.prototype.toString.call(value)}`);
}

/** A row as one line: its columns' canonical values in the table's column order. */
export function canonicalRow(row: Record<string, unknown>, columns: readonly string[]): string {
  return columns.map((c) => canonicalValue(row[c])).join('\u001f');
}

const MODULUS = 1n << 256n;

/**
 * A checksum of a table's rows whatever order they come in: the sum, modulo 2^256, of each row's
 * SHA-256. The two databases may sort text keys differently (SQLite by bytes, PostgreSQL by the
 * database's collation), and an order-free sum lets each read in its own order; a row missing,
 * added, changed or doubled changes the sum.
 */
export class TableChecksum {
  rows = 0;
  #sum = 0n;
  add(line: string): void {
    this.rows++;
    this.#sum = (this.#sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % MODULUS;
  }
  get hex(): string {
    return this.#sum.toString(16).padStart(64, '0');
  }
}

/**
 * The row count and checksum of one table in one database. The rows read in pages must be as many
 * as `count(*)` says: a key that names two rows alike would skip one at a page's edge.
 */
export async function checksumOf(db: Kysely<any>, table: TableShape, size = 2000): Promise<{ rows: number; checksum: string }> {
  const sum = new TableChecksum();
  for await (const page of pagesOf(db, table, size)) for (const row of page) sum.add(canonicalRow(row, table.columns));
  const counted = await db.selectFrom(table.name).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (Number(counted.n) !== sum.rows) throw new Error(`${table.name}: ${sum.rows} rows read in pages, ${String(counted.n)} counted — its key (${table.key.join(', ')}) is not unique.`);
  return { rows: sum.rows, checksum: sum.hex };
}
