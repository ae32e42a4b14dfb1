import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { backupPostgres, backupSqlite, splitPassword } from '../../src/lib/server/platform/ops/backup.ts';
import { clusterForTests, databaseUrl, onCluster } from '../support/postgres.ts';

/*
 * `npm run admin -- backup` on each database: the SQLite file's online copy and PostgreSQL's
 * pg_dump, each checked and readable. Both rounds run both (a cluster of its own in the SQLite round).
 */

let cluster: string;
let stopCluster: () => void = () => {};
let dir: string;

beforeAll(async () => {
  ({ url: cluster, stop: stopCluster } = await clusterForTests());
  dir = mkdtempSync(join(tmpdir(), 'posvet-backup-unit-'));
}, 120_000);

afterAll(() => {
  stopCluster();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup', () => {
  it('keeps the password out of the command line', () => {
    expect(splitPassword('postgres://posvet:ge%40slo%2F1@db.gov.si:5432/posvet?sslmode=require')).toEqual({
      address: 'postgres://posvet@db.gov.si:5432/posvet?sslmode=require',
      password: 'ge@slo/1',
    });
    expect(splitPassword('postgres://posvet@127.0.0.1/posvet').password).toBeUndefined();
  });

  it('of a PostgreSQL database is a pg_dump archive that restores to the same data', async () => {
    const name = `backup_${process.pid}`;
    await onCluster(cluster, `create database ${name} template template0`);
    const url = databaseUrl(cluster, name);
    const db = openDatabase(url);
    await prepareDatabase(db, { demo: true });
    const comments = (await db.selectFrom('comments').select('id').execute()).length;
    await db.destroy();

    const target = join(dir, 'nested', 'posvet.dump');
    const outcome = backupPostgres(url, target);
    expect(outcome).toEqual({ ok: true, summary: expect.stringMatching(/^pg_restore --list: ok, \d+ tables$/) });
    await onCluster(cluster, `create database ${name}_restored template template0`);
    const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${databaseUrl(cluster, `${name}_restored`)}`, target], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = openDatabase(databaseUrl(cluster, `${name}_restored`));
    expect((await restored.selectFrom('comments').select('id').execute()).length).toBe(comments);
    await restored.destroy();
    for (const n of [name, `${name}_restored`]) await onCluster(cluster, `drop database ${n} with (force)`);
  });

  it('of a PostgreSQL database that cannot be reached fails with pg_dump’s reason', () => {
    const outcome = backupPostgres(databaseUrl(cluster, 'ni_take_baze'), join(dir, 'missing.dump'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toMatch(/pg_dump failed:[\s\S]*ni_take_baze/);
  });

  it('of a SQLite file is an integrity-checked copy', async () => {
    const source = join(dir, 'source.sqlite');
    const db = openDatabase(source);
    await prepareDatabase(db, { demo: true });
    await db.destroy();
    expect(await backupSqlite(source, join(dir, 'copy', 'posvet.sqlite'))).toEqual({ ok: true, summary: 'integrity check: ok' });
  });
});
