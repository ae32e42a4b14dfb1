/**
 * Moderation at national scale (issue 15), for `npm run bench -- --moderation`: 100,000 comments
 * whose bodies are made like the evaluation set's (tests/fixtures/moderation-eval.scale.ts), then
 * - the near-duplicate grouping of the whole consultation (`regroupAll`), from nothing and again;
 * - the incremental index: `indexComment` for 200 comments inserted one by one afterwards;
 * - suggested themes (`suggestThemes`) for one chapter and for the whole draft;
 * - the queue's full-text filter, through `listQueue` and over HTTP as a moderator;
 * - the public search over HTTP, anonymously.
 * The background measures run in this process on the database file, the server stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import { FIRST_CONSULTATION } from '../src/lib/enums.ts';
import { routes } from '../src/lib/routes.ts';
import { indexComment, regroupAll } from '../src/lib/server/moderation/duplicates/grouping.ts';
import { listQueue, parseQueueFilter } from '../src/lib/server/moderation/queue.ts';
import { suggestThemes } from '../src/lib/server/moderation/themes/suggest.ts';
import { openDatabase, type Db } from '../src/lib/server/platform/db.ts';
import type { CommentTable } from '../src/lib/server/platform/schema.ts';
import { scaleBodies } from '../tests/fixtures/moderation-eval.scale.ts';
import { seedScale, startServer } from '../tests/support/server.ts';

export interface ModerationRow {
  scale: string;
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}

const COMMENTS = 100_000;
const FRESH = 200;
const REPEATS = 30;

const ms = (x: number) => `${x.toFixed(1)} ms`;
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mean: sorted.reduce((s, t) => s + t, 0) / sorted.length,
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** Median and p95 of `count` sequential runs after three that warm caches. */
async function repeated(work: () => Promise<unknown>, count = REPEATS) {
  const times: number[] = [];
  for (let i = 0; i < count + 3; i++) {
    const { ms: t } = await timed(work);
    if (i >= 3) times.push(t);
  }
  return stats(times);
}

/** Sequential GETs: median and p95 in ms and the last status. */
async function overHttp(url: string, headers: Record<string, string> = {}) {
  let status = 0;
  const s = await repeated(async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    status = response.status;
  });
  return { ...s, status };
}

