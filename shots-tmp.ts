import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './tests/support/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'p-shots-'));
const server = await startServer(join(dir, 'posvet.sqlite'), 4815, { NODE_ENV: 'test' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const pages: Array<[string, string]> = [
  ['pripombe', '/pripombe'],
  ['pripombe-filtered', '/pripombe?posvetovanje=ds2030&tip=municipality&razvrsti=organizacija'],
  ['organizacije', '/organizacije'],
  ['organizacija-bled', '/organizacije/bled'],
  ['organizacija-zmos', '/organizacije/zmos'],
  ['organizacija-mdp', '/organizacije/mdp'],
  ['poglavje', '/posvetovanja/ds2030/osnutek/digitalne-javne-storitve'],
];
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.screenshot({ path: `/work/shots/p/${name}-${width}.png`, fullPage: true });
      await page.screenshot({ path: `/work/shots/p/${name}-${width}-top.png` });
    }
    await context.close();
  }
  const feed = await fetch(`${server.url}/posvetovanja/ds2030/osnutek/digitalne-javne-storitve/novosti.atom`);
  console.log(feed.status, feed.headers.get('content-type'));
  console.log((await feed.text()).slice(0, 1500));
} finally {
  await browser.close();
  await server.stop('SIGTERM');
}
