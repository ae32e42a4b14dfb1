import { parseCsv, readXlsx } from '../support/spreadsheets.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { CHAPTERS, submitAsBled, queue } from './support/moderation.ts';

/*
 * Moderation: the statistics page and the public report with its CSV and XLSX.
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

  test("the report's totals agree with its own CSV and XLSX", async ({ request }) => {
    // Nothing else writes to this worker's database while the test runs: the page, the CSV and the
    // XLSX are read one after another and describe the same comments.
    const totalsOf = (html: string) => ({
      // Figures are written with a dot between thousands (1.234).
      total: Number(/Skupaj ([\d.]+) javn/.exec(html)?.[1].replaceAll('.', '')),
      byStatus: Object.fromEntries([...html.matchAll(/data-total-status="(\w+)"[^>]*>([\d.]+)</g)].map((m) => [m[1], Number(m[2].replaceAll('.', ''))])),
      byKind: Object.fromEntries([...html.matchAll(/data-total-kind="(\w+)"[^>]*>([\d.]+)</g)].map((m) => [m[1], Number(m[2].replaceAll('.', ''))])),
    });
    const totals = totalsOf(await (await request.get('/posvetovanja/ds2030/porocilo')).text());
    const csv = parseCsv(await (await request.get('/posvetovanja/ds2030/porocilo.csv')).text());
    const xlsx = readXlsx(await (await request.get('/posvetovanja/ds2030/porocilo.xlsx')).body());
    // The public reads one row for everything without a stance yet.
    const labels: Record<string, string> = { pending: 'še v obravnavi', accepted: 'upoštevana', partially_accepted: 'delno upoštevana', rejected: 'ni upoštevana', noted: 'vzeta na znanje' };
    expect(Object.keys(totals.byStatus)).toEqual(Object.keys(labels));
    expect(Object.values(totals.byStatus).reduce((a, b) => a + b, 0)).toBe(totals.total);

    const rows = csv.slice(1);
    expect(rows).toHaveLength(totals.total);
    const decision = csv[0].indexOf('Stališče');
    const kind = csv[0].indexOf('Vrsta organizacije');
    for (const [status, label] of Object.entries(labels)) {
      expect(rows.filter((r) => r[decision] === label).length, status).toBe(totals.byStatus[status]);
    }
    for (const [key, label] of Object.entries({ municipality: 'občina', association: 'združenje občin', other: 'drugo' })) {
      expect(rows.filter((r) => r[kind] === label).length, key).toBe(totals.byKind[key]);
    }
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);

    // The XLSX has the same rows (as text: no formula guard needed), and its totals sheet the same figures.
    const lines = (v: string) => v.replace(/\r\n?/g, '\n');
    // (The CSV's formula guard and the invisible mark that keeps paragraph numbers text are CSV-only.)
    expect(xlsx.sheets[0].map((r) => r.map(lines))).toEqual(csv.map((r) => r.map((v) => lines(v.replace(/^'(?=[=+\-@\t\r])/, '').replace(/^\u200B(?=\d)/, '')))));
    const sheet = Object.fromEntries(xlsx.sheets[1].filter((r) => r.length === 2 && r[0]).map((r) => [r[0], r[1]]));
    for (const [status, label] of Object.entries(labels)) expect(sheet[label], status).toBe(String(totals.byStatus[status]));
    expect(sheet['Skupaj']).toBe(String(totals.total));
  });

  test('each consultation has its own report, naming it, with downloads named by its slug; an unknown one is not found', async ({ page, request }) => {
    expect((await page.goto('/posvetovanja/sdjs2030/porocilo'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Poročilo o upoštevanju pripomb');
    await expect(page.locator('main')).toContainText('Strategija digitalnih javnih storitev 2030');
    await expect(page.locator('main')).toContainText('Številka zadeve: 3510-2/2026');
    const nav = page.getByRole('navigation', { name: 'Posvetovanje' });
    await expect(nav.getByRole('link', { name: 'Poročilo' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('navigation', { name: 'Drobtinice' }).getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030' })).toHaveAttribute('href', '/posvetovanja/sdjs2030');
    await expectNoAxeViolations(page);

    const csvOf = async (slug: string) => {
      const response = await request.get(`/posvetovanja/${slug}/porocilo.csv`);
      expect(response.headers()['content-disposition']).toContain(`filename="porocilo-${slug}.csv"`);
      return parseCsv(await response.text()).slice(1).map((r) => r[0]);
    };
    const [ds, sdjs] = [await csvOf('ds2030'), await csvOf('sdjs2030')];
    expect(ds.length).toBeGreaterThan(0);
    expect(sdjs.length).toBeGreaterThan(0);
    // No comment is in both reports.
    expect(ds.filter((id) => sdjs.includes(id))).toEqual([]);
    expect((await request.get('/posvetovanja/sdjs2030/porocilo.xlsx')).headers()['content-disposition']).toContain('filename="porocilo-sdjs2030.xlsx"');

    for (const path of ['/posvetovanja/ni-takega/porocilo', '/posvetovanja/ni-takega/porocilo.csv', '/posvetovanja/ni-takega/porocilo.xlsx']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});
