import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, submitForm, test, unique } from './fixtures.ts';
import { texts, CHAPTERS, ljubljanaDate, apiComment, submitAsBled, readMail, queue } from './support/moderation.ts';

/*
 * Moderation: internal notes, hiding a comment from the public, and comments received by e-mail
 * or post that a moderator records.
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts). Every test first has Občina Bled
 * submit its own comments with a unique marker (through the plain, no-JavaScript form) and then acts
 * on exactly those.
 */

// ——— notes and visibility ———
test.describe('notes and visibility', () => {
  test('internal notes show on the moderation page and never in public', async ({ request, page, as }) => {
    const body = `Pripomba z interno opombo ${unique('opomba')}`;
    const note = `Interna opomba: preveriti z direktoratom ${unique('zaupno')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'support', block: 1, body }]);
    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const notes = page.getByRole('region', { name: 'Interne opombe' });
    await expect(notes).toContainText('Ni opomb.');

    // An empty note is refused.
    expect(await submitForm(page, notes.getByRole('button', { name: 'Dodaj opombo' }))).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.noteRequired);

    await notes.getByLabel('Nova opomba').fill(note);
    expect(await submitForm(page, notes.getByRole('button', { name: 'Dodaj opombo' }))).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await expect(notes.getByRole('listitem')).toContainText('Marko Moderator');
    await expect(notes.getByRole('listitem')).toContainText(note);
    await expect(page.getByText(/^interna opomba – Marko Moderator/)).toBeVisible();

    // Not on the permalink, the chapter, the API (JSON and CSV). (The report's frozen rows have no
    // place for notes at all: report_rows.)
    for (const url of [`/pripombe/${id}`, `/posvetovanja/ds2030/osnutek/${CHAPTERS.support.slug}`, `/posvetovanja/ds2030/osnutek/${CHAPTERS.support.slug}/1`, '/api/v1/comments/export.jsonl', '/api/v1/comments?format=csv']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expect(text, url).toContain(body);
      expect(text, url).not.toContain(note);
    }
  });

  test('a hidden comment disappears from every public view and the organisation is told, until it is published again', async ({ request, page, as }) => {
    test.slow();
    const body = `Pripomba, ki jo bo moderator skril ${unique('skrita')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 3, body }]);
    const chapter = `/posvetovanja/ds2030/osnutek/${CHAPTERS.society.slug}`;
    // (The report is a published document, a snapshot: what a version published holds stays in it; report-versions.spec.ts.)
    const publicViews = [chapter, `${chapter}/3`, '/api/v1/comments/export.jsonl', '/api/v1/comments?format=csv'];
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).toContain(body);

    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const side = page.getByRole('complementary', { name: 'Oznake in dodelitev' });
    await expect(side.getByText(texts.visibleNow)).toBeVisible();

    // A reason is required.
    expect(await submitForm(page, side.getByRole('button', { name: 'Skrij pripombo' }))).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.reasonRequired);
    // The error summary should lead to the field, as it does for every other form (the page maps
    // reason → #razlog, but setHidden() returns a form-level message, so there is no link).
    await expect(page.getByRole('alert').getByRole('link', { name: texts.reasonRequired })).toHaveAttribute('href', '#razlog');
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toBeDefined();

    await side.getByLabel('Razlog za skritje').selectOption({ label: 'žaljiva vsebina' });
    expect(await submitForm(page, side.getByRole('button', { name: 'Skrij pripombo' }))).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(side.getByText(texts.hiddenOffensive)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Pripomba', exact: true }).locator('.tag', { hasText: 'skrita' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Gone from public view; the permalink is a 404 for readers.
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).not.toContain(body);
    const permalink = await request.get(`/pripombe/${id}`);
    expect(permalink.status()).toBe(404);
    expect(await permalink.text()).toContain(texts.notFound);
    expect(await apiComment(request, body)).toBeUndefined();

    // Still in the queue for moderators, found with "Samo skrite".
    await page.goto(`/moderacija?${new URLSearchParams({ text: body, hidden: '1' })}`);
    await expect(queue(page).filters.getByLabel('Samo skrite')).toBeChecked();
    await expect(queue(page).row(body).locator('.tag', { hasText: 'skrita' })).toBeVisible();

    // The organisation is told why.
    const mail = await readMail(people.bled, `Pripomba št. ${id} je bila skrita`);
    expect(mail.subject).toBe(`Pripomba št. ${id} je bila skrita – Posvet`);
    expect(mail.body).toMatch(/^Spoštovani,\r?\n/);
    expect(mail.body).toMatch(new RegExp(`Moderator ministrstva je pripombo št\\. ${id} k odstavku \\d+\\.\\d+ poglavja „[^“]+“, ki jo je vaša organizacija oddala v javnem posvetovanju „Digitalna Slovenija 2030 – vmesni pregled“, skril pred javnostjo\\. Razlog: žaljiva vsebina\\.`));
    // Nobody reads replies in this setup (no MAIL_REPLY_TO): the mail names the ministry's address instead of asking for a reply.
    expect(mail.body).toContain('se obrnite na ministrstvo na naslov');
    expect(mail.body).not.toContain('odgovorite');

    // Published again: back everywhere.
    await page.goto(path);
    expect(await submitForm(page, side.getByRole('button', { name: 'Ponovno objavi' }))).toBe(303);
    await expect(side.getByText(texts.visibleNow)).toBeVisible();
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).toContain(body);
    expect((await request.get(`/pripombe/${id}`)).status()).toBe(200);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new' });
    await expect(page.locator('h2', { hasText: 'Zgodovina' }).locator('xpath=following-sibling::ol[1]/li')).toHaveText([
      /^ponovna objava pripombe – Marko Moderator.*Skrita: da → ne/,
      /^skritje pripombe – Marko Moderator.*Razlog: – → žaljiva vsebina/,
      /^oddaja pripombe – Blaž Kranjc/,
    ]);
  });
});

