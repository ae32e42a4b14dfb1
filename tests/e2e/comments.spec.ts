import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { baseURL, DEMO_PASSWORD, expect, people, postForm, signIn, test, unique } from './fixtures.ts';

/*
 * Comments per paragraph, end to end: the plain-HTML form (no JavaScript), the in-place composer
 * (Svelte island), drafts, withdrawal, co-signing, joint positions and the open-data API.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment; a test that counts a block's comments counts from the state it
 * found. The demo comments are only read, never changed.
 *
 * Without JavaScript axe cannot run in the page, so those pages are checked as a copy of their HTML
 * (expectNoAxeViolationsWithoutJs).
 */

const texts = {
  submitted: 'Pripomba je oddana in objavljena. Do konca posvetovanja jo lahko umaknete.',
  draftSaved: 'Pripomba je shranjena, a še ni oddana. Vidijo jo samo člani vaše organizacije.',
  withdrawn: 'Pripomba je umaknjena.',
  supportAdded: 'Vaša organizacija podpira to pripombo.',
  jointAnswered: 'Odgovor je shranjen.',
  bodyRequired: 'Vpišite besedilo pripombe.',
  errorSummary: 'Prišlo je do težave',
  signInToComment: 'Za oddajo pripombe se prijavite.',
  cannotComment: 'Pripombe oddajajo predstavniki občin in združenj. Vaša vloga ne omogoča oddaje pripomb.',
  onBehalfOf: 'Skupno stališče v imenu občin članic (neobvezno)',
  notFound: 'Strani ni mogoče najti',
};

/** Names of the demo people: the public never sees who wrote a comment, only the organisation. */
const PEOPLE = ['Ana Administratorka', 'Marko Moderator', 'Lea Novak', 'Blaž Kranjc', 'Zala Horvat', 'Simon Zupan'];
const DEMO_DRAFT = 'Osnutek pripombe (še ni oddan)';

interface ApiComment {
  id: number;
  url: string;
  chapter: string | null;
  block: string | null;
  blockKey: string | null;
  kind: 'comment' | 'amendment' | 'question';
  organisation: { name: string; kind: string; code: string };
  onBehalfOf: Array<{ name: string; code: string; confirmation: string }>;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  supporters: Array<{ name: string; code: string }>;
}

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

/** "1 pripomba", "2 pripombi", "3 pripombe", "5 pripomb" — Slovenian has four forms (also 101, 102…). */
function pripombe(n: number): string {
  const h = n % 100;
  return `${n} ${h === 1 ? 'pripomba' : h === 2 ? 'pripombi' : h === 3 || h === 4 ? 'pripombe' : 'pripomb'}`;
}

