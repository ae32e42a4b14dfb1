import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { apiComment, fillCommentForm, openBlockComments, recordDialogs, texts } from './support/comments.ts';

/*
 * The in-place composer (a Svelte island on the chapter page): an amendment with a live diff,
 * keyboard-only use, and markup that stays text.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('the in-place composer', () => {
  test('an amendment with a live diff preview, submitted in place, public with its diff', async ({ page, request }) => {
    const body = unique('Ljubljana predlaga natančnejši opis napredka.');
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await signIn(page, people.ljubljana);
    await page.goto('/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura');
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
    await page.goto('/posvetovanja/ds2030/osnutek/uvod');
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
    await page.goto('/posvetovanja/ds2030/osnutek/kibernetska-varnost/1');
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
    await page.goto('/posvetovanja/ds2030/osnutek/kibernetska-varnost');
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

test.describe('the plain comment form with JavaScript', () => {
  test('the comment field counts the characters left as one types, and how many are too many', async ({ page }) => {
    await signIn(page, people.bled);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/3');
    const field = page.getByLabel('Besedilo pripombe', { exact: true });
    const count = page.locator('#besedilo-stevec');
    await expect(count).toHaveText('Na voljo imate še 10.000 znakov.');
    // One character per letter, č too.
    await field.fill('Pet č');
    await expect(count).toHaveText('Na voljo imate še 9.995 znakov.');
    await field.fill('x'.repeat(10_001));
    await expect(count).toHaveText('1 znak preveč.');
    await expect(field).toHaveAccessibleDescription(/1 znak preveč\./);
  });
});
