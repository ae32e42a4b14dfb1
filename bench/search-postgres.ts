/**
 * The search on both databases, on the same data (issue 17):
 *   node bench/search-postgres.ts --postgres <superuser URL of a cluster> [--comments 20000]
 * seeds a SQLite file and a PostgreSQL database alike (seedScale, bodies like the evaluation set's),
 * then times the moderators' queue text filter (listQueue) and the public search (searchPublic)
 * in this process, and prints the PostgreSQL plans (EXPLAIN ANALYZE) of the public search's queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { FIRST_CONSULTATION } from '../src/lib/enums.ts';
import { findConsultation } from '../src/lib/server/consultations/consultations.ts';
import { listQueue, parseQueueFilter } from '../src/lib/server/moderation/queue.ts';
import { openDatabase, type Db } from '../src/lib/server/platform/db.ts';
import type { Database } from '../src/lib/server/platform/schema.ts';
import { searchPublic } from '../src/lib/server/search/public.ts';
import { scaleBodies } from '../tests/fixtures/moderation-eval.scale.ts';
import { seedScale } from '../tests/support/server.ts';

const { values } = parseArgs({ options: { postgres: { type: 'string' }, comments: { type: 'string', default: '20000' } } });
if (!values.postgres) throw new Error('--postgres <URL of a PostgreSQL cluster> is needed');
const COMMENTS = Number(values.comments);
const REPEATS = 20;

const QUEUE: [string, Record<string, string>][] = [
  ['„optičnega“', { text: 'optičnega' }],
  ['„izsiljevalskim virusom“', { text: 'izsiljevalskim virusom' }],
  ['„občine“', { text: 'občine' }],
  ['„občine“ and one chapter', { text: 'občine', chapter: 'digitalne-javne-storitve' }],
];
const PUBLIC = ['občine', 'podatkovnih centrov', 'izsiljevalskim'];

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS + 3; i++) {
    const start = performance.now();
    await work();
    if (i >= 3) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function measure(db: Db): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  const consultation = (await findConsultation(db, FIRST_CONSULTATION))!;
  const moderator = await db.selectFrom('users').select('id').where('email', '=', 'moderator@bench.test').executeTakeFirstOrThrow();
  for (const [label, query] of QUEUE) {
    let found = '';
    const t = await median(async () => {
      const q = await listQueue(db, consultation.id, parseQueueFilter(new URLSearchParams(query)), moderator.id);
      found = q.capped ? `> ${q.total}` : String(q.total);
    });
    results.set(`queue text filter ${label}`, `${t.toFixed(1)} ms (${found} found)`);
  }
  for (const q of PUBLIC) {
    let found = '';
    const t = await median(async () => {
      const s = await searchPublic(db, consultation, q);
      found = s.state === 'searched' ? `${s.comments.capped ? '> ' : ''}${s.comments.total} comments, ${s.paragraphTotal} paragraphs` : s.state;
    });
    results.set(`public search „${q}“`, `${t.toFixed(1)} ms (${found})`);
  }
  return results;
}

const dir = mkdtempSync(join(tmpdir(), 'posvet-bench-search-'));
const sqlitePath = join(dir, 'bench.sqlite');
const cluster = new URL(values.postgres);
const pgUrl = new URL(cluster);
pgUrl.pathname = '/posvet_bench_search';
const admin = new pg.Client({ connectionString: cluster.toString() });
await admin.connect();
await admin.query('drop database if exists posvet_bench_search with (force)');
await admin.query('create database posvet_bench_search');
try {
  const body = scaleBodies();
  for (const location of [sqlitePath, pgUrl.toString()]) {
    const start = performance.now();
    await seedScale(location, { comments: COMMENTS, hotBlockComments: 1000, body });
    console.error(`seeded ${location.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const sqlite = openDatabase(sqlitePath);
  const postgres = openDatabase(pgUrl.toString());
  await sql`analyze`.execute(postgres);
  const onSqlite = await measure(sqlite);
  const onPostgres = await measure(postgres);
  console.log(`\n| ${COMMENTS.toLocaleString('en')} comments, median of ${REPEATS} | SQLite (FTS5 trigram) | PostgreSQL (pg_trgm GIN) |\n|---|---|---|`);
  for (const [measureName, result] of onSqlite) console.log(`| ${measureName} | ${result} | ${onPostgres.get(measureName)} |`);
  await sqlite.destroy();
  await postgres.destroy();

  // The plans: the public search's queries as they run, captured and explained.
  const captured: CompiledQuery[] = [];
  const logging = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrl.toString(), max: 2 }) }), log: (event) => void captured.push(event.query) });
  const consultation = (await findConsultation(logging, FIRST_CONSULTATION))!;
  captured.length = 0;
  await searchPublic(logging, consultation, 'izsiljevalskim');
  await listQueue(logging, consultation.id, parseQueueFilter(new URLSearchParams({ text: 'optičnega' })), 0);
  for (const query of captured.filter((q) => q.sql.includes('posvet_fold'))) {
    const explained = { ...query, sql: `explain (analyze, costs off) ${query.sql}` };
    const result = await logging.getExecutor().provideConnection((connection) => connection.executeQuery<{ 'QUERY PLAN': string }>(explained));
    console.log(`\n${query.sql.replace(/\s+/g, ' ').slice(0, 160)}…\n${result.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
  await logging.destroy();
} finally {
  await admin.query('drop database if exists posvet_bench_search with (force)');
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
