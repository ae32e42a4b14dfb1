import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '/work/wt-n/tests/support/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'posvet-shots-n-'));
const mail = join(dir, 'mail');
const server = await startServer(join(dir, 'db.sqlite'), 4841, { NODE_ENV: 'test', MAIL_DIR: mail });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const csv = ['šifra;e-naslov;ime;vloga', '61;ana.novak@ljubljana.si;Ana Novak;skrbnik organizacije', '3;boris.kos@bled.si;Boris Kos;član', '9999;neznana@obcina.si;Neznana Občina;član', '61;ana.novak@ljubljana.si;Ana Dvojnica;član', '61;=HYPERLINK("http://x");Formula;član', '61;bled@posvet.test;Blaž;član', '3;moderator@bled.si;Mojca;moderator', '3;vloga@bled.si;Vid;kralj', '61;zelo.dolgo.ime.in.priimek.osebe@mestna-obcina-ljubljana.si;Maksimilijan Aleksander Vrhovnik-Zupančič;član']
    .join('\r\n');
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto('/prijava');
    await page.getByLabel('E-naslov').fill('admin@posvet.test');
    await page.getByLabel('Geslo', { exact: true }).fill('posvet-demo-2030');
    await page.getByRole('button', { name: 'Prijava', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/prijava'));
    await page.goto('/admin/uvoz-povabil');
    await page.screenshot({ path: `/work/shots/n/import-empty-${width}.png`, fullPage: true });
    await page.getByLabel('Datoteka CSV').setInputFiles({ name: 'povabila.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Naloži in pokaži predogled' }).click();
    await page.waitForURL(/uvoz=/);
    await page.screenshot({ path: `/work/shots/n/import-preview-${width}.png`, fullPage: true });
    await page.getByRole('table', { name: /Vrstice datoteke/ }).screenshot({ path: `/work/shots/n/import-table-${width}.png` });
    const anon = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
    const reader = await anon.newPage();
    await reader.goto('/obvestila?posvetovanje=ds2030');
    await reader.screenshot({ path: `/work/shots/n/subscribe-${width}.png`, fullPage: true });
    await reader.getByLabel('E-naslov').fill(`bralka${width}@example.si`);
    await reader.getByRole('button', { name: 'Naroči se' }).click();
    await reader.waitForLoadState();
    await reader.screenshot({ path: `/work/shots/n/subscribe-done-${width}.png`, fullPage: true });
    await anon.close();
    await context.close();
  }
  await new Promise((r) => setTimeout(r, 1500));
  const files = readdirSync(mail).sort();
  const confirm = files.map((f) => readFileSync(join(mail, f), 'utf8')).find((t) => t.includes('bralka1280'));
  console.log(confirm);
} finally {
  await browser.close();
  await server.stop?.();
}
