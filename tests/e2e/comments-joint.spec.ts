import { query } from '../support/database.ts';
import type { Page } from '@playwright/test';
import { readMail as readMailIn } from '../support/mail.ts';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { baseURL, expect, mailDir, people, signIn, test, unique, uniqueEmail, type NewPage } from './fixtures.ts';
import { inviteUser, readMail as readInvitation } from './support/accounts.ts';
import { apiComment, apiComments, submitOnBlockPage, texts } from './support/comments.ts';

/*
 * Organisations together: an association's joint position confirmed by a named municipality, and
 * co-signing another organisation's comment with „Podpiramo“.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('commenting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an association submits a joint position; a named municipality confirms it', async ({ page, request, as, newPage }) => {
    const body = unique('Skupno stališče mestnih občin o namenu strategije.');
    await signIn(page, people.zmos);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/7');
    const group = page.getByRole('group', { name: texts.onBehalfOf });
    await expect(group.getByRole('checkbox')).toHaveCount(12);
    await expectNoAxeViolationsWithoutJs(page);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/7', { body, members: ['Ljubljana', 'Maribor'] });

    const comment = await apiComment(request, body);
    expect(comment.organisation.name).toBe('Združenje mestnih občin Slovenije');
    expect(comment.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'pending' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);

    const reader = await newPage();
    await reader.goto(`/pripombe/${comment.id}`);
    // While the named municipalities may still answer, the position says it is being agreed, how
    // many have answered and until when — never that it speaks for all it names.
    await expect(reader.getByRole('heading', { level: 3 })).toHaveText('Združenje mestnih občin Slovenije');
    const standing = reader.getByRole('article').locator('.joint-standing p');
    await expect(standing.first()).toHaveText(/^Skupno stališče v usklajevanju – ni še odgovorila nobena od 2 navedenih občin, rok \d{1,2}\.\s\d{1,2}\.\s\d{4}$/);
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še nista odgovorili/ })).toHaveText('Še nista odgovorili: Ljubljana, Maribor');
    const confirmedBy = reader.getByRole('article').locator('p', { hasText: /^Potrdil/ });
    await expect(confirmedBy).toHaveCount(0); // nobody has confirmed yet
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
    await expect(confirmedBy).toHaveText('Potrdila: Ljubljana');
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še ni odgovorila/ })).toHaveText('Še ni odgovorila: Maribor');
    await expect(standing.first()).toHaveText(/^Skupno stališče v usklajevanju – odgovorila 1 od 2 navedenih občin, rok /);
    await reader.context().close();
    const after = await apiComment(request, body);
    expect(after.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'confirmed' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);
  });
});

// ——— a joint position through confirmation, decline and its deadline ———

/** A new member of a municipality, invited by the administrator and signed in on a page of their own. */
async function municipalityMember(newPage: NewPage, organisation: string): Promise<Page> {
  const email = uniqueEmail('obcina');
  const password = `Zelena jablana cveti ${unique()}`;
  const admin = await newPage({ as: 'admin' });
  await inviteUser(admin, email, organisation, 'član');
  await admin.context().close();
  const invitation = await readInvitation(email, 'povabilo');
  const page = await newPage({ javaScriptEnabled: false });
  const accepted = await page.request.post(invitation, { headers: { Origin: baseURL() }, form: { username: email, name: 'Klara Testna', password, passwordConfirm: password }, maxRedirects: 0 });
  expect(accepted.status(), 'accepting the invitation').toBe(303);
  return page;
}

/** The number on the navigation's badge ("Odgovorite: 2"), or 0 without one. */
async function badge(page: Page): Promise<number> {
  const link = page.getByRole('navigation', { name: 'Glavna navigacija' }).getByRole('link', { name: /^Naše pripombe/ });
  const text = (await link.textContent()) ?? '';
  return Number(/Odgovorite: (\d+)/.exec(text)?.[1] ?? 0);
}

