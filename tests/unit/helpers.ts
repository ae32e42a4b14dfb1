import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/platform/db.ts';
import type { CommentActor } from '../../src/lib/server/comments/input.ts';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The PostgreSQL round of the suite (TEST_POSTGRES_URL: the throwaway cluster tests/run.ts started). */
export const postgresCluster = process.env.TEST_POSTGRES_URL;
let counter = 0;

/** Runs SQL on the cluster's maintenance database, synchronously (psql), so `tempDatabase` stays synchronous. */
function onCluster(statement: string): void {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', postgresCluster!, '-c', statement], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql ${statement}: ${result.stderr || result.error}`);
}

/**
 * A fresh database, removed after the test: the real engine, never a mock. A SQLite file in a
 * temporary folder; in the PostgreSQL round, a database on the test cluster — copied from the
 * migrated template (`migrated: true`, the default there; migrating again does nothing) or empty
 * (`migrated: false`, for the tests of migrations themselves). `path` is what `openDatabase` takes.
 */
export function tempDatabase(options: { migrated?: boolean; template?: string } = {}): { db: Db; path: string } {
  if (postgresCluster) {
    const name = `t_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
    const template = options.template ?? (options.migrated === false ? 'template0' : 'posvet_template');
    onCluster(`create database ${name} template ${template}`);
    const url = new URL(postgresCluster);
    url.pathname = `/${name}`;
    const db = openDatabase(url.toString());
    cleanups.push(async () => {
      await db.destroy();
      onCluster(`drop database if exists ${name} with (force)`);
    });
    return { db, path: url.toString() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'posvet-test-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  cleanups.push(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, path };
}

/** A temporary database with the schema, the organisation directory and the demo accounts. */
/** The demo data; with `report`, also the demo's published report (version 1 of DS 2030). */
export async function seededDatabase(options: { report?: boolean } = {}): Promise<{ db: Db; path: string }> {
  const { prepareDatabase } = await import('../../src/lib/server/platform/setup.ts');
  // On PostgreSQL, a copy of the seeded template; preparing it again only checks it is whole.
  const handle = tempDatabase(postgresCluster && !options.report ? { template: 'posvet_seeded' } : {});
  await prepareDatabase(handle.db, { demo: true, demoReport: options.report ?? false });
  return handle;
}

export async function organisationId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** The comment actor (commands' `CommentActor`) of a user, by e-mail. */
export async function actorFor(db: Db, email: string): Promise<CommentActor> {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.role', 'u.organisation_id', 'o.kind'])
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();
  return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
}

export async function userId(db: Db, email: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

export async function consultationId(db: Db, slug: string): Promise<number> {
  return (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/**
 * A consultation row for a test (comments need one): owned by the directory's government
 * organisation, or by a new one in a bare migrated database. Returns its id.
 */
export async function createConsultation(
  db: Db,
  slug: string,
  options: { title?: string; status?: 'preparation' | 'open' | 'closed' | 'report_published'; caseNumber?: string } = {},
): Promise<number> {
  let owner = await db.selectFrom('organisations').select('id').where('kind', '=', 'government').orderBy('id').executeTakeFirst();
  if (!owner) {
    owner = await db
      .insertInto('organisations')
      .values({ code: `GOV-${slug}`, name: `Ministrstvo ${slug}`, short_name: `M ${slug}`, slug: `ministrstvo-${slug}`, kind: 'government' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const row = await db
    .insertInto('consultations')
    .values({
      slug,
      title: options.title ?? `Posvetovanje ${slug}`,
      short_title: slug.toUpperCase(),
      owner_organisation_id: owner.id,
      case_number: options.caseNumber ?? `3510-9/${slug}`,
      description: `Opis posvetovanja ${slug}.`,
      status: options.status ?? 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