/** Comments inserted one at a time, as submissions arrive, each indexed right after: its cost in ms. */
async function indexFresh(db: Db, consultationId: number, body: (k: number) => string): Promise<number[]> {
  const model: Selectable<CommentTable> = await db.selectFrom('comments').selectAll().where('consultation_id', '=', consultationId).where('state', '=', 'submitted').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const { id: _id, ...rest } = model;
  const times: number[] = [];
  for (let k = 0; k < FRESH; k++) {
    const at = new Date().toISOString();
    const { id } = await db
      .insertInto('comments')
      .values({ ...rest, body: body(k), created_at: at, updated_at: at, submitted_at: at, moderation_status: 'new', response: null, idempotency_key: `fresh-${k}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { ms: t } = await timed(() => indexComment(db, id));
    times.push(t);
  }
  return times;
}

export async function measureModeration(port: number, comments = COMMENTS): Promise<ModerationRow[]> {
  const scale = `${comments.toLocaleString('en')} comments`;
  const rows: ModerationRow[] = [];
  const row = (measure: string, result: string, target: string, met: boolean | null) => rows.push({ scale, measure, result, target, met });
  const dir = mkdtempSync(join(tmpdir(), 'posvet-bench-moderation-'));
  const dbPath = join(dir, 'bench.sqlite');
  const body = scaleBodies();
  try {
    console.log(`\n== moderation: seeding ${comments.toLocaleString('en')} comments with realistic bodies…`);
    const seeded = await timed(() => seedScale(dbPath, { comments, hotBlockComments: 1000, body }));
    console.log(`   seeded in ${seconds(seeded.ms)}`);
    const db = openDatabase(dbPath);
    const moderatorCookie = seeded.value.moderatorCookie;
    try {
      const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', FIRST_CONSULTATION).executeTakeFirstOrThrow();
      const moderator = await db.selectFrom('users').select('id').where('email', '=', 'moderator@bench.test').executeTakeFirstOrThrow();

      console.log('   grouping near-duplicates…');
      const first = await timed(() => regroupAll(db, consultation.id));
      row('near-duplicate groups of the whole consultation (regroupAll, signatures computed)', `${seconds(first.ms)}: ${first.value.comments.toLocaleString('en')} comments, ${first.value.groups.toLocaleString('en')} groups`, '< 60 s (background)', first.ms < 60_000);
      const again = await timed(() => regroupAll(db, consultation.id));
      row('near-duplicate groups again (regroupAll, signatures stored)', `${seconds(again.ms)}: ${again.value.groups.toLocaleString('en')} groups`, '< 60 s (background)', again.ms < 60_000);

      console.log('   indexing fresh comments…');
      const fresh = stats(await indexFresh(db, consultation.id, (k) => body(comments + k)));
      row(`adding one comment to the index (indexComment, ${FRESH} fresh comments)`, `mean ${ms(fresh.mean)}, p95 ${ms(fresh.p95)}`, '< 5 ms', fresh.mean < 5);

      console.log('   suggesting themes…');
      const chapter = await timed(() => suggestThemes(db, consultation.id, 'digitalne-javne-storitve'));
      row('suggested themes for one chapter (suggestThemes, digitalne-javne-storitve)', `${seconds(chapter.ms)}: ${chapter.value.themes} themes over ${chapter.value.comments.toLocaleString('en')} comments`, '— (background)', null);
      const draft = await timed(() => suggestThemes(db, consultation.id, null));
      row('suggested themes for the whole draft (suggestThemes)', `${seconds(draft.ms)}: ${draft.value.themes} themes over ${draft.value.comments.toLocaleString('en')} comments`, '— (background)', null);

      const sample = await db.selectFrom('comments').select('organisation_id').where('consultation_id', '=', consultation.id).where('state', '=', 'submitted').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      const filters: [string, Record<string, string>][] = [
        ['„optičnega“', { text: 'optičnega' }],
        ['„izsiljevalskim virusom“', { text: 'izsiljevalskim virusom' }],
        ['„občine“', { text: 'občine' }],
        ['„občine“ and one chapter', { text: 'občine', chapter: 'digitalne-javne-storitve' }],
        ['„občine“ and one organisation', { text: 'občine', organisation: String(sample.organisation_id) }],
        ['„optičnega“ sorted by paragraph, page 3', { text: 'optičnega', sort: 'block', page: '3' }],
      ];
      for (const [label, query] of filters) {
        let found = '';
        const direct = await repeated(async () => {
          const q = await listQueue(db, consultation.id, parseQueueFilter(new URLSearchParams(query)), moderator.id);
          found = q.capped ? `more than ${q.total.toLocaleString('en')}` : q.total.toLocaleString('en');
        });
        row(`queue's text filter ${label} (listQueue; ${found} found)`, `median ${ms(direct.median)}, p95 ${ms(direct.p95)}`, '< 20 ms', direct.median < 20);
      }
    } finally {
      await db.destroy();
    }

    const server = await startServer(dbPath, port, { DATA_DIR: join(dir, 'data') });
    try {
      const moderator = { cookie: moderatorCookie };
      // The page without a text filter: what the page itself costs (the session, the filter's lists, the rendering).
      const plain = await overHttp(`${server.url}/moderacija?${new URLSearchParams({ posvetovanje: FIRST_CONSULTATION })}`, moderator);
      row('moderation queue, no filter (HTTP)', `median ${ms(plain.median)}, p95 ${ms(plain.p95)} (HTTP ${plain.status})`, '—', null);
      for (const text of ['optičnega', 'izsiljevalskim virusom', 'občine']) {
        const r = await overHttp(`${server.url}/moderacija?${new URLSearchParams({ posvetovanje: FIRST_CONSULTATION, text })}`, moderator);
        row(`moderation queue, full-text filter „${text}“ (HTTP)`, `median ${ms(r.median)}, p95 ${ms(r.p95)} (HTTP ${r.status})`, '< 20 ms', r.median < 20 && r.status === 200);
      }
      const grouped = await overHttp(`${server.url}/moderacija?${new URLSearchParams({ posvetovanje: FIRST_CONSULTATION, grouped: '1' })}`, moderator);
      row('moderation queue, grouped view (HTTP)', `median ${ms(grouped.median)}, p95 ${ms(grouped.p95)} (HTTP ${grouped.status})`, '—', null);
      const groups = await overHttp(`${server.url}${routes.moderationGroups({ posvetovanje: FIRST_CONSULTATION })}`, moderator);
      row('near-duplicate groups, biggest first (HTTP)', `median ${ms(groups.median)}, p95 ${ms(groups.p95)} (HTTP ${groups.status})`, '—', null);
      for (const q of ['občine', 'podatkovnih centrov', 'izsiljevalskim']) {
        const r = await overHttp(`${server.url}${routes.search(FIRST_CONSULTATION, { q })}`);
        row(`public search „${q}“ (HTTP, anonymous)`, `median ${ms(r.median)}, p95 ${ms(r.p95)} (HTTP ${r.status})`, '< 50 ms', r.median < 50 && r.status === 200);
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