// ——— comments received by e-mail or post ———
test.describe('recording a comment received by e-mail', () => {
  test('a moderator records it for the municipality that sent it; mistakes are explained', async ({ request, page, newPage }) => {
    test.slow();
    const body = `Občina predlaga enotna vzorčna javna naročila za digitalne storitve ${unique('eposta')}`;
    await signIn(page, people.moderator);
    await page.goto('/moderacija/nova');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vnos pripombe, prejete po e-pošti ali pošti');
    await expect(page.getByRole('group', { name: 'Prejeta prek' }).getByRole('radio', { name: 'e-pošta', exact: true })).toBeChecked();
    await expectNoAxeViolations(page);
    const submit = page.getByRole('button', { name: 'Vnesi pripombo' });

    // Nothing filled in.
    expect(await submitForm(page, submit)).toBe(400);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText(texts.errorSummary);
    await expect(summary.getByRole('link', { name: texts.organisationRequired })).toHaveAttribute('href', '#organizacija');
    await expect(summary.getByRole('link', { name: texts.receivedOnRequired })).toHaveAttribute('href', '#datum');
    await expect(summary.getByRole('link', { name: texts.bodyRequired })).toHaveAttribute('href', '#besedilo');
    await expectNoAxeViolations(page);

    // Everything but the organisation.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate());
    await page.getByLabel('Poglavje').selectOption({ label: CHAPTERS.support.label });
    await page.getByLabel('Odstavek', { exact: true }).fill('3');
    await page.getByLabel('Besedilo pripombe').fill(body);
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.organisationRequired]);
    // What was typed is kept.
    await expect(page.getByLabel('Besedilo pripombe')).toHaveValue(body);
    await expect(page.getByLabel('Poglavje')).toHaveValue(CHAPTERS.support.slug);
    await expect(page.getByLabel('Odstavek', { exact: true })).toHaveValue('3');

    // A date in the future is refused.
    await page.getByLabel('Organizacija pošiljateljica').selectOption({ label: 'Občina Kranjska Gora' });
    await page.getByLabel('Datum prejema').fill('1. 1. 2030');
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.receivedOnFuture]);
    // What was typed stays in the field.
    await expect(page.getByLabel('Datum prejema')).toHaveValue('1. 1. 2030');
    // A date written the ISO way or not at all a day: the message says how to write it.
    await page.getByLabel('Datum prejema').fill('3/2/2027');
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.receivedOnInvalid]);
    await expect(page.getByLabel('Datum prejema')).toHaveValue('3/2/2027');
    await expect(page.getByLabel('Organizacija pošiljateljica').locator('option:checked')).toHaveText('Občina Kranjska Gora');
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toBeUndefined();

    // Received today by e-mail: recorded and public at once, not late.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate());
    expect(await submitForm(page, submit)).toBe(303);
    await expect(page).toHaveURL(/\/moderacija\/pripombe\/\d+\?vneseno=1$/);
    const id = Number(/\/pripombe\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);
    await expect(page.getByRole('status')).toBeVisible();
    const comment = page.getByRole('region', { name: 'Pripomba', exact: true });
    await expect(comment).toContainText('Občina Kranjska Gora (občina)');
    await expect(comment).toContainText('Prejeta prek: e-pošta · Vnesel: Marko Moderator · k odstavku 8.3');
    await expect(comment).toContainText(body);
    await expect(comment.getByText(texts.late)).toHaveCount(0);
    await expect(page.getByText(/^vnos prejete pripombe – Marko Moderator/)).toBeVisible();
    await expectNoAxeViolations(page);

    expect(await apiComment(request, body)).toMatchObject({
      id,
      chapter: CHAPTERS.support.slug,
      block: '8.3',
      organisation: { name: 'Občina Kranjska Gora', kind: 'municipality', code: '53' },
      late: false,
      status: 'new',
    });
    const reader = await newPage();
    await reader.goto(`/posvetovanja/ds2030/osnutek/${CHAPTERS.support.slug}`);
    const block = reader.locator('#odstavek-8-3');
    await block.locator('summary').filter({ hasText: /^Pripombe k odstavku 8\.3 \(\d+\)$/ }).click();
    const card = block.getByRole('article').filter({ hasText: body });
    await expect(card.getByRole('heading')).toHaveText('Občina Kranjska Gora');
    await expect(card.getByText(texts.late)).toHaveCount(0);
    await reader.context().close();

    // The queue marks how it was received.
    await page.goto(`/moderacija?${new URLSearchParams({ text: body })}`);
    await expect(queue(page).row(body).locator('.tag')).toHaveText(['e-pošta']);
    await expect(queue(page).row(body).getByRole('cell').nth(3)).toHaveText('Občina Kranjska Gora');
  });

  test('a received date in the future or one that does not exist is refused', async ({ request, page }) => {
    const body = `Pripomba z nemogočim datumom ${unique('datum')}`;
    await signIn(page, people.moderator);
    await page.goto('/moderacija/nova');
    await page.getByLabel('Organizacija pošiljateljica').selectOption({ label: 'Občina Kranjska Gora' });
    await page.getByRole('radio', { name: 'pošta', exact: true }).check();
    await page.getByLabel('Poglavje').selectOption({ label: CHAPTERS.support.label });
    await page.getByLabel('Odstavek', { exact: true }).fill('4');
    await page.getByLabel('Besedilo pripombe').fill(body);

    // Tomorrow (in Ljubljana) is in the future, whatever the hour of the day.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate(1));
    const tomorrow = await submitForm(page, page.getByRole('button', { name: 'Vnesi pripombo' }));
    expect(tomorrow, `status for tomorrow's date (${ljubljanaDate(1)}) at ${new Date().toISOString()}`).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([texts.receivedOnFuture]);

    // 30 February: the browser's date field cannot send it, but a plain form post (or a browser
    // without a date picker) can; it must not become 2 March.
    const organisationId = await page.getByLabel('Organizacija pošiljateljica').locator('option', { hasText: /^Občina Kranjska Gora$/ }).getAttribute('value');
    const impossible = await postForm(page, '/moderacija/nova', { organisationId: organisationId!, receivedVia: 'post', receivedOn: '30. 2. 2026', chapter: CHAPTERS.support.slug, block: '4', kind: 'comment', body: `${body} (30. 2.)` });
    expect(impossible.status(), 'status for 30. 2. 2026').toBe(400);
    expect(await impossible.text()).toContain(texts.receivedOnInvalid);
    expect(await apiComment(request, `${body} (30. 2.)`), 'a comment "received" on 30 February').toBeUndefined();
  });
});
