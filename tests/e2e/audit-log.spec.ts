import { readFileSync } from 'node:fs';
import { parseCsv } from '../support/spreadsheets.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, submitForm, test, unique } from './fixtures.ts';
import { submitAsBled, texts } from './support/moderation.ts';

/*
 * The audit log as the administrator reads it: actions in Slovenian, links to what changed, the
 * change field by field, filters by what, who, which comment and when, and the CSV export.
 * Each test writes its own comment (unique text) and looks for its own entries.
 */

test.describe('the audit log', () => {
  test('reads as a record: a comment submitted, tagged and hidden, in words, with links; filtered by comment, action and person; downloaded as CSV', async ({ request, page, as }) => {
    test.slow();
    const body = `Pripomba za dnevnik ${unique('dnevnik')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'support', block: 2, body }]);

    // The moderator tags and hides it.
    await signIn(page, people.moderator);
    await page.goto(`/moderacija/pripombe/${id}`);
    await page.getByLabel('Oznake (ločene z vejicami)').fill('financiranje, e-storitve');
    expect(await submitForm(page, page.getByRole('button', { name: 'Shrani oznake' }))).toBe(303);
    await page.getByLabel('Razlog za skritje').selectOption({ label: 'žaljiva vsebina' });
    expect(await submitForm(page, page.getByRole('button', { name: 'Skrij pripombo' }))).toBe(303);
    await expect(page.getByText(texts.hiddenOffensive)).toBeVisible();

    // The comment's history on its page says the same, newest first, without JSON.
    const history = page.getByRole('region', { name: 'Zgodovina' });
    const entries = history.getByRole('listitem').filter({ has: page.locator('strong') });
    await expect(entries.first()).toContainText(/^skritje pripombe – Marko Moderator, /);
    await expect(entries.first()).toContainText('Razlog: – → žaljiva vsebina');
    await expect(history).toContainText('Oznake: – → e-storitve, financiranje');
    await expect(entries.last()).toContainText('oddaja pripombe');
    await expect(history).not.toContainText('{');

    // The administrator's log, filtered by the comment's number.
    const admin = await as('admin');
    await admin.goto('/admin/dnevnik');
    await admin.getByLabel('Pripomba (številka)').fill(`št. ${id}`);
    await admin.getByRole('button', { name: 'Filtriraj' }).click();
    await expect(admin).toHaveURL(/\/admin\/dnevnik\?.*pripomba=/);
    await expect(admin.getByLabel('Pripomba (številka)')).toHaveValue(String(id));
    const table = admin.getByRole('table', { name: 'Dnevnik dogodkov' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.locator('td:nth-child(2)')).toHaveText(['skritje pripombe', 'sprememba oznak', 'oddaja pripombe']);
    const hidden = rows.first();
    await expect(hidden.getByRole('cell').nth(2)).toContainText('Marko Moderator');
    await expect(hidden.getByRole('cell').nth(4)).toContainText('Skrita: ne → da');
    await expect(hidden.getByRole('cell').nth(4)).toContainText('Razlog: – → žaljiva vsebina');
    await expect(table).not.toContainText('"hidden"');
    await expect(rows.last().getByRole('cell').nth(2)).toContainText(people.bled);
    await expectNoAxeViolations(admin);
    // The target links to the comment's moderation page.
    await hidden.getByRole('link', { name: `pripomba št. ${id}` }).click();
    await expect(admin).toHaveURL(new RegExp(`/moderacija/pripombe/${id}$`));
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);

    // By action (chosen by its name, grouped by area) and person (part of the name).
    await admin.goto('/admin/dnevnik');
    const what = admin.getByLabel('Dejanje', { exact: true });
    await expect(what.locator('optgroup')).toHaveCount(8);
    await expect(what.locator('optgroup[label="Pripombe"] option')).toContainText(['oddaja pripombe', 'skritje pripombe']);
    await what.selectOption({ label: 'skritje pripombe' });
    await admin.getByLabel('Kdo (e-naslov ali ime)').fill('Marko');
    await admin.getByRole('button', { name: 'Filtriraj' }).click();
    await expect(admin).toHaveURL(/dejanje=comment\.hidden&izvajalec=Marko/);
    await expect(what).toHaveValue('comment.hidden');
    await expect(rows.first()).toBeVisible();
    for (const cell of await rows.locator('td:nth-child(2)').allTextContents()) expect(cell).toBe('skritje pripombe');
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toContain('moderator@posvet.test');
    await expect(rows.filter({ hasText: `pripomba št. ${id}` })).toHaveCount(1);

    // Accounts are in the log too: the administrator's own sign-in, linked to their organisation.
    await admin.goto(`/admin/dnevnik?${new URLSearchParams({ dejanje: 'login.succeeded', izvajalec: people.admin })}`);
    await expect(rows.first().getByRole('cell').nth(1)).toHaveText('prijava');
    await expect(rows.first().getByRole('link', { name: /^oseba / })).toHaveAttribute('href', /^\/admin\/organizacije\//);

    // The CSV with the page's filters.
    await admin.goto(`/admin/dnevnik?pripomba=${id}`);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Prenesi dnevnik (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^posvet-dnevnik-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parseCsv(csv.slice(1), ';');
    expect(header).toEqual(['Št. vpisa', 'Čas', 'Dejanje', 'Koda dejanja', 'Kdo', 'E-naslov', 'Predmet', 'Sprememba', 'Naslov IP']);
    expect(lines.map((l) => l[2])).toEqual(['oddaja pripombe', 'sprememba oznak', 'skritje pripombe']);
    expect(lines.every((l) => l[6] === `pripomba št. ${id}`)).toBe(true);
    expect(lines[2][7]).toBe('Skrita: ne → da; Razlog: – → žaljiva vsebina');
    expect(lines[2][1]).toMatch(/^\d{1,2}\. \d{1,2}\. \d{4} \d{1,2}\.\d{2}$/);
    await admin.context().close();
  });

  test('wrong filters are said where they were typed; the CSV is for administrators only', async ({ page, as }) => {
    const admin = await as('admin');
    await admin.goto('/admin/dnevnik?pripomba=dvanajst&od=31.%202.%202027');
    await expect(admin.getByText('Vpišite številko pripombe, na primer 12.')).toBeVisible();
    await expect(admin.getByLabel('Pripomba (številka)')).toHaveValue('dvanajst');
    await expect(admin.getByLabel('Pripomba (številka)')).toHaveAttribute('aria-invalid', 'true');
    await expect(admin.getByLabel('Od dne')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(admin);
    await admin.context().close();

    await signIn(page, people.moderator);
    expect((await page.request.get('/admin/dnevnik.csv', { maxRedirects: 0 })).status()).toBe(403);
    const anonymous = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
    expect((await anonymous.request.get('/admin/dnevnik.csv', { maxRedirects: 0 })).status()).toBe(303);
    await anonymous.close();
  });
});
