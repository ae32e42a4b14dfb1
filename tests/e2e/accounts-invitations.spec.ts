import { expectNoAxeViolations } from './axe.ts';
import { baseURL, expect, people, signIn, submitForm, test, unique, uniqueEmail } from './fixtures.ts';
import { texts, submitLogin, sessionCookie, readMail, inviteUser, acceptInvitation, createMember } from './support/accounts.ts';

/*
 * Invitations, the mail that carries them, and resetting a forgotten password, end to end.
 *
 * The demo accounts are only ever signed in with; anything destructive happens to people created
 * here through invitations, with unique e-mail addresses. (Each worker has a database of its own:
 * tests/e2e/fixtures.ts.)
 */

test.describe('invitations', () => {
  test('an invited person creates an account, signs out and signs in again', async ({ newPage }) => {
    const id = unique();
    const email = `povabljena-${id}@obcina-e2e.si`;
    const name = `Nina Povabljena ${id}`;
    const password = `Modri galeb nad jezerom ${id}`;

    const admin = await newPage();
    await signIn(admin, people.admin);
    await inviteUser(admin, email, 'Občina Bled', 'član');
    await expect(admin.getByRole('region', { name: 'Odprta povabila' })).toContainText(`${email} – Občina Bled, član`);
    await expectNoAxeViolations(admin);

    const link = await readMail(email, 'povabilo');
    const page = await newPage();
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprejem povabila');
    await expect(page.getByText('Vabljeni ste, da na portalu Posvet sodelujete kot član v organizaciji Občina Bled.')).toBeVisible();
    await expect(page.getByText(`Vaš račun bo vezan na e-naslov ${email}.`)).toBeVisible();
    await expectNoAxeViolations(page);

    // A weak password is refused; the name stays, the password does not.
    expect(await acceptInvitation(page, name, 'kratko'), 'submitting the invitation form').toBe(400);
    await expect(page.getByRole('alert')).toContainText('Geslo mora imeti najmanj 12 znakov.');
    await expect(page.getByLabel('Ime in priimek')).toHaveValue(name);
    await expect(page.getByLabel('Geslo', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Geslo', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    // A password containing the e-mail address is refused too.
    expect(await acceptInvitation(page, name, `x${email}x`)).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Geslo ne sme vsebovati vašega e-naslova.');

    // Two different passwords.
    expect(await acceptInvitation(page, name, password, `${password}!`)).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Gesli se ne ujemata.');

    expect(await acceptInvitation(page, name, password)).toBe(303);
    await expect(page).toHaveURL(/\/moj-racun$/);
    await expect(page.getByText(`Prijavljeni ste kot ${name} (Občina Bled).`)).toBeVisible();
    const profile = page.getByRole('region', { name: 'Podatki o računu' });
    await expect(profile).toContainText(email);
    await expect(profile).toContainText('Občina Bled');
    await expect(profile).toContainText('član');
    await expect(page.getByLabel('Ime in priimek')).toHaveValue(name);
    await expectNoAxeViolations(page);

    // Sign out from the header.
    await page.getByRole('button', { name: 'Odjava', exact: true }).click();
    await expect(page).toHaveURL(/\/prijava\?sporocilo=odjava$/);
    await expect(page.getByRole('status')).toHaveText('Odjavljeni ste.');
    expect(await sessionCookie(page.context())).toBeUndefined();
    const afterSignOut = await page.goto('/moj-racun');
    expect(new URL(page.url()).pathname).toBe('/prijava');
    expect(afterSignOut?.status()).toBe(200);

    // And back in with the new password.
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/moj-racun$/);
    await expect(page.getByText(`Prijavljeni ste kot ${name} (Občina Bled).`)).toBeVisible();

    // The invitation is used up.
    const anonymous = await newPage();
    const reused = await anonymous.goto(link);
    expect(reused?.status()).toBe(404);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Povabilo ni več veljavno');
    await expect(anonymous.getByRole('button', { name: 'Ustvari račun' })).toHaveCount(0);
    await expectNoAxeViolations(anonymous);

    // The address now has an account: a second invitation is refused.
    await admin.goto('/admin');
    const form = admin.getByRole('region', { name: 'Povabi osebo v organizacijo' });
    await form.getByLabel('E-naslov').fill(email);
    await form.getByLabel('Organizacija').selectOption({ label: 'Občina Bled' });
    await form.getByRole('button', { name: 'Pošlji povabilo' }).click();
    await expect(form.getByRole('alert')).toContainText('Oseba s tem e-naslovom že ima račun.');
    await expect(form.getByLabel('E-naslov')).toHaveValue(email);

    await Promise.all([admin.context().close(), page.context().close(), anonymous.context().close()]);
  });

  test('a made-up invitation link is not valid', async ({ page }) => {
    const response = await page.goto('/povabilo/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Povabilo ni več veljavno');
  });
});

test.describe('outgoing mail', () => {
  test('invitations sent at the same moment all arrive promptly', async ({ page }) => {
    await signIn(page, people.admin);
    await page.goto('/admin');
    const organisation = page.getByRole('region', { name: 'Povabi osebo v organizacijo' }).getByLabel('Organizacija');
    const bledId = (await organisation.locator('option', { hasText: /^\s*Občina Bled\s*$/ }).getAttribute('value'))!;
    // Several invitations go out at the same moment (here: one administrator's parallel requests),
    // in a few rounds, since whether they overlap with a delivery in progress is a matter of timing.
    for (let round = 0; round < 3; round++) {
      const emails = Array.from({ length: 10 }, (_, i) => uniqueEmail(`hkrati-${round}-${i}`));
      const statuses = await Promise.all(
        emails.map(async (email) => {
          const response = await page.request.post('/admin', {
            headers: { Origin: baseURL() },
            form: { intent: 'invite', email, organisationId: bledId, role: 'member' },
            maxRedirects: 0,
          });
          return response.status();
        }),
      );
      expect(statuses).toEqual(emails.map(() => 303));
      // Delivery starts right after each request; three seconds is plenty. (A mail that missed its
      // turn waits for the once-a-minute retry, unless another mail happens to come along.)
      const arrived = await Promise.all(emails.map((email) => readMail(email, 'povabilo', 3_000).then(() => email, () => `${email}: not within 3 s`)));
      expect(arrived, `round ${round + 1}`).toEqual(emails);
    }
  });
});

test.describe('forgotten password', () => {
  test('a reset link sets a new password once; the answer never reveals who has an account', async ({ newPage }) => {
    const member = await createMember(newPage, 'ponastavitev');
    const newPassword = `Rdeča ladja na obzorju ${unique()}`;

    const page = await newPage();
    await page.goto('/pozabljeno-geslo');
    await expect(page.getByText('Vpišite e-naslov svojega računa.')).toBeVisible();
    await page.getByLabel('E-naslov').fill(member.email);
    await page.getByRole('button', { name: 'Pošlji povezavo' }).click();
    await expect(page.getByRole('status')).toHaveText(texts.forgotSent);
    await expectNoAxeViolations(page);

    // An address without an account gets exactly the same answer.
    await page.goto('/pozabljeno-geslo');
    await page.getByLabel('E-naslov').fill(uniqueEmail('nihce'));
    await page.getByRole('button', { name: 'Pošlji povezavo' }).click();
    await expect(page.getByRole('status')).toHaveText(texts.forgotSent);

    const link = await readMail(member.email, 'ponastavi-geslo');
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['referrer-policy']).toBe('same-origin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nastavitev novega gesla');
    await expect(page.getByText(`Nastavite novo geslo za račun ${member.email}.`)).toBeVisible();
    await expectNoAxeViolations(page);

    // Mismatched confirmation first.
    await page.getByLabel('Novo geslo', { exact: true }).fill(newPassword);
    await page.getByLabel('Ponovite novo geslo').fill('nekaj povsem drugega');
    expect(await submitForm(page, page.getByRole('button', { name: 'Nastavi novo geslo' })), 'submitting the reset form').toBe(400);
    await expect(page.getByRole('alert')).toContainText('Gesli se ne ujemata.');
    await expectNoAxeViolations(page);

    await page.getByLabel('Novo geslo', { exact: true }).fill(newPassword);
    await page.getByLabel('Ponovite novo geslo').fill(newPassword);
    expect(await submitForm(page, page.getByRole('button', { name: 'Nastavi novo geslo' })), 'submitting the reset form').toBe(303);
    await expect(page).toHaveURL(/\/prijava\?sporocilo=geslo-ponastavljeno$/);
    await expect(page.getByRole('status')).toHaveText(texts.passwordReset);

    // The old password no longer works; the new one does.
    expect(await submitLogin(page, member.email, member.password)).toBe(401);
    await expect(page.getByRole('alert')).toContainText(texts.loginFailed);
    await signIn(page, member.email, newPassword);
    await expect(page).toHaveURL(/\/moj-racun$/);

    // The session the member had before the reset has ended.
    await member.page.goto('/moj-racun');
    await expect(member.page).toHaveURL(/\/prijava\?vrnitev=%2Fmoj-racun$/);

    // The link works once.
    const anonymous = await newPage();
    const again = await anonymous.goto(link);
    expect(again?.status()).toBe(404);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Povezava ni več veljavna');
    await expect(anonymous.getByRole('link', { name: 'Zahtevaj novo povezavo' })).toHaveAttribute('href', '/pozabljeno-geslo');
    await expectNoAxeViolations(anonymous);

    await Promise.all([page.context().close(), member.page.context().close(), anonymous.context().close()]);
  });
});
