import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { copyToPostgres, type CopyOutcome } from '../../src/lib/server/platform/ops/copy-to.ts';
import { sourceTables } from '../../src/lib/server/platform/ops/sqlite-source.ts';
import { checksumOf } from '../../src/lib/server/platform/ops/tables.ts';
import { listConsultations } from '../../src/lib/server/consultations/consultations.ts';
import { listOrganisations } from '../../src/lib/server/organisations/organisations.ts';
import { clusterForTests, databaseUrl, onCluster } from '../support/postgres.ts';
import { indexMatch } from '../../src/lib/server/search/match.ts';

/*
 * The way from SQLite to PostgreSQL (`npm run admin -- copy-to`). The source is always a SQLite
 * file and the target a PostgreSQL database, so both rounds of the suite run the same test: on the
 * round's cluster (TEST_POSTGRES_URL) or, in the SQLite round, on a throwaway cluster of its own.
 */

let cluster: string;
let stopCluster: () => void = () => {};
let dir: string;
let counter = 0;

beforeAll(async () => {
  ({ url: cluster, stop: stopCluster } = await clusterForTests());
  dir = mkdtempSync(join(tmpdir(), 'posvet-copy-to-'));
}, 120_000);

afterAll(() => {
  stopCluster();
  rmSync(dir, { recursive: true, force: true });
});

async function emptyTarget(): Promise<string> {
  const name = `copy_to_${process.pid}_${counter++}`;
  await onCluster(cluster, `create database ${name} template template0`);
  return databaseUrl(cluster, name);
}

