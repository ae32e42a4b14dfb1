/**
 * vitest's global setup for the PostgreSQL round (TEST_POSTGRES_URL set): the templates every test
 * database is copied from — `posvet_template` (migrated) and `posvet_seeded` (migrated, directory
 * and demo data, no report) — made once per run. Nothing to do on SQLite.
 */
import { databaseUrl, onCluster } from './postgres.ts';

export default async function setup(): Promise<void> {
  const cluster = process.env.TEST_POSTGRES_URL;
  if (!cluster) return;
  const { openDatabase, migrate } = await import('../../src/lib/server/platform/db.ts');
  const { prepareDatabase } = await import('../../src/lib/server/platform/setup.ts');
  for (const [name, prepare] of [
    ['posvet_template', (db: Parameters<typeof migrate>[0]) => migrate(db)],
    ['posvet_seeded', (db: Parameters<typeof migrate>[0]) => prepareDatabase(db, { demo: true, demoReport: false })],
  ] as const) {
    await onCluster(cluster, `drop database if exists ${name} with (force)`);
    await onCluster(cluster, `create database ${name} template template0`);
    const db = openDatabase(databaseUrl(cluster, name));
    try {
      await prepare(db);
    } finally {
      await db.destroy();
    }
  }
}
