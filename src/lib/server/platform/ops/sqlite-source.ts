import { sql, type Kysely } from 'kysely';
import type { TableShape } from './tables.ts';

/**
 * What `copy-to` copies from a SQLite database: its tables in foreign-key order, each with its
 * columns and the key it is read by. Read from SQLite's own catalogue (the source is always SQLite,
 * so these queries are not a dialect difference).
 */

/**
 * Not copied: SQLite's own tables, the migrator's (the target records its own migrations), and the
 * FTS5 indexes with their shadow tables — PostgreSQL searches through expression indexes on the
 * tables themselves. `draft_text_fts` is the exception: on PostgreSQL it is a plain table of the
 * same rows, and it is copied. Nor the processes' coordination (`cache_generation`, `job_leases`,
 * migration 0022): the target's migrations make its own.
 */
export function isCopied(name: string): boolean {
  if (name.startsWith('sqlite_') || name.startsWith('kysely_migration')) return false;
  if (name === 'cache_generation' || name === 'job_leases') return false;
  if (name === 'draft_text_fts') return true;
  return !/_fts(_(data|idx|content|docsize|config))?$/.test(name);
}

/** Tables with neither a primary key nor a unique index: the columns that name a row (a block's position is within its chapter). */
const NATURAL_KEYS: Record<string, string[]> = {
  draft_text_fts: ['consultation_id', 'version_id', 'chapter_slug', 'block_position'],
};

async function keyOf(db: Kysely<any>, table: string, info: { name: string; pk: number }[]): Promise<string[]> {
  const primary = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  if (primary.length) return primary;
  const indexes = await sql<{ name: string; unique: number; partial: number }>`select name, "unique", partial from pragma_index_list(${table})`.execute(db);
  const unique = indexes.rows.filter((i) => i.unique === 1 && i.partial === 0).map((i) => i.name).sort()[0];
  if (unique) {
    const columns = await sql<{ name: string }>`select name from pragma_index_info(${unique}) order by seqno`.execute(db);
    return columns.rows.map((c) => c.name);
  }
  const natural = NATURAL_KEYS[table];
  if (natural) return natural;
  throw new Error(`The table ${table} has no key to read it in pages by.`);
}

/** The copied tables of a SQLite database, each after every table it refers to. */
export async function sourceTables(db: Kysely<any>): Promise<TableShape[]> {
  const names = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)).rows.map((r) => r.name).filter(isCopied);
  const shapes = new Map<string, TableShape>();
  const parents = new Map<string, Set<string>>();
  for (const name of names) {
    const info = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db)).rows;
    shapes.set(name, { name, columns: info.map((c) => c.name), key: await keyOf(db, name, info) });
    const references = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    parents.set(name, new Set(references.rows.map((r) => r.table).filter((t) => t !== name)));
  }
  // Kahn's order: a table once every table it refers to is placed (names alphabetical among equals).
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !shapes.has(p)));
    if (ready.length === 0) throw new Error(`The tables' foreign keys form a cycle: ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const name of ready) {
      placed.add(name);
      ordered.push(shapes.get(name)!);
    }
  }
  return ordered;
}

/** The last id each AUTOINCREMENT table handed out (deleted rows' ids included), so PostgreSQL never reuses one. */
export async function autoincrementSeen(db: Kysely<any>): Promise<Map<string, number>> {
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_sequence'`.execute(db);
  if (!exists.rows[0]?.n) return new Map();
  const rows = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, Number(r.seq)]));
}
