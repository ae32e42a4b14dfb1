import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, submitForm, test, unique } from './fixtures.ts';
import { texts, CHAPTERS, apiComments, apiComment, submitAsBled, queue, filterQueue, expectChanged } from './support/moderation.ts';

/*
 * Moderation: who may moderate, and the moderators' queue with its filters, bulk actions and
 * keyboard shortcuts.
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts). Every test first has Občina Bled
 * submit its own comments with a unique marker (through the plain, no-JavaScript form) and then acts
 * on exactly those.
 */

// ——— access ———
test.describe('access', () => {
  test('an anonymous visitor is sent to sign in and, as a moderator, comes back to the queue', async ({ page, request }) => {
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika', '/moderacija/pripombe/1']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(303);
      expect(response.headers().location, path).toMatch(new RegExp(`/prijava\\?vrnitev=${encodeURIComponent(path).replace(/[.?]/g, '\\$&')}$`));
    }
    await page.goto('/moderacija');
    await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fmoderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.signIn);
    await signIn(page, people.moderator);
    await expect(page).toHaveURL(/\/moderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.moderation);
  });

  test('a municipality member is refused every moderation page and action with 403', async ({ request, page, as }) => {
    const body = `Pripomba za preizkus dostopa ${unique('dostop')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 5, body }]);
    await signIn(page, people.bled);
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika', `/moderacija/pripombe/${id}`, '/admin/dnevnik']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(texts.forbidden);
    }
    await expectNoAxeViolations(page);

    // Posting the bulk form or a decision directly changes nothing.
    const bulk = await postForm(page, '/moderacija', { [`select.${id}`]: '1', bulk: 'in_review' });
    expect(bulk.status()).toBe(403);
    const decision = await postForm(page, `/moderacija/pripombe/${id}`, { intent: 'draft', status: 'accepted', response: 'Ne bi smelo biti shranjeno.' });
    expect(decision.status()).toBe(403);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new', response: null });
  });

  test('moderators may moderate but not read the audit log; administrators may do both', async ({ page, as }) => {
    await signIn(page, people.moderator);
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika']) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
    const log = await page.goto('/admin/dnevnik');
    expect(log?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.forbidden);

    const admin = await as('admin');
    expect((await admin.goto('/moderacija'))?.status()).toBe(200);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(texts.moderation);
    expect((await admin.goto('/admin/dnevnik'))?.status()).toBe(200);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Dnevnik dogodkov');
    await expectNoAxeViolations(admin);
    await admin.context().close();
  });
});

// ——— the queue ———
test.describe('the queue', () => {
  test('finds a new comment by its text and status, keeps the filters, and narrows by chapter, block, kind and organisation', async ({ request, page, as }) => {
    const marker = unique('triaza');
    const body = `Ali bodo občine lahko sodelovale v vozliščih za digitalne inovacije? ${marker}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 1, body, kind: 'Vprašanje' }]);

    await signIn(page, people.moderator);
    await filterQueue(page, marker, (filters) => filters.getByLabel('Stanje').selectOption({ label: 'nova' }).then(() => {}));
    const q = queue(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('text')).toBe(marker);
    expect(url.searchParams.get('status')).toBe('new');
    // The filters stay in the form.
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue(marker);
    await expect(q.filters.getByLabel('Stanje')).toHaveValue('new');
    await expect(q.count).toHaveText('Najdena je 1 pripomba.');
    await expect(q.rows).toHaveCount(1);
    const row = q.row(marker);
    const link = row.getByRole('link', { name: body });
    await expect(link).toHaveAttribute('href', `/moderacija/pripombe/${id}`);
    await expect(row.getByRole('cell')).toHaveText(['', body, '4.1', 'Občina Bled', 'vprašanje', 'nova', 'brez stališča', '–', /^\d{1,2}\.\s\d{1,2}\.\s\d{4}$/]);
    await expect(row.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true })).not.toBeChecked();
    await expectNoAxeViolations(page);

    // Each further filter narrows: the comment is found when it matches and not when it doesn't.
    const bled = await q.filters.getByLabel('Organizacija', { exact: true }).locator('option', { hasText: /^Občina Bled$/ }).getAttribute('value');
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ chapter: CHAPTERS.economy.slug }, true],
      [{ chapter: CHAPTERS.society.slug }, false],
      [{ block: '4.1' }, true],
      [{ block: '4.2' }, false],
      [{ kind: 'question' }, true],
      [{ kind: 'comment' }, false],
      [{ orgKind: 'municipality' }, true],
      [{ orgKind: 'association' }, false],
      [{ organisation: bled! }, true],
      [{ status: 'in_review' }, false],
      [{ hidden: '1' }, false],
      [{ chapter: CHAPTERS.economy.slug, block: '4.1', kind: 'question', orgKind: 'municipality', organisation: bled!, status: 'new' }, true],
    ];
    for (const [filter, found] of cases) {
      const params = new URLSearchParams({ text: marker, ...filter });
      await page.goto(`/moderacija?${params}`);
      const label = JSON.stringify(filter);
      if (found) {
        await expect(q.count, label).toHaveText('Najdena je 1 pripomba.');
        await expect(q.row(marker), label).toHaveCount(1);
      } else {
        await expect(q.count, label).toHaveText('Najdenih je 0 pripomb.');
        await expect(page.getByText(texts.empty), label).toBeVisible();
        await expect(q.rows, label).toHaveCount(0);
      }
    }
    // The last combination is shown in the form as chosen.
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker, chapter: CHAPTERS.economy.slug, block: '4.1', kind: 'question', orgKind: 'municipality', organisation: bled!, status: 'new' })}`);
    await expect(q.filters.getByLabel('Poglavje')).toHaveValue(CHAPTERS.economy.slug);
    await expect(q.filters.getByLabel('Odstavek (npr. 3.14)')).toHaveValue('4.1');
    await expect(q.filters.getByLabel('Vrsta pripombe')).toHaveValue('question');
    await expect(q.filters.getByLabel('Vrsta organizacije')).toHaveValue('municipality');
    await expect(q.filters.getByLabel('Organizacija', { exact: true })).toHaveValue(bled!);

    // The row opens the comment's moderation page.
    await q.row(marker).getByRole('link', { name: body }).click();
    await expect(page).toHaveURL(new RegExp(`/moderacija/pripombe/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);

    // "Počisti filtre" goes back to the whole queue of the same consultation.
    await page.goto(`/moderacija?text=${marker}`);
    await q.filters.getByRole('link', { name: 'Počisti filtre' }).click();
    await expect(page).toHaveURL(/\/moderacija\?posvetovanje=ds2030$/);
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue('');
  });

  test('bulk actions tag and put in review exactly the selected comments', async ({ request, page, as }) => {
    const marker = unique('mnozicno');
    const tag = unique('test');
    const bodies = [`Prva pripomba za množično obravnavo ${marker}`, `Druga pripomba za množično obravnavo ${marker}`, `Tretja, neizbrana pripomba ${marker}`];
    const ids = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'economy', block: 2, body: bodies[0] },
      { chapter: 'economy', block: 3, body: bodies[1] },
      { chapter: 'economy', block: 3, body: bodies[2] },
    ]);

    await signIn(page, people.moderator);
    await filterQueue(page, marker);
    const q = queue(page);
    await expect(q.count).toHaveText('Najdene so 3 pripombe.');
    const filtered = page.url();

    // Nothing selected: 400 and an explanation, the filters kept.
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Dodaj oznako' });
    await q.bulk.getByLabel('Oznaka').fill(tag);
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(400);
    await expect(page.getByRole('alert')).toContainText(texts.errorSummary);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.nothingSelected);
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue(marker);
    await expect(q.rows).toHaveCount(3);
    await expectNoAxeViolations(page);

    // Tag two of the three.
    await page.goto(filtered);
    for (const id of ids.slice(0, 2)) await page.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true }).check();
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Dodaj oznako' });
    await q.bulk.getByLabel('Oznaka').fill(tag);
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(303);
    await expect(page).toHaveURL(/[?&]spremenjeno=2$/);
    expect(new URL(page.url()).searchParams.get('text')).toBe(marker);
    await expectChanged(page, 2);
    for (const body of bodies.slice(0, 2)) await expect(q.row(body).locator('.tag', { hasText: tag })).toHaveText(tag);
    await expect(q.row(bodies[2]).locator('.tag', { hasText: tag })).toHaveCount(0);

    // The tag filter finds exactly those two.
    await page.goto('/moderacija');
    await q.filters.getByLabel('Oznaka').selectOption(tag);
    await q.filters.getByRole('button', { name: 'Uporabi filtre' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}(&|$)`));
    await expect(q.filters.getByLabel('Oznaka')).toHaveValue(tag);
    await expect(q.count).toHaveText('Najdeni sta 2 pripombi.');
    await expect(q.rows.locator('[data-queue-link]')).toHaveText([bodies[1], bodies[0]]);

    // Put the two in review.
    for (const id of ids.slice(0, 2)) await page.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true }).check();
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Označi „v obravnavi“' });
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(303);
    await expect(page).toHaveURL(/[?&]spremenjeno=2$/);
    await expectChanged(page, 2);
    for (const body of bodies.slice(0, 2)) await expect(q.row(body).getByRole('cell').nth(5)).toHaveText('v obravnavi');

    await page.goto(`/moderacija?${new URLSearchParams({ text: marker })}`);
    await expect(q.row(bodies[0]).getByRole('cell').nth(5)).toHaveText('v obravnavi');
    await expect(q.row(bodies[1]).getByRole('cell').nth(5)).toHaveText('v obravnavi');
    await expect(q.row(bodies[2]).getByRole('cell').nth(5)).toHaveText('nova');
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker, status: 'new' })}`);
    await expect(q.rows).toHaveCount(1);

    // The message agrees with the number in all four Slovenian forms (1, 2, 3–4, 5+; also 101, 102…).
    for (const n of [1, 3, 4, 5, 101, 102]) {
      await page.goto(`/moderacija?${new URLSearchParams({ text: marker, spremenjeno: String(n) })}`);
      await expectChanged(page, n);
    }

    // The public sees the status too.
    const published = (await apiComments(request, `?chapter=${CHAPTERS.economy.slug}`)).filter((c) => c.body.includes(marker));
    expect(published.map((c) => [c.id, c.status]).sort()).toEqual([[ids[0], 'in_review'], [ids[1], 'in_review'], [ids[2], 'new']].sort());
  });

  test('keyboard: j and k move between the rows, Enter opens the comment', async ({ request, page, as }) => {
    const marker = unique('tipke');
    await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'implementation', block: 3, body: `Prva pripomba za bližnjice ${marker}` },
      { chapter: 'implementation', block: 4, body: `Druga pripomba za bližnjice ${marker}` },
    ]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker })}`);
    await expect(page.getByText('Bližnjice: j in k za premik po čakalni vrsti, Enter za odprtje pripombe.')).toBeVisible();
    const links = page.locator('[data-queue-link]');
    await expect(links).toHaveCount(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

    await page.keyboard.press('j');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('j'); // stays on the last row
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('k'); // stays on the first row
    await expect(links.nth(0)).toBeFocused();

    // Typing j in a filter field types; it does not move.
    const text = queue(page).filters.getByLabel('Besedilo vsebuje');
    await text.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('j');
    await expect(text).toBeFocused();
    await expect(text).toHaveValue(`${marker}j`);

    await links.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
  });
});
