/**
 * The public lists at 100,000 comments (issue 16): /pripombe with a few filters and orders, the
 * directory of organisations and an organisation's page, timed on the read models (no HTTP).
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

const cases: Array<[string, string]> = [
  ['vse, najnovejše', ''],
  ['vse, stran 2.000', 'stran=2000'],
  ['posvetovanje', 'posvetovanje=ds2030'],
  ['tip: občine + stališče: sprejeto', 'tip=municipality&stalisce=accepted'],
  ['tip: zveze', 'tip=association'],
  ['zveza ZOS', 'zveza=zos'],
  ['organizacija', 'organizacija=ljubljana'],
  ['poglavje + odstavek', 'posvetovanje=ds2030&poglavje=digitalne-javne-storitve&odstavek=4.2'],
  ['vrsta: vprašanje, zamuda', 'vrsta=question&zamuda=1'],
  ['stališče: še ni', 'stalisce=none'],
  ['s prilogo', 'priloga=1'],
  ['po odstavku', 'razvrsti=odstavek'],
  ['po organizaciji', 'razvrsti=organizacija'],
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
await db.destroy();
