/**
 * The report and the open data at scale (issue 14), for `npm run bench`: a published version's
 * snapshot, each download written by the server, the report's HTML, the API's first page and its
 * full exports — time to first byte, total time, the server's peak resident memory while it works,
 * and the p99 of an anonymous chapter page read meanwhile.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { FIRST_CONSULTATION, REPORT_FORMATS } from '../src/lib/enums.ts';
import { routes } from '../src/lib/routes.ts';
import type { Actor } from '../src/lib/server/accounts/access.ts';
import { findConsultation } from '../src/lib/server/consultations/consultations.ts';
import { openDatabase } from '../src/lib/server/platform/db.ts';
import { runReportJobs, startPublishing } from '../src/lib/server/report/publish.ts';
import type { RunningServer } from '../tests/support/server.ts';

export interface ExportRow {
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}

const MB = 2 ** 20;

/** The resident memory of a process now (bytes), from /proc. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples a process's memory every 50 ms until stopped; returns the peak. */
function sampleRss(pid: number) {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(pid));
    } catch {
      // the process ended
    }
  }, 50);
  return { stop: () => (clearInterval(timer), peak) };
}

/** Reads an anonymous chapter page over 2 connections while `work` runs; the p99 of those reads. */
async function whileReading<T>(url: string, work: () => Promise<T>): Promise<{ value: T; p99: number; reads: number }> {
  let result: autocannon.Result | undefined;
  const instance = autocannon({ url, connections: 2, duration: 3600 }, (_err, r) => (result = r));
  const value = await work();
  instance.stop();
  while (!result) await new Promise((r) => setTimeout(r, 20));
  return { value, p99: result.latency.p99, reads: result.requests.total };
}

/** Time to the response's headers and to its last byte, and the bytes. */
async function download(url: string, headers: Record<string, string> = {}) {
  const start = performance.now();
  const response = await fetch(url, { headers });
  const firstByte = performance.now() - start;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { status: response.status, firstByte, total: performance.now() - start, bytes };
}

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** Publishes version 1 of the first consultation's report in this process (as the server's job would). */
export async function publishForBench(databasePath: string): Promise<ExportRow> {
  const db = openDatabase(databasePath);
  try {
    const consultation = (await findConsultation(db, FIRST_CONSULTATION))!;
    const admin = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', 'admin@bench.test').executeTakeFirstOrThrow();
    const actor: Actor = { id: admin.id, role: admin.role, organisationId: admin.organisation_id, organisationKind: admin.kind };
    const started = await startPublishing(db, actor, consultation, { documentNumber: '3510-1/2026-99', place: 'Ljubljana', documentDate: '2027-03-15', signatoryName: 'Ana Novak', signatoryTitle: 'generalna direktorica', latestSeen: 0 });
    if (!started.ok) throw new Error(`publishing refused: ${started.error.code}`);
    const rss = sampleRss(process.pid);
    const before = process.memoryUsage().rss;
    const start = performance.now();
    await runReportJobs(db);
    const took = performance.now() - start;
    const peak = rss.stop();
    return { measure: 'publishing a report version (snapshot of every comment)', result: `${ms(took)}, memory of the writing process ${Math.round(before / MB)} → peak ${Math.round(peak / MB)} MB`, target: 'off the request path', met: null };
  } finally {
    await db.destroy();
  }
}

export async function measureExports(server: RunningServer, cookies: { moderator: string }, formats: readonly (typeof REPORT_FORMATS)[number][] = REPORT_FORMATS): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  const pid = server.child.pid!;
  const c = FIRST_CONSULTATION;
  const reader = `${server.url}${routes.chapter(c, 'uvod')}`;
  await fetch(reader); // cached from here on, as readers get it
  const rest = rssOf(pid);
  rows.push({ measure: 'the server at rest (after start and a first page), for comparison', result: `${Math.round(rest / MB)} MB resident`, target: '—', met: null });

  // Each download of the published version: written by the server on first request, then served.
  for (const format of formats) {
    const url = `${server.url}${routes.reportFile(c, 1, format)}`;
    const rss = sampleRss(pid);
    const start = performance.now();
    const { p99, reads } = await whileReading(reader, async () => {
      for (;;) {
        const r = await fetch(url, { redirect: 'manual' });
        await r.arrayBuffer();
        if (r.status === 200) return;
        if (r.status !== 503) throw new Error(`${format}: HTTP ${r.status}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
    const written = performance.now() - start;
    const peak = rss.stop();
    const served = await download(url);
    rows.push({
      measure: `report ${format.toUpperCase()}: written once by the server, then served`,
      result: `written in ${ms(written)}, server peak ${Math.round(peak / MB)} MB; served ${(served.bytes / MB).toFixed(1)} MB, first byte ${ms(served.firstByte)}, all ${ms(served.total)}; chapter page meanwhile p99 ${p99} ms (${reads} reads)`,
      target: 'RSS < 300 MB, first byte < 300 ms, p99 < 50 ms',
      met: peak < 300 * MB && served.firstByte < 300 && p99 < 50,
    });
  }

  // The report's HTML: the version's first page and a chapter's first page, rendered afresh (signed in).
  for (const [label, path] of [
    ['report HTML, first page of the version', routes.reportVersion(c, 1)],
    ['report HTML, a chapter (first page of its table)', routes.reportPart(c, 1, 'digitalne-javne-storitve')],
  ] as const) {
    const times = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < 13; i++) {
      const d = await download(`${server.url}${path}`, { cookie: cookies.moderator });
      status = d.status;
      bytes = d.bytes;
      if (i >= 3) times.push(d.total);
    }
    times.sort((a, b) => a - b);
    rows.push({ measure: label, result: `median ${ms(times[5])}, ${(bytes / 1024).toFixed(0)} KB (HTTP ${status})`, target: '< 300 ms', met: times[5] < 300 && status === 200 });
  }

  // The open data: the first page, and the full exports streamed.
  const first = await download(`${server.url}${routes.openData(c)}&limit=100`, { cookie: cookies.moderator });
  rows.push({ measure: 'open data API, first page (100 items)', result: `first byte ${ms(first.firstByte)}, all ${ms(first.total)} (HTTP ${first.status})`, target: 'first byte < 300 ms', met: first.firstByte < 300 && first.status === 200 });
  for (const format of ['jsonl', 'csv'] as const) {
    const rss = sampleRss(pid);
    const { value: d, p99, reads } = await whileReading(reader, () => download(`${server.url}${routes.openDataExport(format, c)}`));
    const peak = rss.stop();
    rows.push({
      measure: `open data, full export as ${format === 'jsonl' ? 'JSON Lines' : 'CSV'} (streamed)`,
      result: `${(d.bytes / MB).toFixed(0)} MB, first byte ${ms(d.firstByte)}, all ${ms(d.total)}, server peak ${Math.round(peak / MB)} MB; chapter page meanwhile p99 ${p99} ms (${reads} reads) (HTTP ${d.status})`,
      target: 'RSS < 300 MB, first byte < 300 ms, p99 < 50 ms',
      met: d.status === 200 && peak < 300 * MB && d.firstByte < 300 && p99 < 50,
    });
  }
  return rows;
}
