/**
 * `npm run bench`: measures the production server on this machine and writes a dated Markdown table
 * to bench/results/ and into the README. Two scales: 10,000 and 100,000 comments (212 municipalities,
 * 3 associations); at 100,000 also the report's downloads, its HTML and the open data (exports.ts),
 * and with `--million` those again at 1,000,000 comments. `--quick` runs shorter, for a smoke test
 * (without the exports); `--exports` measures only the report and the open data (its own results
 * file, the README's table left alone); `--moderation` measures only moderation at national scale
 * (moderation.ts: grouping, themes, search; its own results file too); `--database postgres`
 * compares SQLite with PostgreSQL at 1, 2 and 4 app processes (database.ts; its own results file and
 * README table); `--no-build` reuses dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { commentForm, root, seedScale, startServer, type Scale } from '../tests/support/server.ts';
import { routes } from '../src/lib/routes.ts';
import { FIRST_CONSULTATION, REPORT_FORMATS } from '../src/lib/enums.ts';
import { measureExports, publishForBench } from './exports.ts';
import { measureModeration } from './moderation.ts';
import { measureDatabases, type DatabaseRow } from './database.ts';

const quick = process.argv.includes('--quick');
/** `--formats=csv,xlsx`: only these of the report's downloads (a PDF of a million comments takes about an hour). */
const formatsArg = process.argv.find((a) => a.startsWith('--formats='));
const formats = formatsArg ? REPORT_FORMATS.filter((f) => formatsArg.slice('--formats='.length).split(',').includes(f)) : REPORT_FORMATS;
const duration = quick ? 3 : 10;
const connections = 64;

interface Row {
  scale: string;
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}
const rows: Row[] = [];

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (err, result) => (err ? reject(err) : resolve(result))));
}

/** Median and 95th percentile of sequential request times in ms (server time on loopback). */
async function timeSequential(url: string, headers: Record<string, string>, count: number): Promise<{ median: number; p95: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count + 3; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    status = response.status;
    if (i >= 3) times.push(performance.now() - start); // the first few warm caches
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], status };
}

/** The ceiling: a bare node:http server answering the same bytes from memory. */
async function ceiling(body: Buffer, headers: Record<string, string>) {
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const result = await run({ url: `http://127.0.0.1:${port}/`, connections, duration });
  server.close();
  return result;
}

