import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, submitForm, test, unique } from './fixtures.ts';
import { texts, CHAPTERS, apiComments, apiComment, submitAsBled, readMail, stanceForm, reviewForm } from './support/moderation.ts';

/*
 * Moderation: stances with public obrazložitve — drafted by a moderator, approved by a second
 * person, published by an administrator — and where they show once published (permalink,
 * open-data API, report page, CSV, XLSX, e-mail to the organisation), and the audit log.
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts). Every test first has Občina Bled
 * submit its own comments with a unique marker (through the plain, no-JavaScript form) and then acts
 * on exactly those.
 */

test.describe('deciding', () => {
  test('a rejection needs a public response; once given it shows in every public view and the organisation is told', async ({ request, page, as, newPage }) => {
    test.slow();
    const marker = unique('odlocitev');
    const body = `Predlagamo, da se pametne skupnosti financirajo tudi na podeželju ${marker}`;
    const response = `Pripombe ne upoštevamo, ker financiranje podeželja ureja ukrep 5.1 že v sedanjem besedilu ${marker}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 1, body }]);
    const path = `/moderacija/pripombe/${id}`;

    await signIn(page, people.moderator);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);
    await expect(page.getByText(body)).toBeVisible();
    const form = stanceForm(page);
    for (const label of ['upoštevana', 'delno upoštevana', 'ni upoštevana', 'vzeta na znanje']) await expect(form.choice(label)).not.toBeChecked();
    await expectNoAxeViolations(page);

    // Without an obrazložitev: refused, nothing saved.
    await form.choice('ni upoštevana').check();
    expect(await submitForm(page, form.save)).toBe(400);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText(texts.errorSummary);
    await expect(summary.getByRole('link', { name: texts.responseRequired })).toHaveAttribute('href', '#odziv');
    await expect(form.choice('ni upoštevana')).toBeChecked();
    await expect(form.response).toHaveValue('');
    await expect(page.getByRole('status').filter({ hasText: texts.saved })).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new', response: null });

    // With one: saved as a predlog stališča, still not public.
    await form.response.fill(response);
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page).toHaveURL(new RegExp(`${path}\\?shranjeno=1$`));
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(form.choice('ni upoštevana')).toBeChecked();
    await expect(form.response).toHaveValue(response);
    await expect(page.locator('[data-working-stance]')).toContainText('predlog stališča');
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review', response: null });
    // The history lists it, with who.
    const history = page.locator('h2', { hasText: 'Zgodovina' }).locator('xpath=following-sibling::ol[1]');
    await expect(history.getByRole('listitem').first()).toContainText('predlog stališča');
    await expect(history.getByRole('listitem').first()).toContainText('Marko Moderator');
    await expect(history.getByRole('listitem').first()).toContainText('ni upoštevana');
    await expect(history).not.toContainText('"status"');

    // The administrator approves it and publishes it.
    const admin = await as('admin');
    await admin.goto(path);
    expect(await submitForm(admin, reviewForm(admin).approve)).toBe(303);
    await expect(admin.locator('[data-working-stance]')).toContainText('odobreno');
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review', response: null });
    await admin.goto('/moderacija/objava?posvetovanje=ds2030');
    await admin.getByRole('button', { name: /^Objavi vsa odobrena stališča/ }).click();
    await expect(admin.locator(`tr[data-publish-row="${id}"]`)).toContainText('ni upoštevana');
    expect(await submitForm(admin, admin.getByRole('button', { name: /^Potrjujem objavo/ }))).toBe(303);
    await expect(admin.getByRole('status')).toHaveText(/^Objavljen/);
    await admin.context().close();

    // The public permalink.
    const reader = await newPage();
    expect((await reader.goto(`/pripombe/${id}`))?.status()).toBe(200);
    const card = reader.getByRole('article').filter({ hasText: body });
    await expect(card.locator('p', { hasText: /^Stališče ministrstva:/ })).toHaveText('Stališče ministrstva: ni upoštevana');
    await expect(card.getByRole('region', { name: 'Obrazložitev stališča' })).toContainText(response);
    await expectNoAxeViolations(reader);

    // The open-data API.
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'rejected', response, block: '5.1' });
    const rejected = await apiComments(request, `?status=rejected&chapter=${CHAPTERS.society.slug}`);
    expect(rejected.map((c) => c.id)).toContain(id);

    // The report: a preview prepared now has it with its stance, in its chapter's table (a published
    // version is a snapshot: report-versions.spec.ts). (Once the document writers are in: the
    // published version's CSV and XLSX have the same row.)
    await page.goto('/posvetovanja/ds2030/porocilo/predogled');
    expect(await submitForm(page, page.getByRole('button', { name: 'Pripravi nov predogled' }))).toBe(303);
    await expect(async () => {
      await page.goto('/posvetovanja/ds2030/porocilo/predogled');
      await expect(page.getByText('PREDOGLED – NI OBJAVLJENO')).toBeVisible({ timeout: 500 });
      // While a newer one is being prepared the page offers to reload.
      await expect(page.getByRole('link', { name: 'Osveži stran' })).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 30_000 });
    await page.goto(`/posvetovanja/ds2030/porocilo/predogled/${CHAPTERS.society.slug}`);
    let entry = page.locator(`#pripomba-${id}`);
    // The chapter's rows are paged: on to the page that has the comment.
    for (let i = 0; i < 20 && !(await entry.count()); i++) {
      await page.getByRole('navigation', { name: 'Strani poročila (spodaj)' }).getByRole('link', { name: /Naslednja stran/ }).click();
      entry = page.locator(`#pripomba-${id}`);
    }
    await expect(entry.getByRole('link', { name: `Pripomba št. ${id}`, exact: true })).toHaveAttribute('href', `/pripombe/${id}`);
    await expect(entry).toContainText(body);
    await expect(entry.locator('td').nth(2)).toContainText('ni upoštevana');
    await expect(entry.locator('td').nth(3)).toContainText(response);
    await expectNoAxeViolations(page);

    // The organisation is told by e-mail.
    const mail = await readMail(people.bled, `Stališče do pripombe št. ${id} `);
    expect(mail.subject).toBe(`Stališče do pripombe št. ${id} – Posvet`);
    expect(mail.body).toMatch(new RegExp(`^Spoštovani,\\r?\\n\\r?\\nMinistrstvo za digitalno preobrazbo je objavilo stališče do pripombe št\\. ${id}, ki jo je vaša organizacija oddala k besedilu odstavka 5\\.1 poglavja „[^“]+“ v javnem posvetovanju „Digitalna Slovenija 2030 – vmesni pregled“\\.`));
    expect(mail.body).toMatch(/Stališče: ni upoštevana\. Ministrstvo predloga ne bo upoštevalo; razloge pojasnjuje obrazložitev\./);
    expect(mail.body).toMatch(/\r?\n\r?\nLep pozdrav,\r?\n\r?\nMinistrstvo za digitalno preobrazbo\r?\nMasarykova cesta 16, 1000 Ljubljana\s*$/);
    expect(mail.body).toContain(response);
    expect(mail.body).toMatch(new RegExp(`https?://\\S+/pripombe/${id}\\s`));
  });

  test('a comment withdrawn while its page is open: saving is refused, never a server error; the page then shows it read-only with when it was withdrawn and its history', async ({ request, page, as, newPage }) => {
    const body = `Pripomba, ki jo občina umakne med obravnavo ${unique('umik')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 5, body }]);
    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const form = stanceForm(page);
    await form.choice('vzeta na znanje').check();
    await form.response.fill('Hvala, seznanjeni smo.');

    // Meanwhile Občina Bled withdraws it.
    const bled = await as('bled', { javaScriptEnabled: false });
    await bled.goto(`/pripombe/${id}`);
    await bled.getByRole('link', { name: 'Umakni pripombo' }).click();
    await bled.getByRole('button', { name: 'Umakni pripombo' }).click();
    await expect(bled).toHaveURL(/\/organizacija\/pripombe\?sporocilo=pripomba-umaknjena/);
    await bled.context().close();
    expect(await apiComment(request, body)).toBeUndefined();

    // The moderator saves: refused (the comment is no longer submitted), nothing breaks, nothing is stored.
    const status = await submitForm(page, form.save);
    expect(status, 'status of the stance posted for a withdrawn comment').toBe(404);
    await expect(page.getByRole('alert')).toContainText('Pripomba ne obstaja ali ni oddana.');
    const note = await postForm(page, path, { intent: 'note', note: 'Opomba k umaknjeni pripombi.' });
    expect(note.status(), 'status of a note posted for a withdrawn comment').toBe(404);

    // Opened again: read-only — the notice, the text, the history, and no forms.
    expect((await page.goto(path))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);
    const notice = page.getByRole('note');
    await expect(notice).toContainText(/Organizacija je pripombo umaknila \d{1,2}\.\s\d{1,2}\.\s\d{4} ob \d{1,2}\.\d{2}\./);
    await expect(notice).toContainText('Umaknjene pripombe ni mogoče obravnavati');
    await expect(page.getByText(body)).toBeVisible();
    await expect(page.locator('main form[method="post"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Shrani stališče' })).toHaveCount(0);
    const history = page.getByRole('region', { name: 'Zgodovina' });
    await expect(history).toContainText('oddaja pripombe');
    await expect(history).not.toContainText('Opomba k umaknjeni pripombi.');
    await expectNoAxeViolations(page);
  });

  test('"upoštevana" needs no response', async ({ request, page, as, newPage }) => {
    const body = `Podpiramo odprte podatke visoke vrednosti ${unique('upostevana')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 2, body }]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija/pripombe/${id}`);
    const form = stanceForm(page);
    await form.choice('upoštevana').check();
    await expect(form.response).toHaveValue('');
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(form.choice('upoštevana')).toBeChecked();
    // Approved and published by the administrator.
    const admin = await as('admin');
    await admin.goto(`/moderacija/pripombe/${id}`);
    expect(await submitForm(admin, reviewForm(admin).approve)).toBe(303);
    expect((await postForm(admin, '/moderacija/objava?posvetovanje=ds2030', { objavi: 'vse', ids: String(id) })).status()).toBe(303);
    await admin.context().close();

    expect(await apiComment(request, body)).toMatchObject({ id, status: 'accepted', response: null });
    const permalink = await newPage();
    await permalink.goto(`/pripombe/${id}`);
    const card = permalink.getByRole('article').filter({ hasText: body });
    await expect(card.locator('p', { hasText: /^Stališče ministrstva:/ })).toHaveText('Stališče ministrstva: upoštevana');
    await expect(card.getByRole('region', { name: 'Obrazložitev stališča' })).toHaveCount(0);
    await permalink.context().close();
    const mail = await readMail(people.bled, `Stališče do pripombe št. ${id} `);
    expect(mail.body).toContain(`stališče do pripombe št. ${id}, ki jo je vaša organizacija oddala k besedilu odstavka 5.2 poglavja`);
    expect(mail.body).toContain('Stališče: upoštevana. Predlog bo upoštevan v naslednji različici besedila.');
    expect(mail.body).not.toContain('Obrazložitev:');
  });

  test('every stance drafted is in the audit log, which the administrator filters by action and person', async ({ request, page, as }) => {
    const body = `Pripomba za dnevnik odločitev ${unique('dnevnik')}`;
    const response = 'Delno upoštevamo: rok dopolnimo, vira financiranja ne.';
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 4, body }]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija/pripombe/${id}`);
    const form = stanceForm(page);
    await form.choice('delno upoštevana').check();
    await form.response.fill(response);
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);

    const admin = await as('admin');
    await admin.goto('/admin/dnevnik');
    await admin.getByLabel('Dejanje', { exact: true }).selectOption('stance.drafted');
    await admin.getByLabel('Kdo (e-naslov ali ime)').fill(people.moderator);
    await admin.getByRole('button', { name: 'Filtriraj' }).click();
    await expect(admin).toHaveURL(/\/admin\/dnevnik\?dejanje=stance\.drafted&izvajalec=moderator%40posvet\.test/);
    await expect(admin.getByLabel('Dejanje', { exact: true })).toHaveValue('stance.drafted');
    const rows = admin.getByRole('table', { name: 'Dnevnik dogodkov' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const cell of await rows.locator('td:nth-child(2)').allTextContents()) expect(cell).toBe('predlog stališča');
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toContain(people.moderator);
    const entry = rows.filter({ has: admin.getByRole('link', { name: `pripomba št. ${id}`, exact: true }) });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('cell').nth(4)).toContainText('Stališče: delno upoštevana');
    await expect(entry.getByRole('cell').nth(4)).toContainText(response);
    await expectNoAxeViolations(admin);
    await admin.context().close();
  });
});
