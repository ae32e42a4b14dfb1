import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { CHAPTERS, submitAsBled, queue } from './support/moderation.ts';

/*
 * Moderation: the statistics page, and the public report's summary (report-versions.spec.ts has the rest).
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts). Every test first has Občina Bled
 * submit its own comments with a unique marker (through the plain, no-JavaScript form) and then acts
 * on exactly those.
 */

test.describe('statistics and the report', () => {
  test('statistics: each chart an SVG with a data table; the heat map leads to the queue filtered by block', async ({ request, page, as }) => {
    const body = `Pripomba za statistiko ${unique('statistika')}`;
    await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'implementation', block: 2, body }]);
    await signIn(page, people.moderator);
    expect((await page.goto('/moderacija/statistika?posvetovanje=ds2030'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistika pripomb');

    const charts = page.locator('figure');
    await expect(charts.locator('figcaption')).toHaveText([
      'Pripombe po poglavjih',
      'Pripombe po vrsti organizacije',
      'Pripombe po stanju obravnave',
      'Pripombe po stanju stališča',
      'Oddane pripombe po dnevih',
    ]);
    for (const chart of await charts.all()) {
      const title = (await chart.locator('figcaption').textContent())!;
      await expect(chart.locator('svg'), title).toHaveCount(1);
      const table = chart.getByRole('table', { name: title });
      await expect(table, title).toBeVisible();
      // One bar per table row.
      const rows = await table.locator('tbody tr').count();
      expect(rows, title).toBeGreaterThan(0);
      await expect(chart.locator('svg rect'), title).toHaveCount(rows);
    }
    const perChapter = page.getByRole('table', { name: 'Pripombe po poglavjih' });
    await expect(perChapter.locator('tbody th')).toHaveCount(10);
    const chapterCount = Number(await perChapter.getByRole('row', { name: new RegExp(`^${CHAPTERS.implementation.label.replace(/\./g, '\\.')}`) }).getByRole('cell').textContent());
    expect(chapterCount).toBeGreaterThanOrEqual(1);
    const municipalities = Number(await page.getByRole('table', { name: 'Pripombe po vrsti organizacije' }).getByRole('row', { name: /^občina/ }).getByRole('cell').textContent());
    expect(municipalities).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);

    const cell = page.getByRole('link', { name: /^Odstavek 10\.2: \d+ pripomb/ });
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    await cell.click();
    await expect(page).toHaveURL(/\/moderacija\?posvetovanje=ds2030&block=10\.2$/);
    const q = queue(page);
    await expect(q.filters.getByLabel('Odstavek (npr. 3.14)')).toHaveValue('10.2');
    await expect(q.row(body)).toHaveCount(1);
    for (const block of await q.rows.locator('td:nth-child(3)').allTextContents()) expect(block).toBe('10.2');
    await expectNoAxeViolations(page);
  });

  test("the report's summary adds up: its stances and its chapters each count every comment of the version", async ({ page }) => {
    // (Once the document writers are in: its CSV and XLSX downloads have the same rows and totals.)
    expect((await page.goto('/posvetovanja/ds2030/porocilo'))?.status()).toBe(200);
    const number = (text: string | null) => Number((text ?? '').replaceAll('.', ''));
    const stances = page.getByRole('table', { name: 'Pripombe po stališčih' });
    await expect(stances.locator('tbody th')).toHaveText(['še v obravnavi', 'upoštevana', 'delno upoštevana', 'ni upoštevana', 'vzeta na znanje']);
    const total = number(await stances.locator('[data-total]').textContent());
    expect(total).toBeGreaterThan(0);
    const byStance = (await stances.locator('tbody td').allTextContents()).map(number);
    expect(byStance.reduce((a, b) => a + b, 0)).toBe(total);
    const chapters = page.getByRole('table', { name: 'Pripombe po poglavjih' });
    const byChapter = (await chapters.locator('tbody td').allTextContents()).map(number);
    expect(byChapter.length).toBe(10);
    expect(byChapter.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total);
    await expect(page.locator('main')).toContainText(/Prejet\S* je bil\S* [\d.]+ pripomb/);
    await expectNoAxeViolations(page);
  });

  test('each consultation has its own report, naming it; before its first version it says so; an unknown one is not found', async ({ page, request }) => {
    expect((await page.goto('/posvetovanja/ds2030/porocilo'))?.status()).toBe(200);
    await expect(page.locator('main')).toContainText('k osnutku „Digitalna Slovenija 2030 – vmesni pregled“');
    await expect(page.locator('main')).toContainText('številka zadeve 3510-1/2026');

    expect((await page.goto('/posvetovanja/sdjs2030/porocilo'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Poročilo o upoštevanju pripomb');
    await expect(page.locator('main')).toContainText('Poročilo o upoštevanju pripomb še ni objavljeno.');
    const nav = page.getByRole('navigation', { name: 'Posvetovanje' });
    await expect(nav.getByRole('link', { name: 'Poročilo' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('navigation', { name: 'Drobtinice' }).getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030' })).toHaveAttribute('href', '/posvetovanja/sdjs2030');
    await expectNoAxeViolations(page);

    // The old download addresses lead to the newest version's files; none before the first version.
    const csv = await request.get('/posvetovanja/ds2030/porocilo.csv', { maxRedirects: 0 });
    expect(csv.status()).toBe(302);
    expect(csv.headers().location).toMatch(/\/posvetovanja\/ds2030\/porocilo\/\d+\/prenos\/csv$/);
    const xlsx = await request.get('/posvetovanja/ds2030/porocilo.xlsx', { maxRedirects: 0 });
    expect(xlsx.headers().location).toMatch(/\/posvetovanja\/ds2030\/porocilo\/\d+\/prenos\/xlsx$/);
    for (const path of ['/posvetovanja/sdjs2030/porocilo.csv', '/posvetovanja/ni-takega/porocilo', '/posvetovanja/ni-takega/porocilo.csv', '/posvetovanja/ni-takega/porocilo.xlsx']) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });
});
