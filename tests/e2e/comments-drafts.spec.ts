import { expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { apiComment, apiCommentsWith, submitOnBlockPage, texts } from './support/comments.ts';

/*
 * Drafts and withdrawal: a draft is private to its organisation until it is submitted or deleted;
 * a submitted comment can be withdrawn. Plain HTML, no JavaScript.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('commenting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a draft is private to the organisation, can be edited and then submitted', async ({ page, request, as }) => {
    const body = unique('Osnutek Bleda o ciljih.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura/3', { body, intent: 'draft' });
    await expect(page.getByRole('status')).toHaveText(texts.draftSaved);
    const row = page.getByRole('row').filter({ hasText: body });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('neoddana', { exact: true })).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('2.3');
    await expectNoAxeViolationsWithoutJs(page);
    const permalinkText = await row.getByRole('link', { name: /^Pripomba št\. \d+$/ }).textContent();
    const id = Number(/\d+/.exec(permalinkText!)![0]);

    // Not public: not on the chapter page, not in the API, and its permalink is a 404 to others.
    const chapter = await request.get('/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura');
    expect(await chapter.text()).not.toContain(body);
    expect(await apiCommentsWith(request, body)).toEqual([]);
    expect((await request.get(`/pripombe/${id}`)).status()).toBe(404);
    const csv = await request.get('/api/v1/comments?format=csv');
    expect(await csv.text()).not.toContain(body);

    const ljubljana = await as('ljubljana');
    for (const path of [`/pripombe/${id}`, `/pripombe/${id}/uredi`]) {
      const response = await ljubljana.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(ljubljana.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
      await expect(ljubljana.locator('body')).not.toContainText(body);
    }
    await ljubljana.goto('/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura');
    await expect(ljubljana.locator('body')).not.toContainText(body);
    await ljubljana.context().close();

    // The organisation sees it on its permalink, marked as a draft.
    await page.goto(`/pripombe/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pripomba št. ${id} k odstavku 2.3`);
    await expect(page.getByText('neoddana', { exact: true })).toBeVisible();
    await expect(page.locator('main')).toContainText(body);
    await expectNoAxeViolationsWithoutJs(page);

    // Edit it, then submit it.
    await page.goto('/organizacija/pripombe');
    await page.getByRole('row').filter({ hasText: body }).getByRole('link', { name: /^Uredi/ }).click();
    await expect(page).toHaveURL(new RegExp(`/pripombe/${id}/uredi$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Urejanje neoddane pripombe št. ${id}`);
    await expect(page.getByLabel('Besedilo pripombe', { exact: true })).toHaveValue(body);
    await expectNoAxeViolationsWithoutJs(page);
    const edited = `${body} Dopolnjeno po posvetu z županom.`;
    await page.getByLabel('Besedilo pripombe', { exact: true }).fill(edited);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page).toHaveURL(new RegExp(`/pripombe/${id}\\?sporocilo=pripomba-oddana$`));
    await expect(page.getByRole('status')).toHaveText(texts.submitted);
    await expect(page.getByRole('article').filter({ hasText: edited })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);

    const comment = await apiComment(request, body);
    expect(comment).toMatchObject({ id, body: edited, block: '2.3', organisation: { name: 'Občina Bled' } });
    expect((await request.get(`/pripombe/${id}`)).status()).toBe(200);
    await page.goto('/organizacija/pripombe');
    await expect(page.getByRole('row').filter({ hasText: body }).getByText('oddana', { exact: true })).toBeVisible();
  });

  test('a submitted comment can be withdrawn; it leaves the chapter and the API', async ({ page, request }) => {
    const body = unique('Pripomba, ki jo bomo umaknili.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/5', { body });
    const { id } = await apiComment(request, body);

    await page.goto(`/pripombe/${id}`);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole('link', { name: 'Umakni pripombo' }).click();
    await expect(page).toHaveURL(new RegExp(`/pripombe/${id}/umik$`));
    await page.getByRole('button', { name: 'Umakni pripombo' }).click();
    await expect(page).toHaveURL(/\/organizacija\/pripombe\?sporocilo=pripomba-umaknjena$/);
    await expect(page.getByRole('status')).toHaveText(texts.withdrawn);
    await expect(page.getByRole('row').filter({ hasText: body }).getByText('umaknjena', { exact: true })).toBeVisible();

    expect(await apiCommentsWith(request, body)).toEqual([]);
    expect(await (await request.get('/posvetovanja/ds2030/osnutek/uvod')).text()).not.toContain(body);
    expect(await (await request.get('/posvetovanja/ds2030/osnutek/uvod/5')).text()).not.toContain(body);
    // Its permalink stays, for the record: it says it was withdrawn (tests/e2e/comments-withdrawal.spec.ts).
    const permalink = await request.get(`/pripombe/${id}`);
    expect(permalink.status()).toBe(200);
    expect(await permalink.text()).toContain('Organizacija Občina Bled je pripombo umaknila');
    // The organisation still sees it, marked as withdrawn, with no further actions.
    await page.goto(`/pripombe/${id}`);
    await expect(page.getByText('umaknjena', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Umakni pripombo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Umakni pripombo' })).toHaveCount(0);
  });

  test('a draft can be deleted; it is gone for good', async ({ page, request }) => {
    const body = unique('Osnutek, ki ga bomo izbrisali.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/11', { body, intent: 'draft' });
    const link = page.getByRole('row').filter({ hasText: body }).getByRole('link', { name: /^Pripomba št\. \d+$/ });
    const id = Number(/\d+/.exec((await link.textContent())!)![0]);
    await link.click();
    // A second tab (or a colleague) still has the draft open.
    const stale = await page.context().newPage();
    await stale.goto(`/pripombe/${id}`);
    await page.getByRole('button', { name: 'Izbriši neoddano pripombo' }).click();
    await expect(page).toHaveURL(/\/organizacija\/pripombe\?sporocilo=osnutek-izbrisan$/);
    await expect(page.getByRole('status')).toHaveText('Neoddana pripomba je izbrisana.');
    await expect(page.getByRole('row').filter({ hasText: body })).toHaveCount(0);

    // Deleting it again from the stale tab: the draft is gone, which is a 404 — not a server error.
    const [again] = await Promise.all([
      stale.waitForResponse((r) => r.request().method() === 'POST'),
      stale.getByRole('button', { name: 'Izbriši neoddano pripombo' }).click(),
    ]);
    expect(again.status(), 'deleting an already deleted draft').toBe(404);
    await expect(stale.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
    await stale.close();
    expect((await page.goto(`/pripombe/${id}`))?.status()).toBe(404);
    expect((await page.goto(`/pripombe/${id}/uredi`))?.status()).toBe(404);
    expect(await apiCommentsWith(request, body)).toEqual([]);
  });
});