/** The demo data and its report, a comment with two attachments, and an invitation made and deleted (its id must never come back). */
async function sqliteSource(): Promise<{ path: string; db: Db; deletedInvitation: number }> {
  const path = join(dir, `source-${counter++}.sqlite`);
  const db = openDatabase(path);
  await prepareDatabase(db, { demo: true, demoReport: true });
  const comment = await db.selectFrom('comments').select(['id', 'author_user_id']).where('state', '=', 'submitted').orderBy('id').executeTakeFirstOrThrow();
  for (const name of ['priloga.pdf', 'pojasnila – čšž.pdf']) {
    await db
      .insertInto('attachments')
      .values({ comment_id: comment.id, name, size: 1234, sha256: 'a'.repeat(63) + String(counter), storage_key: `key-${name}-${counter}`, uploaded_by: comment.author_user_id, created_at: '2026-11-30T08:00:00.000Z' } as never)
      .execute();
  }
  const organisation = await db.selectFrom('organisations').select('id').where('code', '=', 'MDP').executeTakeFirstOrThrow();
  const invitation = await db
    .insertInto('invitations')
    .values({ token_hash: `deleted-${counter}`, email: 'izbrisano@gov.si', organisation_id: organisation.id, role: 'member', invited_by: null, expires_at: '2026-12-31T00:00:00.000Z' } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('invitations').where('id', '=', invitation.id).execute();
  return { path, db, deletedInvitation: invitation.id };
}

function copied(outcome: CopyOutcome) {
  if (outcome.refused !== undefined) throw new Error(outcome.refused);
  return outcome;
}

describe('copy-to: a SQLite database into an empty PostgreSQL database', () => {
  it('copies every table with equal row counts and checksums, and the copy serves the portal', async () => {
    const source = await sqliteSource();
    const target = await emptyTarget();
    const outcome = copied(await copyToPostgres({ source: source.path, target, pageSize: 7 }));
    expect(outcome.tables.filter((t) => !t.ok)).toEqual([]);
    expect(outcome.ok).toBe(true);
    const byName = new Map(outcome.tables.map((t) => [t.name, t]));
    for (const name of ['comments', 'attachments', 'stances', 'audit_log', 'organisations', 'report_rows', 'draft_text_fts']) {
      expect(byName.get(name)?.sourceRows, name).toBeGreaterThan(0);
    }
    expect(byName.get('attachments')?.targetRows).toBe(2);
    expect([...byName.keys()].some((name) => /^comments_fts/.test(name))).toBe(false);
    expect(outcome.tables.filter((t) => t.sourceRows !== t.targetRows || t.sourceChecksum !== t.targetChecksum)).toEqual([]);

    const db = openDatabase(target);
    try {
      // The portal's reads work on the copy.
      expect((await listConsultations(db, { archived: true })).map((c) => c.slug).sort()).toEqual((await listConsultations(source.db, { archived: true })).map((c) => c.slug).sort());
      expect((await listOrganisations(db)).length).toBe((await listOrganisations(source.db)).length);
      // Each comment's public change time is the source's, not the time of the copy.
      const stamps = async (d: Db) => (await d.selectFrom('comments').select(['id', 'public_changed_at']).orderBy('id').execute()).map((r) => `${r.id} ${r.public_changed_at}`);
      expect(await stamps(db)).toEqual(await stamps(source.db));
      // New rows are numbered after every id SQLite handed out, a deleted one's included.
      const organisation = await db.selectFrom('organisations').select('id').where('code', '=', 'MDP').executeTakeFirstOrThrow();
      const invitation = await db
        .insertInto('invitations')
        .values({ token_hash: 'after-copy', email: 'nova@gov.si', organisation_id: organisation.id, role: 'member', invited_by: null, expires_at: '2026-12-31T00:00:00.000Z' } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(invitation.id).toBeGreaterThan(source.deletedInvitation);
      // The triggers are back on: the audit log refuses a change, an edit of a public comment restamps it.
      await expect(db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
      const comment = await db.selectFrom('comments').select(['id', 'public_changed_at']).where('state', '=', 'submitted').orderBy('id').executeTakeFirstOrThrow();
      await db.updateTable('comments').set({ body: 'Popravljeno po prenosu.' }).where('id', '=', comment.id).execute();
      const after = await db.selectFrom('comments').select('public_changed_at').where('id', '=', comment.id).executeTakeFirstOrThrow();
      expect(after.public_changed_at).not.toBe(comment.public_changed_at);
      // The search finds the copied comments as the source did, and the edited one by its new text.
      const found = async (d: Db, term: string) => {
        const m = indexMatch(d, 'comments', [term], 'all');
        return (await sql<{ id: number }>`select ${m.id} as id from ${m.from} where ${m.where} order by 1`.execute(d)).rows.map((r) => r.id);
      };
      expect((await found(db, 'digitaln')).length).toBeGreaterThan(0);
      expect(await found(db, 'digitaln')).toEqual(await found(source.db, 'digitaln'));
      expect(await found(db, 'popravljeno po prenos')).toEqual([comment.id]);
    } finally {
      await db.destroy();
    }

    // A second copy into the now filled database is refused, and changes nothing.
    const again = await copyToPostgres({ source: source.path, target });
    expect(again.refused).toMatch(/not empty/);
    await source.db.destroy();
  });

  it('a table that differs by one value or one row has a different checksum', async () => {
    const source = await sqliteSource();
    const target = await emptyTarget();
    expect(copied(await copyToPostgres({ source: source.path, target })).ok).toBe(true);
    const db = openDatabase(target);
    try {
      const tables = new Map((await sourceTables(source.db)).map((t) => [t.name, t]));
      const stances = tables.get('stances')!;
      const before = await checksumOf(db, stances);
      expect(before).toEqual(await checksumOf(source.db, stances));
      await db.updateTable('stances').set({ response: sql`response || '.'` }).where('comment_id', '=', sql<number>`(select min(comment_id) from stances)`).execute();
      const changed = await checksumOf(db, stances);
      expect(changed.rows).toBe(before.rows);
      expect(changed.checksum).not.toBe(before.checksum);
      await db.deleteFrom('comment_supports').where('comment_id', '=', sql<number>`(select min(comment_id) from comment_supports)`).execute();
      const supports = tables.get('comment_supports')!;
      expect((await checksumOf(db, supports)).checksum).not.toBe((await checksumOf(source.db, supports)).checksum);
    } finally {
      await db.destroy();
      await source.db.destroy();
    }
  });

  it('refuses a database that holds tables of something else', async () => {
    const source = await sqliteSource();
    const target = await emptyTarget();
    const other = openDatabase(target);
    await sql`create table payroll (id integer primary key, amount integer)`.execute(other);
    await other.destroy();
    const outcome = await copyToPostgres({ source: source.path, target });
    expect(outcome.refused).toMatch(/not Posvet's \(payroll\)/);
    await source.db.destroy();
  });
});
