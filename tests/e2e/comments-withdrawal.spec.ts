import { transaction, type Statements } from '../support/database.ts';
import { test, expect, mailDir, people, postForm, unique, type Server } from './fixtures.ts';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { readMail } from '../support/mail.ts';
import { apiComment, submitOnBlockPage, texts } from './support/comments.ts';

/**
 * The record of a comment (issue 13): the receipt mailed on submission and printable from the
 * permalink; withdrawal confirmed on its own page with an optional reason, only while nothing is
 * recorded on the comment; a withdrawn comment keeps its permalink, and its JSON answers 410.
 */

test.describe.configure({ timeout: 180_000 });

const WITHDRAWN_NOTICE = /^Organizacija Občina Bled je pripombo umaknila \d{1,2}\.\s\d{1,2}\.\s\d{4} ob \d{1,2}\.\d{2}\.$/;
const UNDER_REVIEW = 'Pripombe ne morete več umakniti: ministrstvo jo že obravnava.';

/** Changes the worker's database directly, as a moderator's work would (no stance interface yet). */
function inDatabase(server: Server, work: (db: Statements) => Promise<void>): Promise<void> {
  return transaction(server.databasePath, work);
}

test('submission → receipt by mail and printable → withdrawal with a reason → the permalink says so to everyone, the JSON answers 410', async ({ as, newPage, request }) => {
  const body = unique('Pripomba s potrdilom in umikom.');
  const bled = await as('bled');
  await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/7', { body, rationale: 'Ker je rok prekratek.' });
  const { id } = await apiComment(request, body);

  // The receipt by mail: number, paragraph with its chapter, the full text, the permalink.
  const mail = await readMail(mailDir(), people.bled, `Potrdilo o prejemu pripombe št. ${id}`);
  expect(mail.subject).toBe(`Potrdilo o prejemu pripombe št. ${id} – Posvet`);
  expect(mail.body).toMatch(/^Spoštovani,/);
  expect(mail.body).toContain(`Številka pripombe: ${id}`);
  expect(mail.body).toContain('Nanaša se na: odstavek 1.7 poglavja 1 „Uvod“');
  expect(mail.body).toContain(`Besedilo pripombe:\n${body}`);
  expect(mail.body).toContain('Obrazložitev predlagatelja:\nKer je rok prekratek.');
  expect(mail.body).toMatch(new RegExp(`Pripomba in potrdilo za tisk: https?://\\S+/pripombe/${id}\\s`));

  // One comment as JSON: the same as its item in the open-data list.
  const json = await request.get(`/api/v1/comments/${id}`);
  expect(json.status()).toBe(200);
  expect(await json.json()).toEqual(await apiComment(request, body));

  // The printable receipt, from the permalink.
  await bled.goto(`/pripombe/${id}`);
  await bled.getByRole('link', { name: 'Potrdilo o prejemu' }).click();
  await expect(bled).toHaveURL(new RegExp(`/pripombe/${id}/potrdilo$`));
  const receipt = bled.getByRole('article', { name: 'Potrdilo o prejemu pripombe' });
  await expect(receipt.getByText('Republika Slovenija', { exact: true })).toBeVisible();
  await expect(receipt.getByText('Ministrstvo za digitalno preobrazbo', { exact: true })).toBeVisible();
  await expect(receipt.locator('[data-field="number"]')).toHaveText(String(id));
  await expect(receipt.locator('[data-field="place"]')).toHaveText('odstavek 1.7 poglavja 1 „Uvod“');
  await expect(receipt.getByText(body)).toBeVisible();
  await expect(bled.getByRole('button', { name: 'Natisni' })).toBeVisible();
  await expectNoAxeViolations(bled);
  // Printed: the document alone, without the site's header and footer.
  await bled.emulateMedia({ media: 'print' });
  await expect(bled.locator('.site-header')).toBeHidden();
  await expect(bled.locator('.site-footer')).toBeHidden();
  await expect(bled.getByRole('button', { name: 'Natisni' })).toBeHidden();
  await expect(receipt).toBeVisible();
  await bled.emulateMedia({ media: 'screen' });

  // Who else may read it: the consultation's moderator yes; another organisation no; anonymous readers sign in first.
  const moderator = await as('moderator');
  expect((await moderator.goto(`/pripombe/${id}/potrdilo`))?.status()).toBe(200);
  await expect(moderator.getByRole('article', { name: 'Potrdilo o prejemu pripombe' })).toBeVisible();
  const ljubljana = await as('ljubljana');
  expect((await ljubljana.goto(`/pripombe/${id}/potrdilo`))?.status()).toBe(403);
  await ljubljana.goto(`/pripombe/${id}`);
  await expect(ljubljana.getByRole('link', { name: 'Potrdilo o prejemu' })).toHaveCount(0);
  const signIn = await request.get(`/pripombe/${id}/potrdilo`, { maxRedirects: 0 });
  expect(signIn.status()).toBe(303);
  expect(signIn.headers().location).toBe(`/prijava?vrnitev=%2Fpripombe%2F${id}%2Fpotrdilo`);

  // Withdrawal: the permalink's link leads to the confirmation.
  await bled.goto(`/pripombe/${id}`);
  await bled.getByRole('link', { name: 'Umakni pripombo' }).click();
  await expect(bled).toHaveURL(new RegExp(`/pripombe/${id}/umik$`));
  await expect(bled.getByRole('heading', { level: 2, name: `Ali res želite umakniti pripombo št. ${id}?` })).toBeVisible();
  await expect(bled.getByText(body)).toBeVisible();
  await expectNoAxeViolations(bled);
  // "Prekliči" goes back and changes nothing.
  await bled.getByRole('link', { name: 'Prekliči' }).click();
  await expect(bled).toHaveURL(new RegExp(`/pripombe/${id}$`));
  await bled.getByRole('link', { name: 'Umakni pripombo' }).click();

  // A reason that is too long: the message, and what was typed is kept.
  const tooLong = `${'Predolg razlog. '.repeat(63)}konec`; // 1,013 characters
  expect(tooLong.length).toBeGreaterThan(1000);
  await bled.getByLabel('Razlog za umik (neobvezno)').fill(tooLong);
  const [refused] = await Promise.all([bled.waitForResponse((r) => r.request().method() === 'POST'), bled.getByRole('button', { name: 'Umakni pripombo' }).click()]);
  expect(refused.status()).toBe(422);
  await expect(bled.getByRole('alert').filter({ hasText: 'Razlog je predolg (največ 1.000 znakov).' })).toBeVisible();
  await expect(bled.getByLabel('Razlog za umik (neobvezno)')).toHaveValue(tooLong);
  await expect(bled).toHaveTitle(/^Napaka: /);
  await expectNoAxeViolations(bled);
  expect((await request.get(`/api/v1/comments/${id}`)).status(), 'not withdrawn by the refused form').toBe(200);

  const reason = 'Pripombo bomo združili s pripombo ZMOS.';
  await bled.getByLabel('Razlog za umik (neobvezno)').fill(`  ${reason}  `);
  await bled.getByRole('button', { name: 'Umakni pripombo' }).click();
  await expect(bled).toHaveURL(/\/organizacija\/pripombe\?sporocilo=pripomba-umaknjena$/);
  await expect(bled.getByRole('status')).toHaveText(texts.withdrawn);

  // An anonymous reader: the permalink stays, with the notice and the text as submitted; nothing to do.
  const reader = await newPage();
  const response = await reader.goto(`/pripombe/${id}`);
  expect(response?.status()).toBe(200);
  const notice = reader.locator('[data-withdrawn]');
  await expect(notice.locator('strong')).toHaveText(WITHDRAWN_NOTICE);
  await expect(notice).toContainText('Razlog:');
  await expect(notice.getByText(reason, { exact: true })).toBeVisible();
  await expect(reader.getByText(body)).toBeVisible();
  await expect(reader.getByText('umaknjena', { exact: true })).toBeVisible();
  await expect(reader.getByRole('button')).toHaveCount(0);
  await expect(reader.getByRole('link', { name: 'Umakni pripombo' })).toHaveCount(0);
  await expectNoAxeViolations(reader);

  // Out of the lists; its JSON answers 410 Gone with when.
  expect(await (await request.get('/posvetovanja/ds2030/osnutek/uvod/7')).text()).not.toContain(body);
  const gone = await request.get(`/api/v1/comments/${id}`);
  expect(gone.status()).toBe(410);
  const goneBody = await gone.json();
  expect(goneBody).toEqual({ error: 'Pripomba je bila umaknjena.', withdrawnAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });

  // The confirmation page now says it is withdrawn, with no form; a second post changes nothing.
  await bled.goto(`/pripombe/${id}/umik`);
  await expect(bled.getByText('Pripomba je že umaknjena.')).toBeVisible();
  await expect(bled.getByRole('button', { name: 'Umakni pripombo' })).toHaveCount(0);
  expect((await postForm(bled, `/pripombe/${id}/umik`, { reason: 'Še enkrat.' })).status()).toBe(409);
  expect(await (await request.get(`/api/v1/comments/${id}`)).json()).toEqual(goneBody);
  // The receipt stays readable, and says the comment was withdrawn.
  await bled.goto(`/pripombe/${id}/potrdilo`);
  await expect(bled.getByRole('article', { name: 'Potrdilo o prejemu pripombe' })).toContainText(/umaknjena \d{1,2}\.\s\d{1,2}\.\s\d{4}/);
});

