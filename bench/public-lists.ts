/**
 * The public lists at 100,000 comments (issue 16): /pripombe with a few filters and orders, the
 * directory of organisations, an organisation's page and a chapter's feed, timed on the read models
 * (no HTTP; seedScale writes no co-signatures or joint positions, so those parts read empty tables).
 * `node bench/public-lists.ts [database]` — the database is made by seedScale once and kept.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { seedScale } from '../tests/support/server.ts';
import { openDatabase } from '../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../src/lib/server/platform/setup.ts';
import { parsePublicListQuery, publicListPage } from '../src/lib/server/comments/public-list.ts';

const path = process.argv[2] ?? '/tmp/posvet-public-lists-100k.sqlite';
if (!existsSync(path)) await seedScale(path, { comments: 100_000 });
const db = openDatabase(path);
await prepareDatabase(db, { demo: false });
// A few hidden comments, so that "public" means something here too.
await db.updateTable('comments').set({ hidden: 1 }).where('id', 'in', [7, 77, 777, 7777]).execute();
// And some late ones.
await db.updateTable('comments').set({ late: 1 }).where('id', '>', 99_800).execute();

const cases: Array<[string, string]> = [
  ['vse, najnovejše', ''],
  ['vse, stran 2.000', 'stran=2000'],
  ['posvetovanje', 'posvetovanje=ds2030'],
  ['tip: občine + stališče: sprejeto', 'tip=municipality&stalisce=accepted'],
  ['tip: zveze', 'tip=association'],
  ['zveza ZOS', 'zveza=zos'],
  ['organizacija', 'organizacija=ljubljana'],
  ['poglavje', 'posvetovanje=ds2030&poglavje=digitalne-javne-storitve'],
  ['poglavje + odstavek', 'posvetovanje=ds2030&poglavje=digitalne-javne-storitve&odstavek=6.2'],
  ['vrsta: vprašanje', 'vrsta=question'],
  ['zamuda', 'zamuda=1'],
  ['stališče: še ni', 'stalisce=none'],
  ['s prilogo', 'priloga=1'],
  ['po odstavku', 'razvrsti=odstavek'],
  ['po organizaciji', 'razvrsti=organizacija'],
  ['po organizaciji, stran 3.000', 'razvrsti=organizacija&stran=3000'],
  ['občine po organizaciji, stran 2', 'tip=municipality&razvrsti=organizacija&stran=2'],
  ['najstarejše, stran 100', 'razvrsti=najstarejse&stran=100'],
];
for (const [name, search] of cases) {
  const query = parsePublicListQuery(new URLSearchParams(search));
  await publicListPage(db, query);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    total = (await publicListPage(db, query)).total;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)} ${String(total).padStart(7)}  median ${times[2].toFixed(1)} ms  max ${times[4].toFixed(1)} ms`);
}
// The directory and an organisation's page (their read models' queries).
const { listParticipants, organisationProfile, supportedPage, jointPage } = await import('../src/lib/server/organisations/participants.ts');
const { chapterFeedEntries } = await import('../src/lib/server/comments/public-feed.ts');
const { readVersionFiles } = await import('../src/lib/server/content/content-files.ts');
const { currentOf } = await import('../src/lib/server/content/versions.ts');
for (const [name, run] of [
  ['imenik organizacij', () => listParticipants(db)],
  ['imenik, posvetovanje', () => listParticipants(db, { consultationId: 1 })],
  ['stran organizacije (glava)', () => organisationProfile(db, 'zmos')],
  ['stran organizacije (pripombe)', () => publicListPage(db, parsePublicListQuery(new URLSearchParams('organizacija=ljubljana&stran=3')))],
  ['vir Atom poglavja (50 vnosov)', () => chapterFeedEntries(db, 1, currentOf(readVersionFiles('ds2030'))!.id, 'digitalne-javne-storitve')],
  ['stran organizacije (sopodpisi, skupna)', async () => [await supportedPage(db, 1, { limit: 25, offset: 0 }), await jointPage(db, 1, { limit: 25, offset: 0 })]],
] as const) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)} ${''.padStart(7)}  median ${times[2].toFixed(1)} ms  max ${times[4].toFixed(1)} ms`);
}
await db.destroy();
