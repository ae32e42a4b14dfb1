import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Page } from '@playwright/test';
import { mailedLink } from '../support/mail.ts';
import { expectNoAxeViolations } from './axe.ts';
import { baseURL, expect, mailDir, postForm, test, unique, type NewPage } from './fixtures.ts';

/*
 * Two-factor sign-in, end to end: a person sets it up on /moj-racun with an authenticator app (here:
 * @oslojs/otp computing the codes from the key shown on the page), signs out, and signs in with
 * password and code. The person is new, invited by the administrator, so the demo accounts stay as
 * they are.
 */

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A new member of Občina Bled, invited by the administrator and signed in on a page of their own. */
async function createMember(newPage: NewPage) {
  const id = unique('oseba');
  const email = `dvostopenjska-${id}@obcina-e2e.si`;
  const name = `Tina Testna ${id}`;
  const password = `Zelena jablana cveti ${id}`;
  const admin = await newPage({ as: 'admin', viewport: DESKTOP });
  await admin.goto('/admin');
  const form = admin.getByRole('region', { name: 'Povabi osebo v organizacijo' });
  await form.getByLabel('E-naslov').fill(email);
  await form.getByLabel('Organizacija').selectOption({ label: 'Občina Bled' });
  await form.getByLabel('Vloga', { exact: true }).selectOption({ label: 'član' });
  await form.getByRole('button', { name: 'Pošlji povabilo' }).click();
  await expect(admin).toHaveURL(/sporocilo=povabilo-poslano$/);
  await admin.context().close();

  const page = await newPage({ viewport: DESKTOP });
  const accepted = await postForm(page, await mailedLink(mailDir(), email, 'povabilo'), { username: email, name, password, passwordConfirm: password });
  expect(accepted.status(), 'accepting the invitation').toBe(303);
  return { email, name, password, page };
}

const step = () => Math.floor(Date.now() / 30_000);
const codeFor = (key: Uint8Array, at: number) => generateHOTP(key, BigInt(at), 6);

