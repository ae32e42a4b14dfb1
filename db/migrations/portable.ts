import { sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from '../../src/lib/server/platform/dialect.ts';

/**
 * What the migrations write differently on SQLite and PostgreSQL, in one place. Timestamps are text
 * in ISO 8601 with milliseconds and "Z" on both (what the code writes and compares), booleans are
 * integers 0/1 on both, ids are integers.
 */

/** The default for a timestamp column: now, as 2026-12-01T07:19:06.123Z. */
export function nowDefault(db: Kysely<any>): RawBuilder<string> {
  return isPostgres(db)
    ? sql`(to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
}

/** The same value inside a trigger's body (no parentheses needed). */
export function nowExpression(db: Kysely<any>): string {
  return isPostgres(db) ? `to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
}

/** An integer primary key the database numbers: AUTOINCREMENT on SQLite (never reused), an identity on PostgreSQL. */
export function serialId(db: Kysely<any>) {
  return (column: ColumnDefinitionBuilder) => (isPostgres(db) ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement());
}

export interface RowTrigger {
  name: string;
  table: string;
  timing: 'before' | 'after';
  event: 'insert' | 'update' | 'delete';
  /** For `update`: fire only when one of these columns is set. */
  columns?: readonly string[];
  /** A condition on `new`/`old`. */
  when?: string;
  /** SQL statements, each ending in ";", referring to `new` and `old`. */
  body: string;
}

/**
 * A row trigger: SQLite's `create trigger … begin … end`; on PostgreSQL a PL/pgSQL function of the
 * same name and a trigger that executes it (the body's statements are valid in both).
 */
export async function createRowTrigger(db: Kysely<any>, t: RowTrigger): Promise<void> {
  const event = t.event === 'update' && t.columns?.length ? `update of ${t.columns.join(', ')}` : t.event;
  if (isPostgres(db)) {
    const result = t.timing === 'before' ? (t.event === 'delete' ? 'old' : 'new') : 'null';
    await sql.raw(`create function ${t.name}() returns trigger language plpgsql as $$ begin ${t.body} return ${result}; end $$`).execute(db);
    await sql.raw(`create trigger ${t.name} ${t.timing} ${event} on ${t.table} for each row ${t.when ? `when (${t.when})` : ''} execute function ${t.name}()`).execute(db);
  } else {
    await sql.raw(`create trigger ${t.name} ${t.timing} ${event} on ${t.table} ${t.when ? `when ${t.when}` : ''} begin ${t.body} end`).execute(db);
  }
}

export async function dropRowTrigger(db: Kysely<any>, name: string, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
    await sql.raw(`drop function ${name}()`).execute(db);
  } else {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
}

/** The statement that refuses the change a trigger fires on, with `message`. */
export function refuse(db: Kysely<any>, message: string): string {
  return isPostgres(db) ? `raise exception '${message}';` : `select raise(abort, '${message}');`;
}

/** `greatest(…)` on PostgreSQL is SQLite's multi-argument `max(…)`. */
export function greatest(db: Kysely<any>, ...values: string[]): string {
  return `${isPostgres(db) ? 'greatest' : 'max'}(${values.join(', ')})`;
}

/** A floating-point column: SQLite's REAL is a double; PostgreSQL's `real` is single precision. */
export function realType(db: Kysely<any>): 'real' | 'double precision' {
  return isPostgres(db) ? 'double precision' : 'real';
}

/** Bytes: BLOB on SQLite, bytea on PostgreSQL (both read back as a Buffer). */
export function blobType(db: Kysely<any>): 'blob' | 'bytea' {
  return isPostgres(db) ? 'bytea' : 'blob';
}
