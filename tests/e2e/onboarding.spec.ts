import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, mailDir, people, signIn, submitForm, test, unique } from './fixtures.ts';
import { readMail as mailedLink } from './support/accounts.ts';
import { readMail } from '../support/mail.ts';

/*
 * Issue 16, items 4–6: an administrator invites many people from a CSV (preview, then send);
 * re-inviting asks first; a reader subscribes, confirms from the mail and unsubscribes; signing in
 * from a chapter lands back on it.
 */

/** Windows-1250 bytes of a text (ASCII plus č š ž Č Š Ž), as Excel on a Slovenian Windows saves a CSV. */
function cp1250(text: string): Buffer {
  const map: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

test('an administrator imports invitations from a CSV: a preview with the reasons, then one send, the mails in the outbox', async ({ as }) => {
  const id = unique('uvoz');
  const first = `prva-${id}@obcina-e2e.si`;
  const second = `drugi-${id}@obcina-e2e.si`;
  const csv = [
    'šifra;e-naslov;ime;vloga',
    `61;${first};Špela Žagar;član`,
    `3;${second};Čedomir Šuštar;skrbnik organizacije`,
    `9999;neznana-${id}@obcina-e2e.si;Neznana Občina;član`,
    `61;${first};Dvojnica;član`,
    `61;=HYPERLINK("http://x");Formula;član`,
    `61;${people.bled};Blaž;član`,
  ].join('\r\n');
  const page = await as('admin');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Uvoz povabil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uvoz povabil iz datoteke CSV');
  await expectNoAxeViolations(page);

  await page.getByLabel('Datoteka CSV').setInputFiles({ name: 'povabila.csv', mimeType: 'text/csv', buffer: cp1250(csv) });
  expect(await submitForm(page, page.getByRole('button', { name: 'Naloži in pokaži predogled' }))).toBe(303);
  await expect(page).toHaveURL(/\/admin\/uvoz-povabil\?uvoz=\d+$/);
  await expect(page.getByText('prebrana kot Windows-1250, ločilo podpičje')).toBeVisible();
  await expect(page.getByText('2 vrstici bosta povabljeni; 0 vrstic z obstoječim povabilom; 4 vrstice z napako.')).toBeVisible();
  const rows = page.getByRole('table', { name: /Vrstice datoteke/ });
  await expect(rows.getByRole('row', { name: /^2 / })).toContainText('Špela Žagar');
  await expect(rows.getByRole('row', { name: /^2 / })).toContainText('bo povabljen');
  await expect(rows.getByRole('row', { name: /^4 / })).toContainText('neznana šifra organizacije');
  await expect(rows.getByRole('row', { name: /^5 / })).toContainText('e-naslov se v datoteki ponovi');
  await expect(rows.getByRole('row', { name: /^6 / })).toContainText('=HYPERLINK("http://x")');
  await expect(rows.getByRole('row', { name: /^6 / })).toContainText('neveljaven e-naslov');
  await expect(rows.getByRole('row', { name: /^7 / })).toContainText('oseba s tem e-naslovom že ima račun');
  await expectNoAxeViolations(page);

  // Only the rows with an error.
  await page.getByRole('link', { name: 'samo vrstice z napako' }).click();
  await expect(rows.getByRole('row')).toHaveCount(5);

  expect(await submitForm(page, page.getByRole('button', { name: 'Pošlji povabila' }))).toBe(303);
  await expect(page.getByRole('status')).toContainText('Povabila so poslana');
  await expect(page.getByRole('status')).toContainText('2 povabili');
  await expect(page.getByRole('button', { name: 'Pošlji povabila' })).toHaveCount(0);
  expect(await mailedLink(first, 'povabilo')).toMatch(/^\/povabilo\//);
  const mail = await readMail(mailDir(), second, 'Povabilo na portal Posvet');
  expect(mail.body).toContain('Spoštovani, Čedomir Šuštar,');
  expect(mail.body).toContain('kot skrbnik organizacije v organizaciji Občina Bled');
});

test('re-inviting an address asks first, in the administrator’s form and the organisation admin’s', async ({ as }) => {
  for (const [who, path, region] of [
    ['admin', '/admin', 'Povabi osebo v organizacijo'],
    ['ljubljana', '/organizacija', 'Povabi osebo'],
  ] as const) {
    const email = `ponovno-${unique(who)}@obcina-e2e.si`;
    const page = await as(who);
    const invite = async (role: string) => {
      await page.goto(path);
      const form = page.getByRole('region', { name: region, exact: true });
      await form.getByLabel('E-naslov').fill(email);
      if (who === 'admin') await form.getByLabel('Organizacija').selectOption({ label: 'Mestna občina Ljubljana' });
      await form.getByLabel('Vloga', { exact: true }).selectOption({ label: role });
      return submitForm(page, form.getByRole('button', { name: /Pošlji povabilo|Povabi/ }));
    };
    expect(await invite('član')).toBe(303);
    expect(await invite('skrbnik organizacije')).toBe(400);
    await expect(page.getByText(/^Za ta naslov že obstaja povabilo \(vloga član, poslano .*\)\. Ga nadomestim\?$/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await submitForm(page, page.getByRole('button', { name: 'Da, nadomesti povabilo' }))).toBe(303);
    await expect(page.getByRole('region', { name: 'Odprta povabila' })).toContainText(`${email}`);
    await expect(page.getByRole('region', { name: 'Odprta povabila' })).toContainText('skrbnik organizacije');
  }
});

test('a reader subscribes, confirms from the mail and unsubscribes', async ({ newPage }) => {
  const email = `bralka-${unique('obvestila')}@example.si`;
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto('/obvestila?posvetovanje=ds2030');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Obvestila po e-pošti');
  await expectNoAxeViolationsWithoutJs(page);
  // No topic chosen: the form says so and keeps the address.
  await page.getByLabel('E-naslov').fill(email);
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  expect(await submitForm(page, page.getByRole('button', { name: 'Naroči se' }))).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Izberite vsaj eno obvestilo.');
  await expect(page.getByLabel('E-naslov')).toHaveValue(email);
  await page.getByLabel('je objavljeno poročilo o posvetovanju').check();
  expect(await submitForm(page, page.getByRole('button', { name: 'Naroči se' }))).toBe(200);
  await expect(page.getByRole('status')).toContainText(`Če naslov ${email} lahko prejema obvestila`);

  const mail = await readMail(mailDir(), email, 'Potrdite naročilo obvestil');
  const link = /https?:\/\/\S+(\/obvestila\/potrditev\/[A-Za-z0-9_-]+)/.exec(mail.body)![1];
  await page.goto(link);
  await expect(page.getByText(`Potrdite naročilo obvestil za ${email}`)).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page);
  await page.getByRole('button', { name: 'Potrdi naročilo' }).click();
  await expect(page.getByRole('status')).toContainText('Naročilo je potrjeno.');
  // The link is used up.
  expect((await page.request.get(link)).status()).toBe(410);

  await page.getByRole('link', { name: 'Odjava od teh obvestil' }).click();
  await expect(page.getByText(`Odjavite ${email} od obvestil`)).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page);
  await page.getByRole('button', { name: 'Odjavi me' }).click();
  await expect(page.getByRole('status')).toContainText('Odjavljeni ste.');
});

test('signing in from a chapter lands back on it; a return address elsewhere lands on „Moj račun“', async ({ newPage }) => {
  const page = await newPage();
  const chapter = '/posvetovanja/ds2030/osnutek/uvod';
  await page.goto(chapter);
  await page.getByRole('navigation', { name: /Glavna/ }).getByRole('link', { name: 'Prijava' }).click();
  await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fposvetovanja%2Fds2030%2Fosnutek%2Fuvod$/);
  await signIn(page, people.bled);
  await expect(page).toHaveURL(new RegExp(`${chapter}$`));

  const other = await newPage();
  await other.goto('/prijava?vrnitev=%2F%2Fevil.example%2Fx');
  await signIn(other, people.bled);
  await expect(other).toHaveURL(/\/moj-racun$/);
});