async function apiComments(request: APIRequestContext, query = ''): Promise<ApiComment[]> {
  const response = await request.get(`/api/v1/comments${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  return response.json();
}

/** Public comments (per the API) whose body or rationale contains the marker. */
async function apiCommentsWith(request: APIRequestContext, marker: string): Promise<ApiComment[]> {
  return (await apiComments(request)).filter((c) => c.body.includes(marker) || (c.rationale ?? '').includes(marker));
}

/** The one public comment with this marker. */
async function apiComment(request: APIRequestContext, marker: string): Promise<ApiComment> {
  const found = await apiCommentsWith(request, marker);
  expect(found, `exactly one public comment with "${marker}"`).toHaveLength(1);
  return found[0];
}

interface CommentInput {
  kind?: 'Pripomba' | 'Predlog spremembe besedila' | 'Vprašanje';
  body: string;
  rationale?: string;
  /** Member municipalities, for associations (short names as in the form). */
  members?: string[];
  intent?: 'submit' | 'draft';
}

/** Fills the comment form on the page as it is (block page or draft editing page). */
async function fillCommentForm(page: Page, input: CommentInput): Promise<void> {
  await page.getByRole('radio', { name: input.kind ?? 'Pripomba', exact: true }).check();
  await page.getByLabel('Besedilo pripombe', { exact: true }).fill(input.body);
  if (input.rationale !== undefined) await page.getByLabel('Obrazložitev (neobvezno)').fill(input.rationale);
  for (const member of input.members ?? []) {
    await page.getByRole('group', { name: texts.onBehalfOf }).getByLabel(member, { exact: true }).check();
  }
}

/** Opens a block's own page (the plain form), fills it and presses "Oddaj pripombo" or "Shrani za pozneje". */
async function submitOnBlockPage(page: Page, path: string, input: CommentInput): Promise<void> {
  await page.goto(path);
  await fillCommentForm(page, input);
  await page.getByRole('button', { name: input.intent === 'draft' ? 'Shrani za pozneje' : 'Oddaj pripombo' }).click();
  if (input.intent === 'draft') {
    await expect(page).toHaveURL(/\/organizacija\/pripombe\?sporocilo=osnutek-shranjen$/);
  } else {
    await expect(page).toHaveURL(new RegExp(`${path}\\?sporocilo=pripomba-oddana$`));
    await expect(page.getByRole('status')).toHaveText(texts.submitted);
  }
}

/** Posts the block form directly with the page's cookies, as the browser would (same Origin). */
function postComment(page: Page, path: string, fields: Record<string, string>) {
  return postForm(page, path, { kind: 'comment', intent: 'submit', returnTo: path, idempotencyKey: randomUUID(), ...fields });
}

/** A block of a chapter page, its comments opened (native <details>, works without JavaScript). */
async function openBlockComments(page: Page, anchor: string, number: string): Promise<Locator> {
  const block = page.locator(`#${anchor}`);
  const summary = block.locator('summary').filter({ hasText: new RegExp(`^Pripombe k odstavku ${number.replace('.', '\\.')} \\(\\d+\\)$`) });
  await summary.click();
  return block;
}

/** The number n in "Pripombe k odstavku X (n)". */
async function shownCount(block: Locator): Promise<number> {
  const text = await block.locator('summary').textContent();
  return Number(/\((\d+)\)$/.exec(text ?? '')?.[1]);
}

/**
 * axe runs in the page, so it needs JavaScript. For a page seen without JavaScript, its HTML as the
 * browser got it is checked in a JavaScript-enabled page that loads no script (no island hydrates).
 */
async function expectNoAxeViolationsWithoutJs(page: Page): Promise<void> {
  const html = await page.content();
  const target = new URL(page.url());
  const context = await page.context().browser()!.newContext({ baseURL: baseURL(), javaScriptEnabled: true });
  await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
  await context.route(
    (url) => url.pathname === target.pathname && url.search === target.search,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const copy = await context.newPage();
  await copy.goto(target.href);
  await expectNoAxeViolations(copy);
  await context.close();
}

/** Records (and dismisses) every dialog the page opens — alert, confirm, prompt; the test expects none. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

// ——— without JavaScript ————————————————————————————————————————————————————————————————————

test.describe('commenting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member comments on 1.1 through the link and the plain form; the comment is public and in the API', async ({ page, request, newPage }) => {
    const body = unique('Bled brez JavaScripta: predlagamo jasnejšo navedbo virov.');
    await signIn(page, people.bled);
    await page.goto('/osnutek/uvod');
    const link = page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' });
    await expect(link).toHaveAttribute('href', '/osnutek/uvod/1');
    await link.click();

    await expect(page).toHaveURL(/\/osnutek\/uvod\/1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pripomba k odstavku 1.1');
    await expect(page.getByText('Pripombo oddajate v imenu organizacije Občina Bled.')).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);

    await page.getByRole('radio', { name: 'Pripomba', exact: true }).check();
    await page.getByLabel('Besedilo pripombe', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page).toHaveURL(/\/osnutek\/uvod\/1\?sporocilo=pripomba-oddana$/);
    await expect(page.getByRole('status')).toHaveText(texts.submitted);
    await expectNoAxeViolationsWithoutJs(page);
    // The block page lists it under "Objavljene pripombe (n …)".
    await expect(page.getByRole('article').filter({ hasText: body })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Objavljene pripombe \(\d+ pripomb[aie]?\)$/ })).toBeVisible();

    // The public chapter page, for a reader who is not signed in.
    const reader = await newPage();
    await reader.goto('/osnutek/uvod');
    const block = await openBlockComments(reader, 'odstavek-1-1', '1.1');
    const card = block.getByRole('article').filter({ hasText: body });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { level: 4 })).toHaveText('Občina Bled');
    await expect(card).toContainText('pripomba');
    await expect(card).not.toContainText('Blaž Kranjc');
    const n = await shownCount(block);
    expect(n).toBeGreaterThanOrEqual(1);
    await expect(block.getByText(/^\d+ pripomb/)).toHaveText(pripombe(n));
    await expectNoAxeViolations(reader);
    await reader.context().close();

    const comment = await apiComment(request, body);
    expect(comment).toMatchObject({
      organisation: { name: 'Občina Bled', kind: 'municipality', code: '3' },
      chapter: 'uvod',
      block: '1.1',
      kind: 'comment',
      body,
      proposedText: null,
      onBehalfOf: [],
      supporters: [],
    });
    expect(comment.url).toBe(`${baseURL()}/pripombe/${comment.id}`);
  });

  test('the count under a block is correct Slovenian: 1 pripomba, 2 pripombi, 3 pripombe, 5 pripomb', async ({ page, request }) => {
    const marker = unique('Štetje');
    await signIn(page, people.bled);
    const path = '/osnutek/uvod/8';
    // The forms the page must use, as a person reads them.
    expect([1, 2, 3, 4, 5, 101, 102, 111].map(pripombe)).toEqual(['1 pripomba', '2 pripombi', '3 pripombe', '4 pripombe', '5 pripomb', '101 pripomba', '102 pripombi', '111 pripomb']);
    // Counted from the state this test finds (on this worker's own database, usually none): the next
    // totals that read as each of the four forms, in order (from nothing: 1, 2, 3 and 5).
    const before = (await apiComments(request, '?chapter=uvod')).filter((c) => c.block === '1.8').length;
    const totals: number[] = [];
    for (const form of ['pripomba', 'pripombi', 'pripombe', 'pripomb']) {
      let n = (totals.at(-1) ?? before) + 1;
      while (!pripombe(n).endsWith(` ${form}`)) n++;
      totals.push(n);
    }
    let made = 0;
    for (const n of totals) {
      while (before + made < n) {
        const response = await postComment(page, path, { body: `${marker} #${++made}` });
        expect(response.status()).toBe(303);
      }
      await page.goto('/osnutek/uvod');
      const block = page.locator('#odstavek-1-8');
      await expect(block.getByText(/^\d+ pripomb/)).toHaveText(pripombe(n));
      await expect(block.locator('summary')).toHaveText(`Pripombe k odstavku 1.8 (${n})`);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2, name: /^Objavljene pripombe/ })).toHaveText(`Objavljene pripombe (${pripombe(n)})`);
    }
    expect((await apiCommentsWith(request, marker)).length).toBe(made);
  });

  test('an empty or whitespace-only body is refused with an error summary, the rationale is kept, nothing is stored', async ({ page, request }) => {
    const rationale = unique('Obrazložitev brez besedila');
    await signIn(page, people.bled);
    const path = '/osnutek/uvod/3';
    const onBlock = async () => (await apiComments(request, '?chapter=uvod')).filter((c) => c.block === '1.3').length;
    const before = await onBlock();

    for (const body of ['', '   \n\t  \n ']) {
      await page.goto(path);
      await fillCommentForm(page, { body, rationale });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
        page.getByRole('button', { name: 'Oddaj pripombo' }).click(),
      ]);
      expect(response.status(), JSON.stringify(body)).toBe(400);
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading', { name: texts.errorSummary })).toBeVisible();
      const errorLink = summary.getByRole('link', { name: texts.bodyRequired });
      await expect(errorLink).toHaveAttribute('href', '#besedilo');
      const field = page.getByLabel('Besedilo pripombe', { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/Vpišite besedilo pripombe\./);
      await expect(page.getByLabel('Obrazložitev (neobvezno)')).toHaveValue(rationale);
      await expect(page.getByRole('radio', { name: 'Pripomba', exact: true })).toBeChecked();
      await expectNoAxeViolationsWithoutJs(page);
      // The summary's link leads to the field.
      await errorLink.click();
      await expect(field).toBeFocused();
    }

    expect(await apiCommentsWith(request, rationale)).toEqual([]);
    expect(await onBlock()).toBe(before);
    await page.goto('/organizacija/pripombe');
    await expect(page.locator('main')).not.toContainText(rationale);
  });

  test('submitting the same form twice stores exactly one comment', async ({ page, request }) => {
    const body = unique('Dvojni klik na Oddaj pripombo.');
    await signIn(page, people.bled);
    const path = '/osnutek/uvod/4';
    await page.goto(path);
    await fillCommentForm(page, { body });
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === path) posts.push(r.postData() ?? '');
    });
    await page.getByRole('button', { name: 'Oddaj pripombo' }).dblclick();
    await expect(page).toHaveURL(/\?sporocilo=pripomba-oddana$/);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts[0]).toContain('idempotencyKey=');

    // And once more, the very same request again (a reload of the POST, a flaky network retry).
    const again = await page.request.post(path, {
      data: posts[0],
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL() },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);

    const found = await apiCommentsWith(request, body);
    expect(found, 'one comment, however often the form is sent').toHaveLength(1);
    await page.goto(path);
    await expect(page.getByRole('article').filter({ hasText: body })).toHaveCount(1);
  });

  test('a draft is private to the organisation, can be edited and then submitted', async ({ page, request, as }) => {
    const body = unique('Osnutek Bleda o ciljih.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/osnutek/gigabitna-infrastruktura/3', { body, intent: 'draft' });
    await expect(page.getByRole('status')).toHaveText(texts.draftSaved);
    const row = page.getByRole('row').filter({ hasText: body });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('neoddana', { exact: true })).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('2.3');
    await expectNoAxeViolationsWithoutJs(page);
    const permalinkText = await row.getByRole('link', { name: /^Pripomba št\. \d+$/ }).textContent();
    const id = Number(/\d+/.exec(permalinkText!)![0]);

    // Not public: not on the chapter page, not in the API, and its permalink is a 404 to others.
    const chapter = await request.get('/osnutek/gigabitna-infrastruktura');
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
    await ljubljana.goto('/osnutek/gigabitna-infrastruktura');
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
    await submitOnBlockPage(page, '/osnutek/uvod/5', { body });
    const { id } = await apiComment(request, body);

    await page.goto(`/pripombe/${id}`);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole('button', { name: 'Umakni pripombo' }).click();
    await expect(page).toHaveURL(/\/organizacija\/pripombe\?sporocilo=pripomba-umaknjena$/);
    await expect(page.getByRole('status')).toHaveText(texts.withdrawn);
    await expect(page.getByRole('row').filter({ hasText: body }).getByText('umaknjena', { exact: true })).toBeVisible();

    expect(await apiCommentsWith(request, body)).toEqual([]);
    expect(await (await request.get('/osnutek/uvod')).text()).not.toContain(body);
    expect(await (await request.get('/osnutek/uvod/5')).text()).not.toContain(body);
    expect((await request.get(`/pripombe/${id}`)).status()).toBe(404);
    // The organisation still sees it, marked as withdrawn, with no further actions.
    await page.goto(`/pripombe/${id}`);
    await expect(page.getByText('umaknjena', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Umakni pripombo' })).toHaveCount(0);
  });

  test('an association submits a joint position; a named municipality confirms it', async ({ page, request, as, newPage }) => {
    const body = unique('Skupno stališče mestnih občin o namenu strategije.');
    await signIn(page, people.zmos);
    await page.goto('/osnutek/uvod/7');
    const group = page.getByRole('group', { name: texts.onBehalfOf });
    await expect(group.getByRole('checkbox')).toHaveCount(12);
    await expectNoAxeViolationsWithoutJs(page);
    await submitOnBlockPage(page, '/osnutek/uvod/7', { body, members: ['Ljubljana', 'Maribor'] });

    const comment = await apiComment(request, body);
    expect(comment.organisation.name).toBe('Združenje mestnih občin Slovenije');
    expect(comment.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'pending' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);

    const reader = await newPage();
    await reader.goto(`/pripombe/${comment.id}`);
    // While the named municipalities may still answer, the position says it is being agreed and
    // how many have confirmed — never that it speaks for all it names.
    await expect(reader.getByRole('heading', { level: 3 })).toHaveText(
      'Združenje mestnih občin Slovenije – ZMOS (skupno stališče v usklajevanju): potrdila ga še ni nobena od 2 navedenih občin',
    );
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še nista odgovorili/ })).toHaveText('Še nista odgovorili 2 občini: Ljubljana, Maribor');
    const confirmedBy = reader.getByRole('article').locator('p', { hasText: /^Potrdil/ });
    await expect(reader.getByRole('article')).toContainText('Maribor');
    await expect(confirmedBy.filter({ hasText: 'Ljubljana' })).toHaveCount(0); // nobody has confirmed yet
    await expectNoAxeViolations(reader);

    // Ljubljana sees it among the joint positions naming it, and confirms.
    const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
    await ljubljana.goto('/organizacija/pripombe');
    const item = ljubljana.getByRole('listitem').filter({ has: ljubljana.getByRole('link', { name: `Pripomba št. ${comment.id}`, exact: true }) });
    await expect(item).toContainText('Združenje mestnih občin Slovenije');
    await expect(item).toContainText('Vaš odgovor: še niste odgovorili');
    await expectNoAxeViolationsWithoutJs(ljubljana);
    await item.getByRole('button', { name: `Potrjujemo – Pripomba št. ${comment.id}` }).click();
    await expect(ljubljana).toHaveURL(/\/organizacija\/pripombe\?sporocilo=odgovor-shranjen$/);
    await expect(ljubljana.getByRole('status')).toHaveText(texts.jointAnswered);
    await expect(
      ljubljana.getByRole('listitem').filter({ has: ljubljana.getByRole('link', { name: `Pripomba št. ${comment.id}`, exact: true }) }),
    ).toContainText('Vaš odgovor: potrjujemo');
    await ljubljana.context().close();

    await reader.goto(`/pripombe/${comment.id}`);
    await expect(confirmedBy).toHaveText('Potrdila je 1 občina: Ljubljana');
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še ni odgovorila/ })).toHaveText('Še ni odgovorila 1 občina: Maribor');
    await expect(reader.getByRole('heading', { level: 3 })).toHaveText(
      'Združenje mestnih občin Slovenije – ZMOS (skupno stališče v usklajevanju): doslej ga je potrdila 1 od 2 navedenih občin',
    );
    await reader.context().close();
    const after = await apiComment(request, body);
    expect(after.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'confirmed' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);
  });

  test('a draft can be deleted; it is gone for good', async ({ page, request }) => {
    const body = unique('Osnutek, ki ga bomo izbrisali.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/osnutek/uvod/11', { body, intent: 'draft' });
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

  test('a comment is plain text: blank lines make paragraphs, web addresses become safe links', async ({ page, request }) => {
    const marker = unique('Navadno besedilo');
    const body = `Prvi odstavek ${marker}.\n\nDrugi odstavek: glej https://www.gov.si/teme/digitalna-slovenija/ in javascript:alert(1).`;
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/osnutek/uvod/2', { body });
    const card = page.getByRole('article').filter({ hasText: marker });
    await expect(card.getByRole('paragraph').filter({ hasText: /odstavek/ })).toHaveText([
      `Prvi odstavek ${marker}.`,
      'Drugi odstavek: glej https://www.gov.si/teme/digitalna-slovenija/ in javascript:alert(1).',
    ]);
    const link = card.getByRole('link', { name: 'https://www.gov.si/teme/digitalna-slovenija/' });
    await expect(link).toHaveAttribute('href', 'https://www.gov.si/teme/digitalna-slovenija/');
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
    await expect(card.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(await apiCommentsWith(request, marker)).toHaveLength(1);
  });

  test('a line break counts as one character, as the form and its hint count it', async ({ page, request }) => {
    // Browsers submit each line break of a textarea as CR LF; the hint ("največ 10.000 znakov") and
    // the composer's maxlength count it as one character, and so should the server.
    const marker = unique('Dolga pripomba');
    await signIn(page, people.bled);

    // A short text in two paragraphs is published as typed, with a plain line break.
    const short = `Prvi odstavek ${marker}.\n\nDrugi odstavek.`;
    await submitOnBlockPage(page, '/osnutek/uvod/9', { body: short });
    const published = await apiComment(request, marker);
    expect(published.body, 'the API publishes the text as typed, not with CR LF').toBe(short);

    // A text of exactly 10 000 characters, 99 of them line breaks, is within the limit.
    const line = `${marker} `.padEnd(99, 'x');
    const long = `${Array(100).fill(line).join('\n')}!`;
    expect(long.length).toBe(10_000);
    await page.goto('/osnutek/uvod/9');
    await fillCommentForm(page, { body: long });
    expect(await page.getByLabel('Besedilo pripombe', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(10_000);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page.getByRole('alert'), 'a 10 000-character comment is not "too long"').toHaveCount(0);
    await expect(page).toHaveURL(/\/osnutek\/uvod\/9\?sporocilo=pripomba-oddana$/);
    const stored = (await apiCommentsWith(request, marker)).find((c) => c.body.length > 5000);
    expect(stored?.body.replace(/\r\n/g, '\n')).toBe(long);
  });

  test('a bad block or comment address is a 404', async ({ page }) => {
    for (const path of ['/osnutek/uvod/0', '/osnutek/uvod/999', '/osnutek/uvod/abc', '/osnutek/ni-takega/1', '/pripombe/abc', '/pripombe/999999999', '/pripombe/0']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
    }
  });
});

// ——— what others may not do ——————————————————————————————————————————————————————————————

test.describe('refused actions', () => {
  test('another organisation cannot withdraw, delete or edit; a cross-site post and naming non-members are refused', async ({ page, request, as }) => {
    const marker = unique('Varnost');
    await signIn(page, people.bled);
    const path = '/osnutek/uvod/10';
    expect((await postComment(page, path, { body: `${marker} oddana` })).status()).toBe(303);
    const draft = await postComment(page, path, { body: `${marker} osnutek`, intent: 'draft' });
    expect(draft.headers().location).toBe('/organizacija/pripombe?sporocilo=osnutek-shranjen');
    const { id } = await apiComment(request, `${marker} oddana`);
    await page.goto('/organizacija/pripombe');
    const draftLink = page.getByRole('row').filter({ hasText: `${marker} osnutek` }).getByRole('link', { name: /^Pripomba št\. \d+$/ });
    const draftId = Number(/\d+/.exec((await draftLink.textContent())!)![0]);

    const ljubljana = await as('ljubljana');
    const post = (target: string, form: Record<string, string>) => postForm(ljubljana, target, form);
    const withdraw = await post(`/pripombe/${id}`, { intent: 'withdraw' });
    expect(withdraw.status()).toBe(403);
    expect(await withdraw.text()).toContain('Tega dejanja ne smete izvesti.');
    // Another organisation's draft does not exist for Ljubljana: 404, as for a GET — not a server error.
    expect((await post(`/pripombe/${draftId}`, { intent: 'delete' })).status(), 'POST to a draft of another organisation').toBe(404);
    expect((await post('/pripombe/999999999', { intent: 'support' })).status(), 'POST to a comment that does not exist').toBe(404);
    expect((await post(`/pripombe/${draftId}/uredi`, { kind: 'comment', body: `${marker} prevzeto`, intent: 'submit' })).status()).toBe(404);
    const ownSupport = await postForm(page, `/pripombe/${id}`, { intent: 'support' });
    expect(ownSupport.status()).toBe(409);

    // Ljubljana replaying the idempotency key of Bled's form neither takes over nor duplicates it.
    const bledKey = randomUUID();
    expect((await postComment(page, path, { body: `${marker} s ključem`, idempotencyKey: bledKey })).status()).toBe(303);
    const replay = await post(path, { kind: 'comment', body: `${marker} ponovljen ključ`, intent: 'submit', idempotencyKey: bledKey });
    expect(replay.status()).toBe(409);
    expect(await replay.text()).toContain('Obrazec je bil že uporabljen. Osvežite stran in poskusite znova.');
    await ljubljana.context().close();

    // The return address is always a path on this site.
    for (const returnTo of ['https://napadalec.example/', '//napadalec.example/', '/\\napadalec.example/']) {
      const response = await postComment(page, path, { body: `${marker} preusmeritev`, returnTo });
      expect(response.status(), returnTo).toBe(303);
      expect(response.headers().location, returnTo).toMatch(/^\/(?![\/\\])/);
    }

    // A form posted from another site with Bled's session is refused.
    const forged = await postForm(page, path, { kind: 'comment', body: `${marker} ponarejena`, intent: 'submit' }, { Origin: 'https://napadalec.example' });
    expect(forged.status()).toBe(403);

    // An association may speak only for its own members (Bled, id 3, is not in people.zmos).
    const zmos = await as('zmos');
    const joint = await postComment(zmos, path, { body: `${marker} zmos`, 'onBehalfOf.3': '1' });
    expect(joint.status()).toBe(400);
    expect(await joint.text()).toContain('Izbrane so lahko le občine, ki so članice vašega združenja.');
    await zmos.context().close();

    const left = (await apiCommentsWith(request, marker)).map((c) => c.body);
    expect(left.filter((b) => !b.endsWith('preusmeritev'))).toEqual([`${marker} oddana`, `${marker} s ključem`]);
    await page.goto('/organizacija/pripombe');
    await expect(page.getByRole('row').filter({ hasText: `${marker} osnutek` }).getByText('neoddana', { exact: true })).toBeVisible();
    await page.goto(`/pripombe/${id}`);
    await expect(page.locator('p', { hasText: /^Podpir/ })).toHaveCount(0);
  });
});

// ——— with JavaScript: the in-place composer ——————————————————————————————————————————————————

test.describe('the in-place composer', () => {
  test('an amendment with a live diff preview, submitted in place, public with its diff', async ({ page, request }) => {
    const body = unique('Ljubljana predlaga natančnejši opis napredka.');
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await signIn(page, people.ljubljana);
    await page.goto('/osnutek/gigabitna-infrastruktura');
    const block = page.locator('#odstavek-2-1');
    // The island hydrates when it comes into view (client:visible); until then it is the plain link.
    await block.getByText('Komentiraj odstavek 2.1').scrollIntoViewIfNeeded();
    const toggle = block.getByRole('button', { name: 'Komentiraj odstavek 2.1' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const composer = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    const bodyField = composer.getByLabel('Besedilo pripombe', { exact: true });
    await expect(bodyField).toBeFocused();
    await expect(composer.getByText('Pripombo oddajate v imenu organizacije Mestna občina Ljubljana.')).toBeVisible();

    await composer.getByRole('radio', { name: 'Predlog spremembe besedila' }).check();
    const proposed = composer.getByLabel('Predlagano besedilo odstavka');
    const blockText = (await block.locator('.block__text').innerText()).replace(/\s+/g, ' ').trim();
    await expect(proposed).toHaveValue(blockText);
    await expect(composer.getByText('Predlagano besedilo je enako aktualnemu.')).toBeVisible();

    expect(blockText).toContain('pomembno napredovala');
    await proposed.fill(blockText.replace('pomembno napredovala', 'izjemno hitro napredovala'));
    await expect(composer.getByText('Prikaz sprememb', { exact: true })).toBeVisible();
    await expect(composer.locator('del')).toContainText(['pomembno']);
    await expect.poll(async () => (await composer.locator('ins').allTextContents()).join(' ')).toMatch(/izjemno.*hitro/);
    await expect(composer.locator('ins').first()).toContainText('dodano'); // said by screen readers
    await bodyField.fill(body);
    await expectNoAxeViolations(page);

    await composer.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page).toHaveURL(/\/osnutek\/gigabitna-infrastruktura\?odstavek=odstavek-2-1&sporocilo=pripomba-oddana#odstavek-2-1$/);
    await expect(page.getByRole('status')).toHaveText(texts.submitted);
    await expect(page.locator('#odstavek-2-1')).toBeInViewport();
    // The confirmation must be where the person is looking, not above the block at the top of the page.
    await expect(page.getByRole('status'), 'the success message is in view after returning to the block').toBeInViewport();
    // The islands ran under the content security policy without a single violation.
    expect(consoleErrors).toEqual([]);

    const comment = await apiComment(request, body);
    expect(comment).toMatchObject({
      kind: 'amendment',
      block: '2.1',
      chapter: 'gigabitna-infrastruktura',
      organisation: { name: 'Mestna občina Ljubljana' },
      proposedText: blockText.replace('pomembno napredovala', 'izjemno hitro napredovala'),
    });

    // The permalink, for anyone: the quote, the body and the tracked changes.
    const response = await request.get(`/pripombe/${comment.id}`);
    expect(response.status()).toBe(200);
    await page.goto(`/pripombe/${comment.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pripomba št. ${comment.id} k odstavku 2.1`);
    const card = page.getByRole('article');
    await expect(card).toContainText(body);
    await expect(card.getByText('predlog spremembe', { exact: true })).toBeVisible();
    const proposal = card.getByRole('region', { name: 'Predlagana sprememba' });
    await expect(proposal.locator('del')).toContainText(['pomembno']);
    await expect.poll(async () => (await proposal.locator('ins').allTextContents()).join(' ')).toMatch(/izjemno.*hitro/);
    await expectNoAxeViolations(page);
  });

  test('keyboard only: Tab to the composer, Enter, type, Tab to "Oddaj pripombo", Enter', async ({ page, request }) => {
    const body = unique('Vpisano samo s tipkovnico.');
    await signIn(page, people.sos);
    await page.goto('/osnutek/uvod');
    const block = page.locator('#odstavek-1-1');
    const toggle = block.getByRole('button', { name: 'Komentiraj odstavek 1.1' });

    const tabTo = async (target: Locator, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((el) => el === document.activeElement)) return;
      }
      throw new Error(`Tab never reached ${target}`);
    };
    // Tabbing to the block number scrolls the block into view, where its composer hydrates
    // (client:visible); a person takes a moment before the next Tab, so we wait for that too.
    await tabTo(block.getByRole('link', { name: 'Odstavek 1.1', exact: true }));
    await expect(toggle).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const composer = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await expect(composer.getByLabel('Besedilo pripombe', { exact: true })).toBeFocused();
    // "Prekliči" closes the form and gives focus back to the button; Enter opens it again.
    await tabTo(composer.getByRole('button', { name: 'Prekliči' }), 10);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(composer).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(composer.getByLabel('Besedilo pripombe', { exact: true })).toBeFocused();
    await page.keyboard.type(body);
    const submit = composer.getByRole('button', { name: 'Oddaj pripombo' });
    await tabTo(submit, 10);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/osnutek\/uvod\?odstavek=odstavek-1-1&sporocilo=pripomba-oddana#odstavek-1-1$/);
    await expect(page.getByRole('status')).toHaveText(texts.submitted);

    const comment = await apiComment(request, body);
    expect(comment).toMatchObject({ body, kind: 'comment', block: '1.1', organisation: { name: 'Skupnost občin Slovenije' } });
  });

  test('markup in a comment is shown as text everywhere and never runs', async ({ page, request, newPage }) => {
    const marker = unique('XSS');
    const body = `<img src=x onerror=alert(1)> ${marker} <script>alert(2)</script>`;
    const rationale = `=1+1 "navednice" <svg onload=alert(3)> ${marker}`;
    const dialogs = recordDialogs(page);
    await signIn(page, people.bled);
    await page.goto('/osnutek/kibernetska-varnost/1');
    await fillCommentForm(page, { body, rationale });
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page).toHaveURL(/\?sporocilo=pripomba-oddana$/);

    const noInjectedMarkup = async (where: Page) => {
      expect(await where.locator('img[src="x"], svg[onload]').count()).toBe(0);
      expect(await where.evaluate(() => [...document.scripts].some((s) => (s.textContent ?? '').includes('alert('))), 'no injected script').toBe(false);
    };

    await expect(page.getByRole('article').filter({ hasText: marker })).toContainText(body);
    await noInjectedMarkup(page);

    // The chapter page (with the composer islands running) and the permalink, also for a reader.
    await page.goto('/osnutek/kibernetska-varnost');
    const block = await openBlockComments(page, 'odstavek-7-1', '7.1');
    const card = block.getByRole('article').filter({ hasText: marker });
    await expect(card).toContainText(body);
    await expect(card).toContainText(rationale);
    await noInjectedMarkup(page);

    const comment = await apiComment(request, marker);
    const reader = await newPage();
    const readerDialogs = recordDialogs(reader);
    await reader.goto(`/pripombe/${comment.id}`);
    await expect(reader.getByRole('article')).toContainText(body);
    await expect(reader.getByRole('article')).toContainText(rationale);
    await noInjectedMarkup(reader);
    await reader.context().close();

    // Open data: the literal strings, in JSON and in a quoted CSV cell.
    expect(comment.body).toBe(body);
    expect(comment.rationale).toBe(rationale);
    const csv = await request.get('/api/v1/comments?format=csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(`,"${body}",`);
    // A cell a spreadsheet would read as a formula is defused with an apostrophe; quotes are doubled.
    expect(text).toContain(`,"'=1+1 ""navednice"" <svg onload=alert(3)> ${marker}",`);

    expect(dialogs).toEqual([]);
    expect(readerDialogs).toEqual([]);
  });
});

// ——— co-signing ————————————————————————————————————————————————————————————————————————————

test.describe('co-signing', () => {
  test('another organisation supports a comment with "Podpiramo"; the author and readers cannot', async ({ page, request, as, newPage }) => {
    const body = unique('Pripomba Bleda, ki jo bo podprla Ljubljana.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/osnutek/uvod/6', { body });
    const { id } = await apiComment(request, body);

    const ljubljana = await as('ljubljana');
    await ljubljana.goto(`/pripombe/${id}`);
    await expectNoAxeViolations(ljubljana);
    await ljubljana.getByRole('button', { name: `Podpiramo pripombo št. ${id}` }).click();
    await expect(ljubljana).toHaveURL(new RegExp(`/pripombe/${id}\\?sporocilo=podpora-dodana$`));
    await expect(ljubljana.getByRole('status')).toHaveText(texts.supportAdded);
    await expect(ljubljana.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(ljubljana.getByRole('button', { name: 'Umakni podporo' })).toBeVisible();
    await expect(ljubljana.getByRole('button', { name: /Podpiramo/ })).toHaveCount(0);
    await ljubljana.context().close();

    const comment = await apiComment(request, body);
    expect(comment.supporters).toEqual([{ name: 'Mestna občina Ljubljana', code: '61' }]);

    // The author's organisation: no "Podpiramo" on its own comment, but it may withdraw it.
    await page.goto(`/pripombe/${id}`);
    await expect(page.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(page.getByRole('button', { name: /Podpiramo/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Umakni pripombo' })).toBeVisible();
    await page.goto('/osnutek/uvod/6');
    await expect(page.getByRole('article').filter({ hasText: body }).getByRole('button')).toHaveCount(0);

    // A reader: the supporters, no buttons.
    const reader = await newPage();
    await reader.goto(`/pripombe/${id}`);
    await expect(reader.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(reader.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(reader);

    // Two supporters read "2 podpori" (the demo comment of Ljubljana is supported by Bled and people.zmos).
    const demo = (await apiComments(request, '?chapter=gigabitna-infrastruktura')).find((c) => c.blockKey === 'vloga-obcin-gigabit')!;
    await reader.goto(`/pripombe/${demo.id}`);
    await expect(reader.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpirata jo 2 organizaciji: Občina Bled, Združenje mestnih občin Slovenije');
    await reader.context().close();

    // Ljubljana takes its support back.
    const again = await as('ljubljana', { javaScriptEnabled: false });
    await again.goto(`/pripombe/${id}`);
    await again.getByRole('button', { name: 'Umakni podporo' }).click();
    await expect(again.getByRole('status')).toHaveText('Podpora je umaknjena.');
    await expect(again.locator('p', { hasText: /^Podpir/ })).toHaveCount(0);
    await expect(again.getByRole('button', { name: `Podpiramo pripombo št. ${id}` })).toBeVisible();
    await again.context().close();
    expect((await apiComment(request, body)).supporters).toEqual([]);
  });
});

// ——— who may comment ————————————————————————————————————————————————————————————————————————

test.describe('readers and roles that cannot comment', () => {
  test('an anonymous reader gets no script, a link to the block page, and an invitation to sign in', async ({ page, request }) => {
    await page.goto('/');
    const chapters = await page.locator('main a[href^="/osnutek/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(chapters.length).toBeGreaterThanOrEqual(8);
    for (const href of chapters) {
      const html = await (await request.get(href)).text();
      expect(html, href).not.toContain('<script');
      expect(html, href).not.toContain('<astro-island');
      expect(html, href).toContain('Komentiraj odstavek');
    }

    await page.goto('/osnutek/uvod');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('astro-island').count()).toBe(0);
    const link = page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' });
    await expect(link).toHaveAttribute('href', '/osnutek/uvod/1');
    await expect(page.getByRole('button', { name: /^Komentiraj odstavek/ })).toHaveCount(0);

    await link.click();
    await expect(page).toHaveURL(/\/osnutek\/uvod\/1$/);
    await expect(page.getByText(texts.signInToComment)).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Oddaj pripombo' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // A post without a session is sent to sign in and stores nothing.
    const marker = unique('Anonimna pripomba');
    const response = await postForm(request, '/osnutek/uvod/1', { kind: 'comment', body: marker, intent: 'submit' });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe('/prijava?vrnitev=%2Fosnutek%2Fuvod%2F1');
    expect(await apiCommentsWith(request, marker)).toEqual([]);

    // The sign-in link brings the member back to the block, now with the form.
    await page.getByRole('link', { name: 'Prijava za predstavnike občin in združenj' }).click();
    await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fosnutek%2Fuvod%2F1$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('E-naslov').fill(people.bled);
    await page.getByLabel('Geslo', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Prijava', exact: true }).click();
    await expect(page).toHaveURL(/\/osnutek\/uvod\/1$/);
    await expect(page.getByLabel('Besedilo pripombe', { exact: true })).toBeVisible();
  });

  test('a moderator reads but is told that comments come from municipalities and associations', async ({ page }) => {
    await signIn(page, people.moderator);
    await page.goto('/osnutek/uvod/1');
    await expect(page.getByText(texts.cannotComment)).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Oddaj pripombo' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto('/osnutek/uvod');
    await expect(page.getByRole('button', { name: /^Komentiraj odstavek/ })).toHaveCount(0);
    await expect(page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' })).toHaveAttribute('href', '/osnutek/uvod/1');
    await expect(page.getByRole('button', { name: /^Podpiramo/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

// ——— open data ————————————————————————————————————————————————————————————————————————————

test.describe('the open-data API', () => {
  test('filters, refuses bad queries in Slovenian, and never leaks people or drafts', async ({ request }) => {
    const bad = await request.get('/api/v1/comments?status=bogus');
    expect(bad.status()).toBe(400);
    expect(bad.headers()['content-type']).toContain('application/json');
    const error = await bad.json();
    expect(error.error).toBe('Neveljavna poizvedba: neveljavna vrednost parametra status.');

    for (const query of ['?chapter=Ne%20Velja', '?format=xml', '?organisation=%3Cscript%3E']) {
      const response = await request.get(`/api/v1/comments${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error, query).toMatch(/^Neveljavna poizvedba/);
    }

    const all = await apiComments(request);
    const gigabit = await apiComments(request, '?chapter=gigabitna-infrastruktura');
    expect(gigabit.length).toBeGreaterThanOrEqual(1);
    expect(gigabit.length).toBeLessThan(all.length);
    for (const c of gigabit) expect(c.chapter).toBe('gigabitna-infrastruktura');
    expect(gigabit.map((c) => c.blockKey)).toContain('vloga-obcin-gigabit');
    const bled = await apiComments(request, '?organisation=3');
    expect(bled.length).toBeGreaterThanOrEqual(1);
    for (const c of bled) expect(c.organisation.name).toBe('Občina Bled');
    expect(await apiComments(request, '?chapter=ni-takega-poglavja')).toEqual([]);

    const json = await (await request.get('/api/v1/comments')).text();
    const csv = await (await request.get('/api/v1/comments?format=csv')).text();
    for (const [label, text] of [['json', json], ['csv', csv]] as const) {
      expect(text, label).not.toContain('@posvet.test');
      for (const name of PEOPLE) expect(text, `${label}: ${name}`).not.toContain(name);
      expect(text, label).not.toContain(DEMO_DRAFT);
    }
    // A BOM for spreadsheets, then a header of quoted column names.
    expect(csv.startsWith('\uFEFF"id","url",')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0].split(',');
    for (const column of ['chapter', 'block', 'kind', 'organisation', 'onBehalfOf', 'body', 'proposedText', 'rationale', 'supporters']) {
      expect(header).toContain(`"${column}"`);
    }
  });
});
