import { transaction } from '../support/database.ts';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, test, unique } from './fixtures.ts';
import { apiComment, submitOnBlockPage } from './support/comments.ts';

/*
 * Issue 16: every published comment findable. A reader (no JavaScript) filters all comments by
 * organisation kind and published stance, pages with the filters kept, opens the organisation's page
 * and a comment's permalink; a chapter's Atom feed is linked from the chapter and reads as Atom.
 *
 * The stance is the moderators' work (another area): here it is set in this worker's database as
 * publishing leaves it.
 */

test.describe.configure({ timeout: 180_000 });

test.describe('a reader finds every published comment', () => {
  test.use({ javaScriptEnabled: false });

  test('filters by organisation kind and stance, pages, opens the organisation and the permalink', async ({ page, request, server, as }) => {
    const marker = unique('Javna pripomba Bleda');
    const bled = await as('bled', { javaScriptEnabled: false });
    await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/4', { body: `${marker}: z zavrnjenim stališčem.` });
    const answered = await apiComment(request, `${marker}: z zavrnjenim`);
    await transaction(server.databasePath, async (db) => {
      const at = new Date().toISOString();
      await db.run(`update comments set moderation_status = 'rejected', response = 'Ukrep je že v načrtu.', decided_at = ? where id = ?`, at, answered.id);
      await db.run(`insert into stances (comment_id, status, response, state, drafted_at, published_at) values (?, 'rejected', 'Ukrep je že v načrtu.', 'published', ?, ?)`, answered.id, at, at);
    });
    // A second one, after the direct write: its submission clears the cached pages, as publishing would.
    await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/4', { body: `${marker}: brez stališča.` });

    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Vse pripombe' }).click();
    await expect(page).toHaveURL(/\/pripombe$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vse pripombe');
    await expect(page.getByRole('status')).toContainText(/Najden\S* (je|sta|so) \d+ pripomb/);
    await expectNoAxeViolationsWithoutJs(page);

    const filters = page.getByRole('search', { name: 'Filtri' });
    await filters.getByLabel('Vrsta organizacije').selectOption({ label: 'občina' });
    await filters.getByLabel('Stališče ministrstva').selectOption({ label: 'ni upoštevana' });
    await filters.getByRole('button', { name: 'Prikaži' }).click();
    // Without JavaScript the form sends its empty fields too; the page reads only what is chosen.
    await expect(page).toHaveURL(/\/pripombe\?.*tip=municipality&.*stalisce=rejected/);
    const rows = page.getByRole('list', { name: 'Najdene pripombe' }).getByRole('listitem');
    const row = rows.filter({ hasText: `${marker}: z zavrnjenim stališčem.` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Stališče: ni upoštevana');
    await expect(rows.filter({ hasText: `${marker}: brez stališča.` })).toHaveCount(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('Stališče: ni upoštevana');
    // The choices stay in the form.
    await expect(filters.getByLabel('Vrsta organizacije')).toHaveValue('municipality');
    await expect(filters.getByLabel('Stališče ministrstva')).toHaveValue('rejected');

    // Every municipality's comment: more than a page; the next page keeps the filter.
    await filters.getByLabel('Stališče ministrstva').selectOption({ label: 'vse' });
    await filters.getByRole('button', { name: 'Prikaži' }).click();
    await expect(page).toHaveURL(/\/pripombe\?.*tip=municipality&.*stalisce=&/);
    await expect(rows).toHaveCount(25);
    await page.getByRole('navigation', { name: 'Strani najdenih pripomb' }).getByRole('link', { name: 'Naslednja stran →' }).click();
    // The pager's links name only what is chosen.
    await expect(page).toHaveURL(/\/pripombe\?tip=municipality&razvrsti=najnovejse&stran=2$/);
    await expect(page.getByRole('status')).toContainText('Stran 2 od');
    await expect(filters.getByLabel('Vrsta organizacije')).toHaveValue('municipality');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(/^\s*(ZMOS|SOS|ZOS)\b/);

    // The organisation's page, from the filtered list.
    await page.goto('/pripombe?tip=municipality&stalisce=rejected');
    await row.getByRole('link', { name: 'Občina Bled' }).click();
    await expect(page).toHaveURL(/\/organizacije\/bled$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Občina Bled');
    const own = page.getByRole('region', { name: /Objavljene pripombe/ });
    await expect(own).toContainText(`${marker}: z zavrnjenim stališčem.`);
    await expect(own).toContainText(`${marker}: brez stališča.`);
    await expect(page.getByRole('region', { name: /Sopodpisane pripombe/ })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);

    // And the comment's permalink, with its published stance.
    await own.getByRole('listitem').filter({ hasText: `${marker}: z zavrnjenim` }).getByRole('link', { name: `Pripomba št. ${answered.id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/pripombe/${answered.id}$`));
    await expect(page.locator('main')).toContainText(`${marker}: z zavrnjenim stališčem.`);
    await expect(page.locator('main')).toContainText('Ukrep je že v načrtu.');
  });

  test('absurd filters are dropped, never an error; the page fits a phone', async ({ page }) => {
    const response = await page.goto('/pripombe?tip=%3Cscript%3E&stalisce=x&stran=-1&posvetovanje=nobena&odstavek=1.1');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vse pripombe');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/pripombe?tip=municipality');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect((await page.request.get('/organizacije/ni-take-organizacije')).status()).toBe(404);
  });
});

test('the directory of organisations, and a chapter’s Atom feed linked from the chapter', async ({ page, request }) => {
  await page.goto('/organizacije');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sodelujoče organizacije');
  await expect(page.getByRole('table', { name: /Občine/ }).getByRole('link', { name: 'Občina Bled' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/posvetovanja/ds2030/osnutek/digitalne-javne-storitve');
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/digitalne-javne-storitve/novosti.atom');
  await expect(page.getByRole('link', { name: 'Novosti poglavja (Atom)' })).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/digitalne-javne-storitve/novosti.atom');
  const feed = await request.get('/posvetovanja/ds2030/osnutek/digitalne-javne-storitve/novosti.atom');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  expect(xml).toContain('<entry>');
  expect((await request.get('/posvetovanja/ds2030/osnutek/ni-poglavja/novosti.atom')).status()).toBe(404);
});
