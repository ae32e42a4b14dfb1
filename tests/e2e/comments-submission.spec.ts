import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { baseURL, expect, people, signIn, test, unique } from './fixtures.ts';
import { apiComment, apiComments, apiCommentsWith, fillCommentForm, openBlockComments, postComment, pripombe, shownCount, submitOnBlockPage, texts } from './support/comments.ts';

/*
 * Commenting on a paragraph through the plain-HTML form (no JavaScript): submitting, what is
 * refused, counts, plain text and line breaks. Without JavaScript axe cannot run in the page, so
 * those pages are checked as a copy of their HTML (expectNoAxeViolationsWithoutJs).
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

// ——— without JavaScript ———
test.describe('commenting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member comments on 1.1 through the link and the plain form; the comment is public and in the API', async ({ page, request, newPage }) => {
    const body = unique('Bled brez JavaScripta: predlagamo jasnejšo navedbo virov.');
    await signIn(page, people.bled);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod');
    const link = page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' });
    await expect(link).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/uvod/1');
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
    await reader.goto('/posvetovanja/ds2030/osnutek/uvod');
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
    const path = '/posvetovanja/ds2030/osnutek/uvod/8';
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
      await page.goto('/posvetovanja/ds2030/osnutek/uvod');
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
    const path = '/posvetovanja/ds2030/osnutek/uvod/3';
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
      // The title says first that something is wrong (GOV.UK), as a screen reader announces it.
      await expect(page).toHaveTitle(/^Napaka: Pripomba k odstavku 1\.3 – Posvet$/);
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
    const path = '/posvetovanja/ds2030/osnutek/uvod/4';
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

  test('a comment is plain text: blank lines make paragraphs, web addresses become safe links', async ({ page, request }) => {
    const marker = unique('Navadno besedilo');
    const body = `Prvi odstavek ${marker}.\n\nDrugi odstavek: glej https://www.gov.si/teme/digitalna-slovenija/ in javascript:alert(1).`;
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/2', { body });
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
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/9', { body: short });
    const published = await apiComment(request, marker);
    expect(published.body, 'the API publishes the text as typed, not with CR LF').toBe(short);

    // A text of exactly 10 000 characters, 99 of them line breaks, is within the limit.
    const line = `${marker} `.padEnd(99, 'x');
    const long = `${Array(100).fill(line).join('\n')}!`;
    expect(long.length).toBe(10_000);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/9');
    await fillCommentForm(page, { body: long });
    expect(await page.getByLabel('Besedilo pripombe', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(10_000);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page.getByRole('alert'), 'a 10 000-character comment is not "too long"').toHaveCount(0);
    await expect(page).toHaveURL(/\/osnutek\/uvod\/9\?sporocilo=pripomba-oddana$/);
    const stored = (await apiCommentsWith(request, marker)).find((c) => c.body.length > 5000);
    expect(stored?.body.replace(/\r\n/g, '\n')).toBe(long);
  });

  test('a bad block or comment address is a 404', async ({ page }) => {
    for (const path of ['/posvetovanja/ds2030/osnutek/uvod/0', '/posvetovanja/ds2030/osnutek/uvod/999', '/posvetovanja/ds2030/osnutek/uvod/abc', '/posvetovanja/ds2030/osnutek/ni-takega/1', '/pripombe/abc', '/pripombe/999999999', '/pripombe/0']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
    }
  });
});