test('once the ministry has recorded something on a comment, it cannot be withdrawn: no link, and the page says why', async ({ as, request, server }) => {
  const bled = await as('bled', { javaScriptEnabled: false });
  const inReview = unique('Pripomba v obravnavi.');
  const withStance = unique('Pripomba s predlogom stališča.');
  await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/8', { body: inReview });
  await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/8', { body: withStance });
  const first = (await apiComment(request, inReview)).id;
  const second = (await apiComment(request, withStance)).id;
  await inDatabase(server, async (db) => {
    await db.run(`update comments set moderation_status = 'in_review' where id = ?`, first);
    const moderator = (await db.get<{ id: number }>('select id from users where email = ?', people.moderator))!;
    await db.run(`insert into stances (comment_id, status, response, state, drafted_by, drafted_at) values (?, 'noted', 'Seznanjeni.', 'drafted', ?, ?)`, second, moderator.id, new Date().toISOString());
  });

  for (const id of [first, second]) {
    await bled.goto(`/pripombe/${id}`);
    await expect(bled.getByRole('heading', { level: 1 })).toContainText(`Pripomba št. ${id}`);
    await expect(bled.getByRole('link', { name: 'Umakni pripombo' })).toHaveCount(0);
    // The receipt is still there for the organisation.
    await expect(bled.getByRole('link', { name: 'Potrdilo o prejemu' })).toBeVisible();

    await bled.goto(`/pripombe/${id}/umik`);
    await expect(bled.getByRole('heading', { level: 2, name: 'Te pripombe ni mogoče umakniti' })).toBeVisible();
    await expect(bled.getByText(UNDER_REVIEW)).toBeVisible();
    await expect(bled.getByRole('button', { name: 'Umakni pripombo' })).toHaveCount(0);
    await expectNoAxeViolationsWithoutJs(bled);

    // A form posted anyway (an old tab): refused with the reason, nothing withdrawn.
    const posted = await postForm(bled, `/pripombe/${id}/umik`, { reason: 'Umikamo.' });
    expect(posted.status()).toBe(409);
    expect(await posted.text()).toContain(UNDER_REVIEW);
    expect((await request.get(`/api/v1/comments/${id}`)).status()).toBe(200);
  }
});

test('the JSON of one comment: 404 for drafts and unknown numbers, 400 for what is not a number', async ({ as, request }) => {
  const bled = await as('bled', { javaScriptEnabled: false });
  const body = unique('Osnutek za JSON.');
  await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/9', { body, intent: 'draft' });
  const link = bled.getByRole('row').filter({ hasText: body }).getByRole('link', { name: /^Pripomba št\. \d+$/ });
  const draftId = Number(/\d+/.exec((await link.textContent())!)![0]);
  for (const [path, status] of [
    [`/api/v1/comments/${draftId}`, 404],
    ['/api/v1/comments/999999999', 404],
    ['/api/v1/comments/abc', 400],
    ['/api/v1/comments/0', 400],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()['content-type'], path).toContain('application/json');
    expect(Object.keys(await response.json()), path).toEqual(['error']);
  }
  // Nobody but Bled may even open the draft's withdrawal page.
  expect((await request.get(`/pripombe/${draftId}/umik`, { maxRedirects: 0 })).status()).toBe(303);
});