test.describe('a joint position is agreed before it speaks for anyone', () => {
  test.use({ javaScriptEnabled: false });

  test('confirmed by one, declined by another, one silent: being agreed until the deadline, then for the one that confirmed', async ({ page, request, as, newPage, server }) => {
    const kranj = await municipalityMember(newPage, 'Mestna občina Kranj');
    await kranj.goto('/organizacija/pripombe');
    const before = await badge(kranj);

    const body = unique('Skupno stališče mestnih občin o gradnji omrežij.');
    await signIn(page, people.zmos);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/7', { body, members: ['Kranj', 'Ljubljana', 'Maribor'] });
    const { id } = await apiComment(request, body);

    // Kranj's member sees in the navigation that one more position waits for its answer.
    await kranj.goto('/posvetovanja/ds2030');
    expect(await badge(kranj)).toBe(before + 1);
    await expect(kranj.getByRole('link', { name: new RegExp(`^Naše pripombe.*čak(a|ata|ajo) na vaš odgovor$`) })).toBeVisible();
    await kranj.getByRole('link', { name: /^Naše pripombe/ }).click();
    await expect(kranj).toHaveURL(/\/organizacija\/pripombe$/);
    const waiting = kranj.getByRole('region', { name: 'Skupna stališča, ki čakajo na vaš odgovor' });
    const item = waiting.getByRole('listitem').filter({ has: kranj.getByRole('link', { name: `Pripomba št. ${id}`, exact: true }) });
    await expect(item).toContainText('Združenje mestnih občin Slovenije');
    await expect(item).toContainText(body);
    await expect(item).toContainText(/Rok za odgovor: \d{1,2}\.\s\d{1,2}\.\s\d{4} \d{1,2}\.\d{2}/);
    await expectNoAxeViolationsWithoutJs(kranj);
    await item.getByRole('button', { name: `Potrjujemo – Pripomba št. ${id}` }).click();
    await expect(kranj.getByRole('status')).toHaveText(texts.jointAnswered);
    expect(await badge(kranj)).toBe(before);
    // Answered, it moves to the positions already answered; the answer may change until the deadline.
    const answered = kranj.getByRole('region', { name: 'Skupna stališča, ki navajajo vašo občino' }).getByRole('listitem').filter({ has: kranj.getByRole('link', { name: `Pripomba št. ${id}`, exact: true }) });
    await expect(answered).toContainText('Vaš odgovor: potrjujemo');
    await expect(answered.getByRole('button', { name: `Zavračamo – Pripomba št. ${id}` })).toBeEnabled();

    const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
    await ljubljana.goto('/organizacija/pripombe');
    await ljubljana.getByRole('button', { name: `Zavračamo – Pripomba št. ${id}` }).click();
    await expect(ljubljana.getByRole('status')).toHaveText(texts.jointAnswered);

    // The association is told of each answer.
    const zmos = 'zmos@posvet.test';
    const confirmed = await readMailIn(mailDir(), zmos, `Mestna občina Kranj: potrditev skupnega stališča (pripomba št. ${id})`);
    expect(confirmed.body).toContain('Mestna občina Kranj je potrdila skupno stališče');
    const declined = await readMailIn(mailDir(), zmos, `Mestna občina Ljubljana: zavrnitev skupnega stališča (pripomba št. ${id})`);
    expect(declined.body).toContain('Odgovori doslej – potrdile: 1, zavrnile: 1, še brez odgovora: 1.');
    expect(declined.body).toContain('Še ni odgovorila 1 občina; rok za odgovor je');

    // Until the deadline the public reads that it is being agreed.
    const reader = await newPage();
    await reader.goto(`/pripombe/${id}`);
    const card = reader.getByRole('article');
    await expect(card.locator('.joint-standing p').first()).toHaveText(/^Skupno stališče v usklajevanju – odgovorili 2 od 3 navedenih občin, rok /);
    await expect(card.locator('p', { hasText: /^Potrdila:/ })).toHaveText('Potrdila: Kranj');
    await expect(card.locator('p', { hasText: /^Zavrnila:/ })).toHaveText('Zavrnila: Ljubljana');
    await expect(card.locator('p', { hasText: /^Še ni odgovorila:/ })).toHaveText('Še ni odgovorila: Maribor');

    // Ljubljana's page is open when the deadline passes (set in the database: no waiting a week).
    await ljubljana.goto('/organizacija/pripombe');
    const past = new Date(Date.now() - 60_000);
    await query(server.databasePath, (db) => db.run('update comments set joint_deadline = ? where id = ?', past.toISOString(), id));
    await ljubljana.getByRole('button', { name: `Potrjujemo – Pripomba št. ${id}` }).click();
    await expect(ljubljana.getByRole('alert')).toContainText(/Rok za odgovor na to skupno stališče je potekel \d{1,2}\.\s\d{1,2}\.\s\d{4} \d{1,2}\.\d{2}; odgovora ni več mogoče oddati ali spremeniti\./);
    // Nothing changed, and the page offers no more answers.
    const closedItem = ljubljana.getByRole('listitem').filter({ has: ljubljana.getByRole('link', { name: `Pripomba št. ${id}`, exact: true }) });
    await expect(closedItem).toContainText('Vaš odgovor: zavračamo');
    await expect(closedItem).toContainText('Rok za odgovor je potekel');
    await expect(closedItem.getByRole('button')).toHaveCount(0);

    // Afterwards it speaks only for Kranj; Ljubljana's decline and Maribor's silence are listed apart.
    await reader.goto(`/pripombe/${id}`);
    await expect(card.locator('.joint-standing p').first()).toHaveText('ZMOS v imenu 1 od 3 navedenih občin: Kranj');
    await expect(card.locator('p', { hasText: /^Zavrnila:/ })).toHaveText('Zavrnila: Ljubljana');
    await expect(card.locator('p', { hasText: /^Ni odgovorila:/ })).toHaveText('Ni odgovorila: Maribor');
    await expect(card).not.toContainText('v usklajevanju');
    await expectNoAxeViolations(reader);
    const data = (await apiComments(request, '?consultation=ds2030&chapter=uvod')).find((c) => c.id === id) as unknown as { jointPosition: unknown };
    expect(data.jointPosition).toEqual({
      state: 'agreed',
      deadline: past.toISOString(),
      confirmed: [{ name: 'Mestna občina Kranj', code: '52' }],
      declined: [{ name: 'Mestna občina Ljubljana', code: '61' }],
      noAnswer: [{ name: 'Mestna občina Maribor', code: '70' }],
    });
    expect(await badge(kranj)).toBe(before);
  });
});

// ——— co-signing ———
test.describe('co-signing', () => {
  test('another organisation supports a comment with "Podpiramo"; the author and readers cannot', async ({ page, request, as, newPage }) => {
    const body = unique('Pripomba Bleda, ki jo bo podprla Ljubljana.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/6', { body });
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
    await expect(page.getByRole('link', { name: 'Umakni pripombo' })).toHaveAttribute('href', `/pripombe/${id}/umik`);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/6');
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