/** Full-page screenshots at desktop width and at 390 px (a phone), for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/2fa-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `/tmp/2fa-${name}-390.png`, fullPage: true });
  // Nothing may stick out sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
}

test('a person sets up two-factor sign-in, signs out, and signs in with password and code', async ({ newPage }) => {
  // A long journey with axe on six pages and twelve screenshots, on a busy machine.
  test.setTimeout(180_000);
  const { email, name, password, page } = await createMember(newPage);

  // Moj račun offers it.
  await page.goto('/moj-racun');
  const section = page.getByRole('region', { name: 'Dvostopenjska prijava' });
  await expect(section).toContainText('Dvostopenjska prijava ni vklopljena.');
  await section.getByRole('link', { name: 'Vklopi dvostopenjsko prijavo' }).click();
  await expect(page).toHaveURL(/\/moj-racun\/dvostopenjska-prijava$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dvostopenjska prijava');

  // The QR code (inline SVG, hidden from screen readers: the key below is its text alternative).
  const qr = page.locator('figure svg.qr-code');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('aria-hidden', 'true');
  const shown = (await page.getByTestId('totp-key').textContent())!.trim();
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'setup');

  // A wrong code is refused with an error summary that leads to the field.
  const key = decodeBase32IgnorePadding(shown.replace(/ /g, ''));
  await page.getByLabel('Koda iz aplikacije').fill(codeFor(key, step() + 5));
  await page.getByRole('button', { name: 'Potrdi in vklopi' }).click();
  await expect(page.getByRole('alert')).toContainText('Koda ni pravilna.');
  await expectNoAxeViolations(page);
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByLabel('Koda iz aplikacije')).toBeFocused();

  // The right code turns it on and shows ten recovery codes, once.
  const setupStep = step();
  await page.getByLabel('Koda iz aplikacije').fill(codeFor(key, setupStep));
  await page.getByRole('button', { name: 'Potrdi in vklopi' }).click();
  await expect(page.getByRole('status')).toHaveText('Dvostopenjska prijava je vklopljena. Vse vaše druge seje so končane.');
  const codes = page.getByRole('region', { name: 'Kode za obnovitev', exact: true }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await expectNoAxeViolations(page);
  await screenshots(page, 'recovery-codes');
  await page.getByRole('link', { name: 'Nadaljuj' }).click();
  await expect(page).toHaveURL(/\/moj-racun$/);
  await expect(page.getByRole('region', { name: 'Dvostopenjska prijava' })).toContainText('Imate še 10 neuporabljenih kod za obnovitev.');
  // Reloading the setup page shows the state, never the codes again.
  await page.goto('/moj-racun/dvostopenjska-prijava');
  await expect(page.getByRole('region', { name: 'Kode za obnovitev', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Izklop dvostopenjske prijave' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'manage');

  // Sign out, then sign in: the password leads to the code page, not into the portal.
  await page.getByRole('button', { name: 'Odjava' }).click();
  await expect(page).toHaveURL(/\/prijava\?sporocilo=odjava$/);
  await page.getByLabel('E-naslov').fill(email);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Prijava', exact: true }).click();
  await expect(page).toHaveURL(/\/prijava\/koda$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koda za prijavo');
  expect((await page.context().cookies()).find((c) => c.name === 'posvet_seja' && c.value !== '')).toBeUndefined();
  const pending = (await page.context().cookies()).find((c) => c.name === 'posvet_prijava_koda');
  expect(pending?.httpOnly).toBe(true);
  await expect(page.getByText(`Prijavljeni ste kot ${name}`)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, 'code');

  // A wrong code is refused; the recovery form opens on request.
  await page.getByLabel('Koda iz aplikacije').fill(codeFor(key, step() + 5));
  await page.getByRole('button', { name: 'Potrdi kodo' }).click();
  await expect(page.getByRole('alert')).toContainText('Koda ni pravilna.');
  await page.getByText('Nimate telefona? Prijavite se s kodo za obnovitev').click();
  await expect(page.getByLabel('Koda za obnovitev')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'code-error');

  // The app's current code signs in. Within the 30 seconds of the code that turned 2FA on, that
  // one would be refused as used, so the test then types the next one (within the accepted skew).
  await page.getByLabel('Koda iz aplikacije').fill(codeFor(key, Math.max(step(), setupStep + 1)));
  await page.getByRole('button', { name: 'Potrdi kodo' }).click();
  await expect(page).toHaveURL(/\/moj-racun$/);
  await expect(page.getByText(`Prijavljeni ste kot ${name} (Občina Bled).`)).toBeVisible();
  await page.context().close();
});

test('an administrator resets the two-factor sign-in of someone who lost their phone', async ({ newPage }) => {
  test.setTimeout(120_000);
  const { email, name, password, page } = await createMember(newPage);
  // Set up through plain same-origin requests: the forms themselves are the journey above.
  const html = await (await page.request.get('/moj-racun/dvostopenjska-prijava')).text();
  const key = decodeBase32IgnorePadding(/data-testid="totp-key"[^>]*>([A-Z2-7 ]+)</.exec(html)![1].replace(/ /g, ''));
  const enabled = await page.request.post('/moj-racun/dvostopenjska-prijava', { headers: { Origin: baseURL() }, form: { intent: 'enable', code: codeFor(key, step()) } });
  expect(enabled.status()).toBe(200);

  const admin = await newPage({ as: 'admin', viewport: DESKTOP });
  await admin.goto('/admin');
  const section = admin.getByRole('region', { name: 'Dvostopenjska prijava' });
  const row = section.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(email);
  await expectNoAxeViolations(admin);
  await section.screenshot({ path: '/tmp/2fa-admin-section.png' });
  await row.getByRole('button', { name: `Ponastavi dvostopenjsko prijavo osebe ${name}` }).click();
  await expect(admin).toHaveURL(/\/admin\?sporocilo=dvostopenjska-ponastavljena$/);
  await expect(admin.getByRole('status')).toHaveText('Dvostopenjska prijava je ponastavljena; seje osebe so končane.');
  await expect(section.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  await admin.goto(`/admin/dnevnik?dejanje=two_factor.reset`);
  await expect(admin.getByRole('cell', { name: 'ponastavitev dvostopenjske prijave', exact: true }).first()).toBeVisible();
  await admin.context().close();

  // The person's session has ended; the password alone signs them in again.
  await page.goto('/moj-racun');
  await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fmoj-racun$/);
  await page.getByLabel('E-naslov').fill(email);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Prijava', exact: true }).click();
  await expect(page).toHaveURL(/\/moj-racun$/);
  await expect(page.getByRole('region', { name: 'Dvostopenjska prijava' })).toContainText('Dvostopenjska prijava ni vklopljena.');
  await page.context().close();
});