async function measureScale(label: string, comments: number, port: number, what: { portal: boolean; exports: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  console.log(`\n== ${label}: seeding ${comments.toLocaleString('en')} comments…`);
  const seedStart = performance.now();
  const scale: Scale = await seedScale(dbPath, { comments, hotBlockComments: 1000, grouped: true });
  console.log(`   seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  if (what.exports) rows.push({ scale: label, ...(await publishForBench(dbPath)) });
  const server = await startServer(dbPath, port, { DATA_DIR: join(dir, 'data') });
  try {
    if (what.exports) {
      console.log('   the report and the open data…');
      for (const row of await measureExports(server, { moderator: scale.moderatorCookie }, formats)) rows.push({ scale: label, ...row });
    }
    if (!what.portal) return;
    // 1. Anonymous chapter page against the ceiling.
    const page = `${server.url}${routes.chapter(FIRST_CONSULTATION, 'uvod')}`;
    const sample = await fetch(page);
    const bytes = Buffer.from(await sample.arrayBuffer());
    const pageResult = await run({ url: page, connections, duration });
    const base = await ceiling(bytes, { 'content-type': 'text/html' });
    const ratio = pageResult.requests.average / base.requests.average;
    const non2xx = pageResult.non2xx + pageResult.errors;
    rows.push({
      scale: label,
      measure: `anonymous chapter page, ${connections} connections`,
      result: `${Math.round(pageResult.requests.average)} req/s, p50 ${pageResult.latency.p50} ms, p99 ${pageResult.latency.p99} ms; ceiling ${Math.round(base.requests.average)} req/s → ${(ratio * 100).toFixed(0)} %${non2xx ? `; ${non2xx} errors` : ''}`,
      target: '≥ 50 % of ceiling, p99 < 50 ms',
      met: ratio >= 0.5 && pageResult.latency.p99 < 50 && non2xx === 0,
    });

    // 2. Comment submission through real form POSTs from many signed-in organisations.
    let n = 0;
    const submit = await run({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const i = n++;
            request.path = scale.blockPaths[i % scale.blockPaths.length];
            request.headers = {
              ...request.headers,
              'content-type': 'application/x-www-form-urlencoded',
              origin: server.url,
              cookie: scale.memberCookies[i % scale.memberCookies.length],
            };
            request.body = commentForm(`Pripomba iz obremenitvenega preizkusa št. ${i}.`);
            return request;
          },
        },
      ],
    });
    const accepted = submit['3xx'];
    // Anything answered but the redirect, and every socket error or timeout (not in requests.total).
    const failed = submit.requests.total - accepted + submit.errors;
    rows.push({
      scale: label,
      measure: `comment submission (form POST, ${scale.memberCookies.length} organisations, ${connections} connections)`,
      result: `${Math.round(accepted / (submit.duration))} comments/s, p99 ${submit.latency.p99} ms, ${failed} errors`,
      target: '≥ 500/s, zero errors',
      met: accepted / submit.duration >= 500 && failed === 0,
    });

    // 3. A chapter page whose hot block carries 1,000 comments, rendered afresh: signed in (no page
    // cache, with the composer), which is what a municipality's representative gets.
    const hot = await timeSequential(`${server.url}${scale.hotChapterPath}`, { cookie: scale.memberCookies[0] }, quick ? 10 : 30);
    rows.push({
      scale: label,
      measure: 'chapter page with a block of 1,000 comments (signed in, rendered afresh)',
      result: `median ${hot.median.toFixed(1)} ms, p95 ${hot.p95.toFixed(1)} ms (HTTP ${hot.status})`,
      target: '< 100 ms',
      met: hot.median < 100,
    });

    // 4. The moderation queue, filtered.
    const queue = await timeSequential(`${server.url}/moderacija?posvetovanje=ds2030&status=new&chapter=digitalne-javne-storitve&sort=block`, { cookie: scale.moderatorCookie }, quick ? 10 : 30);
    const queueText = await timeSequential(`${server.url}/moderacija?posvetovanje=ds2030&text=financiranja&orgKind=municipality`, { cookie: scale.moderatorCookie }, quick ? 10 : 30);
    rows.push({ scale: label, measure: 'moderation queue, filtered by status and chapter', result: `median ${queue.median.toFixed(1)} ms, p95 ${queue.p95.toFixed(1)} ms (HTTP ${queue.status})`, target: comments >= 100_000 ? '< 50 ms' : '—', met: comments >= 100_000 ? queue.median < 50 : null });
    rows.push({ scale: label, measure: 'moderation queue, full-text filter', result: `median ${queueText.median.toFixed(1)} ms, p95 ${queueText.p95.toFixed(1)} ms (HTTP ${queueText.status})`, target: '—', met: null });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// `--database postgres`: SQLite beside PostgreSQL with several app processes (issue 17).
const databaseArg = process.argv.indexOf('--database');
if (databaseArg >= 0) {
  if (process.argv[databaseArg + 1] !== 'postgres') {
    console.error('usage: npm run bench -- --database postgres');
    process.exit(64);
  }
  const databaseDuration = quick ? 3 : 20;
  const measured = await measureDatabases(4395, { comments: quick ? 10_000 : 100_000, duration: databaseDuration, workers: [1, 2, 4] });
  writeDatabaseTable(measured, databaseDuration);
  process.exit(0);
}

/** The comparison as one table: a row per measure, a column per configuration. */
function writeDatabaseTable(measured: DatabaseRow[], seconds: number): void {
  const configurations = [...new Set(measured.map((r) => r.configuration))];
  const measures = [...new Set(measured.map((r) => r.measure))];
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
  const table = [
    `Measured ${date} on ${machine}${quick ? ' (quick run, 10,000 comments)' : ', 100,000 comments'} with \`npm run bench -- --database postgres\`; load from autocannon on the same machine, ${seconds} s per measure after a warm-up.`,
    '',
    `| measure | ${configurations.join(' | ')} |`,
    `| --- | ${configurations.map(() => '---').join(' | ')} |`,
    ...measures.map((m) => `| ${m} | ${configurations.map((c) => measured.find((r) => r.measure === m && r.configuration === c)?.result ?? '—').join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, `bench/results/${date}-database${quick ? '-quick' : ''}.md`), `# Benchmark ${date}: SQLite and PostgreSQL\n\n${table}\n`);
  if (!quick) writeReadmeTable('bench-database', table);
}

/** Puts `table` between the README's `<!-- name:start -->` and `<!-- name:end -->` markers. */
function writeReadmeTable(name: string, table: string): void {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (readme.includes(start) && readme.includes(end)) {
    writeFileSync(readmePath, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
  }
}

// `--exports`: only the report and the open data (at 100,000, and with --million at 1,000,000).
const exportsOnly = process.argv.includes('--exports');
// `--moderation`: only near-duplicate groups, themes and search at 100,000 comments (issue 15).
const moderationOnly = process.argv.includes('--moderation');
if (moderationOnly) rows.push(...(await measureModeration(4394)));
else {
  if (!exportsOnly) await measureScale('10,000 comments', 10_000, 4391, { portal: true, exports: false });
  await measureScale('100,000 comments', 100_000, 4392, { portal: !exportsOnly, exports: !quick });
  // The report and the open data at a million comments (issue 14): `npm run bench -- --million`.
  if (process.argv.includes('--million')) await measureScale('1,000,000 comments', 1_000_000, 4393, { portal: false, exports: true });
}

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
const table = [
  `Measured ${date} on ${machine}${quick ? ' (quick run)' : ''} with \`npm run bench\`; load from autocannon on the same machine.`,
  '',
  '| scale | measure | result | target | met |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scale} | ${r.measure} | ${r.result} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`),
].join('\n');
console.log(`\n${table}\n`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${date}${quick ? '-quick' : exportsOnly ? '-exports' : moderationOnly ? '-moderation' : ''}.md`), `# Benchmark ${date}\n\n${table}\n`);
if (!quick && !exportsOnly && !moderationOnly) writeReadmeTable('bench', table);
