import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { indexMatch } from '../../src/lib/server/search/match.ts';
import { postgresCluster } from './helpers.ts';

/**
 * Does each search index hold exactly what its table does? SQLite: FTS5's integrity-check of each
 * external-content index against its table (it fails on any difference). PostgreSQL (an expression
 * index has no check of its own before amcheck's GIN check in PostgreSQL 18): the rows each term
 * finds through the trigram index equal those a scan of the whole table finds.
 */
export async function indexesAgreeWithTables(db: Db, terms: string[]): Promise<boolean> {
  if (!postgresCluster) {
    for (const index of ['comments_fts', 'stances_fts', 'organisations_fts']) await sql.raw(`insert into ${index} (${index}, rank) values ('integrity-check', 1)`).execute(db);
    return true;
  }
  for (const index of ['comments', 'stances', 'organisations'] as const) {
    for (const term of terms) {
      const m = indexMatch(db, index, [term], 'all');
      const ids = (settings: string) =>
        db.transaction().execute(async (trx) => {
          await sql.raw(settings).execute(trx);
          const plan = (await sql<{ 'QUERY PLAN': string }>`explain select ${m.id} as id from ${m.from} where ${m.where}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
          const rows = (await sql<{ id: number }>`select ${m.id} as id from ${m.from} where ${m.where} order by 1`.execute(trx)).rows.map((r) => r.id);
          return { plan, rows };
        });
      const viaIndex = await ids('set local enable_seqscan = off');
      const viaTable = await ids('set local enable_bitmapscan = off; set local enable_indexscan = off');
      if (!viaIndex.plan.includes(`${index}_search`) || viaTable.plan.includes(`${index}_search`)) throw new Error(`${index}: the plans did not read as asked\n${viaIndex.plan}\n${viaTable.plan}`);
      if (JSON.stringify(viaIndex.rows) !== JSON.stringify(viaTable.rows)) return false;
    }
  }
  return true;
}
