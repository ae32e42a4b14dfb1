import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { isPostgresUrl } from '../config.ts';
import { migrate, openDatabase, openSqlite } from '../db.ts';
import { autoincrementSeen, sourceTables } from './sqlite-source.ts';
import { checksumOf, pagesOf, type TableShape } from './tables.ts';

/**
 * `npm run admin -- copy-to <DATABASE_URL>`: the way from a SQLite file to PostgreSQL. Copies a
 * consistent snapshot of the SQLite database into an empty PostgreSQL database (migrated first), in
 * one transaction, table by table in foreign-key order and page by page; then compares every
 * table's row count and checksum on both sides.
 */

export interface TableCheck {
  name: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

export type CopyOutcome = { refused: string } | { refused?: undefined; tables: TableCheck[]; ok: boolean };

export interface CopyOptions {
  /** The SQLite file (DATABASE_PATH). */
  source: string;
  /** The PostgreSQL database (postgres://…), empty or freshly migrated. */
  target: string;
  /** Rows read from the source per page. */
  pageSize?: number;
  log?: (line: string) => void;
}

/**
 * PostgreSQL only (the target): the table's own triggers are off while its rows are copied — the
 * open data's `public_changed_at` triggers would stamp every copied comment with the time of the
 * copy. Constraint triggers (foreign keys) stay on. Undone when the transaction rolls back.
 */
async function withoutUserTriggers(db: Kysely<any>, table: string, copy: () => Promise<void>): Promise<void> {
  await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  await copy();
  await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
}

/** PostgreSQL only (the target): each identity column's next value past its highest id and past every id SQLite handed out. */
async function advanceIdentities(db: Kysely<any>, seen: Map<string, number>): Promise<void> {
  const identities = await db
    .selectFrom('information_schema.columns')
    .select(['table_name', 'column_name'])
    .where('is_identity', '=', 'YES')
    .where('table_schema', '=', sql<string>`current_schema()`)
    .execute();
  for (const { table_name: table, column_name: column } of identities as { table_name: string; column_name: string }[]) {
    const max = await db.selectFrom(table).select(sql<number | null>`max(${sql.ref(column)})`.as('max')).executeTakeFirst();
    const next = Math.max(Number(max?.max ?? 0), seen.get(table) ?? 0);
    if (next >= 1) await sql`select setval(pg_get_serial_sequence(${table}, ${column}), ${next})`.execute(db);
  }
}

/** Why the target may not be copied into, or undefined: it must hold no table, or only Posvet's, all empty. */
async function refusalOf(target: Kysely<any>, tables: TableShape[] | undefined): Promise<string | undefined> {
  if (!tables) {
    const present = (await target.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name);
    if (present.length && !present.includes('kysely_migration')) {
      return `The target database holds tables that are not Posvet's (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}); copy-to needs an empty database.`;
    }
    return undefined;
  }
  const filled: string[] = [];
  for (const table of tables) if (await target.selectFrom(table.name).select(sql`1`.as('one')).limit(1).executeTakeFirst()) filled.push(table.name);
  return filled.length ? `The target database is not empty (rows in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}); copy-to copies only into an empty database.` : undefined;
}

/** The target has every copied table with the same columns (both migrated by the same code). */
async function schemaProblem(target: Kysely<any>, tables: TableShape[]): Promise<string | undefined> {
  const present = new Map((await target.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  for (const table of tables) {
    const columns = present.get(table.name);
    if (!columns) return `The target has no table ${table.name}.`;
    const missing = table.columns.filter((c) => !columns.has(c));
    if (missing.length) return `The target's ${table.name} lacks the columns ${missing.join(', ')}.`;
  }
  return undefined;
}

async function copyTable(source: Kysely<any>, target: Kysely<any>, table: TableShape, pageSize: number): Promise<number> {
  // PostgreSQL takes at most 65,535 parameters in one statement.
  const perInsert = Math.max(1, Math.min(pageSize, Math.floor(30_000 / table.columns.length)));
  let copied = 0;
  for await (const page of pagesOf(source, table, pageSize)) {
    for (let i = 0; i < page.length; i += perInsert) await target.insertInto(table.name).values(page.slice(i, i + perInsert)).execute();
    copied += page.length;
  }
  return copied;
}

export async function copyToPostgres(options: CopyOptions): Promise<CopyOutcome> {
  const log = options.log ?? (() => {});
  const pageSize = options.pageSize ?? 2000;
  if (!isPostgresUrl(options.target)) return { refused: 'copy-to needs a postgres:// address of the target database.' };
  // A consistent snapshot, even while the server runs (what it writes after this is not copied: stop it first).
  const dir = mkdtempSync(join(tmpdir(), 'posvet-copy-to-'));
  const snapshot = join(dir, 'snapshot.sqlite');
  const live = openSqlite(options.source);
  try {
    await live.backup(snapshot);
  } finally {
    live.close();
  }
  const source = openDatabase(snapshot);
  const target = openDatabase(options.target);
  try {
    const early = await refusalOf(target, undefined);
    if (early) return { refused: early };
    await migrate(source);
    await migrate(target);
    const tables = await sourceTables(source);
    const problem = (await schemaProblem(target, tables)) ?? (await refusalOf(target, tables));
    if (problem) return { refused: problem };
    const seen = await autoincrementSeen(source);
    await target.transaction().setIsolationLevel('read committed').execute(async (trx) => {
      for (const table of tables) {
        const started = performance.now();
        let copied = 0;
        await withoutUserTriggers(trx, table.name, async () => {
          copied = await copyTable(source, trx, table, pageSize);
        });
        log(`copied ${table.name}: ${copied} rows in ${Math.round(performance.now() - started)} ms`);
      }
      await advanceIdentities(trx, seen);
    });
    const checks: TableCheck[] = [];
    for (const table of tables) {
      const [a, b] = [await checksumOf(source, table), await checksumOf(target, table)];
      checks.push({ name: table.name, sourceRows: a.rows, targetRows: b.rows, sourceChecksum: a.checksum, targetChecksum: b.checksum, ok: a.rows === b.rows && a.checksum === b.checksum });
    }
    return { tables: checks, ok: checks.every((c) => c.ok) };
  } finally {
    await source.destroy();
    await target.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The verification as the operator reads it: one line per table. */
export function checkTable(tables: TableCheck[]): string {
  const width = Math.max(...tables.map((t) => t.name.length), 5);
  const head = `${'table'.padEnd(width)}  ${'sqlite rows'.padStart(11)}  ${'postgres rows'.padStart(13)}  checksum (sum of row SHA-256)     result`;
  const lines = tables.map((t) => {
    const sum = t.ok ? t.sourceChecksum.slice(0, 32) : `${t.sourceChecksum.slice(0, 15)}≠${t.targetChecksum.slice(0, 15)}`;
    return `${t.name.padEnd(width)}  ${String(t.sourceRows).padStart(11)}  ${String(t.targetRows).padStart(13)}  ${sum}  ${t.ok ? 'ok' : 'MISMATCH'}`;
  });
  return [head, ...lines].join('\n');
}
