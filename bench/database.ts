/**
 * `npm run bench -- --database postgres` (issue 17): the same data, 100,000 comments, served by one
 * process on SQLite and by 1, 2 and 4 app processes (WORKERS) on PostgreSQL, in one run. Measures
 * reading — a signed-in chapter page whose hot block carries 1,000 comments, and a page of the
 * public list of comments, both rendered afresh (signed in: no page cache) — and submission, real
 * form POSTs from the 212 municipalities' members. The database is seeded once per engine and every
 * configuration starts from a copy of it (a SQLite file copy, a PostgreSQL template), so no
 * configuration reads what another one wrote. PostgreSQL runs durable (fsync and synchronous commit
 * on), like SQLite's synchronous=FULL.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { commentForm, seedScale, startServer, type RunningServer, type Scale } from '../tests/support/server.ts';
import { databaseUrl, onCluster, startCluster } from '../tests/support/postgres.ts';
import { routes } from '../src/lib/routes.ts';
import { waitFor } from '../tests/support/wait.ts';

export interface DatabaseRow {
  measure: string;
  configuration: string;
  result: string;
}

/**
 * Readers at once. Enough to keep two cores busy (a page is rendered in one process while another
 * waits on its queries), few enough that a heavy page's latency is its own, not a queue's.
 */
const READERS = 8;

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (err, result) => (err ? reject(err) : resolve(result))));
}

async function readThroughput(url: string, cookies: string[], duration: number): Promise<autocannon.Result> {
  let n = 0;
  return load({
    url,
    connections: READERS,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[n++ % cookies.length] } }) }],
  });
}

/** Every one of a server's `workers` app processes has said it is serving (startServer waits for the first only). */
async function allServing(server: RunningServer, workers: number): Promise<void> {
  await waitFor(`${workers} workers serving`, () => server.output().split('posvet: serving on').length - 1 >= workers, { timeout: 60_000, interval: 100 });
}

async function measure(configuration: string, base: string, scale: Scale, duration: number): Promise<DatabaseRow[]> {
  const rows: DatabaseRow[] = [];
  const reading = async (label: string, path: string) => {
    // Warm-up, not counted: the first requests of each process compile its code paths and fill
    // PostgreSQL's and SQLite's caches; the measure is of a process that has served for a while.
    await readThroughput(`${base}${path}`, scale.memberCookies, Math.min(3, duration));
    const r = await readThroughput(`${base}${path}`, scale.memberCookies, duration);
    const errors = r.non2xx + r.errors;
    rows.push({ measure: label, configuration, result: `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${errors ? `, **${errors} errors**` : ''}` });
  };
  await reading(`reading: chapter page, block of 1,000 comments (signed in, ${READERS} readers)`, scale.hotChapterPath);
  await reading(`reading: public list of comments, page 50 (signed in, ${READERS} readers)`, routes.publicComments({ stran: '50' }));
  let n = 0;
  const submit = await load({
    url: base,
    connections: 64,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = n++;
          return {
            ...request,
            path: scale.blockPaths[i % scale.blockPaths.length],
            headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: scale.memberCookies[i % scale.memberCookies.length] },
            body: commentForm(`Pripomba iz primerjave podatkovnih baz št. ${i}.`),
          };
        },
      },
    ],
  });
  // Accepted: the redirect to the comment. Anything else answered, and every socket error or timeout, failed.
  const accepted = submit['3xx'];
  rows.push({
    measure: 'submission: comment form POST, 64 connections',
    configuration,
    result: `${Math.round(accepted / submit.duration)} comments/s, p99 ${submit.latency.p99} ms, ${submit.requests.total - accepted + submit.errors} errors`,
  });
  return rows;
}

/** SQLite (1 process) beside PostgreSQL with 1, 2 and 4 processes, on the same 100,000 comments. */
export async function measureDatabases(port: number, options: { comments: number; duration: number; workers: number[] }): Promise<DatabaseRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-bench-db-'));
  const cluster = await startCluster({ durable: true });
  const rows: DatabaseRow[] = [];
  try {
    console.log(`\n== databases: seeding ${options.comments.toLocaleString('en')} comments in SQLite and in PostgreSQL…`);
    const seedFile = join(dir, 'seed.sqlite');
    const sqliteScale = await seedScale(seedFile, { comments: options.comments, hotBlockComments: 1000, grouped: true });
    await onCluster(cluster.url, 'create database bench_seed');
    const pgScale = await seedScale(databaseUrl(cluster.url, 'bench_seed'), { comments: options.comments, hotBlockComments: 1000, grouped: true });

    mkdirSync(join(dir, 'sqlite'));
    const file = join(dir, 'sqlite', 'posvet.sqlite');
    copyFileSync(seedFile, file);
    const sqlite = await startServer(file, port);
    try {
      rows.push(...(await measure('SQLite, 1 process', sqlite.url, sqliteScale, options.duration)));
    } finally {
      await sqlite.stop();
    }

    for (const workers of options.workers) {
      const name = `bench_${workers}`;
      await onCluster(cluster.url, `create database ${name} template bench_seed`);
      // The copy's files reach the disk now, not in a checkpoint during the measures.
      await onCluster(cluster.url, 'checkpoint');
      const server = await startServer(join(dir, `pg-${workers}`, 'unused.sqlite'), port, { DATABASE_URL: databaseUrl(cluster.url, name), WORKERS: String(workers) });
      try {
        await allServing(server, workers);
        rows.push(...(await measure(`PostgreSQL, ${workers} process${workers === 1 ? '' : 'es'}`, server.url, pgScale, options.duration)));
      } finally {
        await server.stop();
      }
    }
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
