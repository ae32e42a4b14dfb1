import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { mailedLink } from '../support/mail.ts';
import { expectNoAxeViolations } from './axe.ts';
import { baseURL, DEMO_PASSWORD, expect, mailDir, people, postForm, signIn, submitForm, test, unique, uniqueEmail, type NewPage } from './fixtures.ts';

/*
 * Accounts, sign-in and access control, end to end. The demo accounts are only ever signed in with;
 * anything destructive happens to people created here through invitations, with unique e-mail
 * addresses. (Each worker has a database of its own: tests/e2e/fixtures.ts.)
 */

const SESSION_COOKIE = 'posvet_seja';

const texts = {
  loginFailed: 'E-naslov ali geslo ni pravilno.',
  throttled: /^Preveč neuspešnih poskusov prijave\. Poskusite znova čez \d+ (minuto|minuti|minute|minut)\.$/,
  forbidden: 'Dostop zavrnjen',
  notAllowed: 'Tega dejanja ne smete izvesti.',
  forgotSent:
    'Če za ta e-naslov obstaja račun, smo nanj poslali povezavo za nastavitev novega gesla. Povezava velja eno uro. Preverite tudi mapo z neželeno pošto.',
  passwordReset: 'Geslo je spremenjeno. Prijavite se z novim geslom.',
  invited: 'Povabilo je poslano. Povezava v njem velja 14 dni.',
};

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

/** Submits the sign-in form and returns the POST's HTTP status (the page stays on /prijava on failure). */
async function submitLogin(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('E-naslov').fill(email);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  return submitForm(page, page.getByRole('button', { name: 'Prijava', exact: true }));
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === SESSION_COOKIE && c.value !== '');
}


/**
 * The path of the newest link of a kind (/povabilo/… or /ponastavi-geslo/…) in mail to an address.
 * Mail is written asynchronously, so this polls for up to ten seconds.
 */
function readMail(to: string, kind: 'povabilo' | 'ponastavi-geslo', timeout = 10_000): Promise<string> {
  return mailedLink(mailDir(), to, kind, timeout);
}

/** On /admin (already signed in as an administrator): invites a person and checks the success banner. */
async function inviteUser(adminPage: Page, email: string, orgName: string, roleLabel: string): Promise<void> {
  await adminPage.goto('/admin');
  const form = adminPage.getByRole('region', { name: 'Povabi osebo v organizacijo' });
  await form.getByLabel('E-naslov').fill(email);
  await form.getByLabel('Organizacija').selectOption({ label: orgName });
  await form.getByLabel('Vloga', { exact: true }).selectOption({ label: roleLabel });
  await form.getByRole('button', { name: 'Pošlji povabilo' }).click();
  await expect(adminPage).toHaveURL(/\/admin\?sporocilo=povabilo-poslano$/);
  await expect(adminPage.getByRole('status')).toHaveText(texts.invited);
}

/** Fills and submits the invitation form; returns the POST's status. */
async function acceptInvitation(page: Page, name: string, password: string, confirm = password): Promise<number> {
  await page.getByLabel('Ime in priimek').fill(name);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  await page.getByLabel('Ponovite novo geslo').fill(confirm);
  return submitForm(page, page.getByRole('button', { name: 'Ustvari račun' }));
}

interface Member {
  email: string;
  name: string;
  password: string;
  /** Signed in as the member (right after accepting the invitation). */
  page: Page;
  invitationPath: string;
}

/** A new member of Občina Bled, invited by the administrator and signed in in a context of their own. */
async function createMember(newPage: NewPage, label: string): Promise<Member> {
  const id = unique();
  const email = `${label}-${id}@obcina-e2e.si`;
  const name = `Tina Testna ${id}`;
  const password = `Zelena jablana cveti ${id}`;
  const admin = await newPage();
  await signIn(admin, people.admin);
  await inviteUser(admin, email, 'Občina Bled', 'član');
  await admin.context().close();

  const invitationPath = await readMail(email, 'povabilo');
  const page = await newPage();
  // Accepted with a plain same-origin POST rather than through the form: the form itself is tested in
  // 'invitations'; here a fresh member is only the starting point of another test.
  const accepted = await page.request.post(invitationPath, {
    headers: { Origin: baseURL() },
    form: { username: email, name, password, passwordConfirm: password },
    maxRedirects: 0,
  });
  expect(accepted.status(), 'accepting the invitation').toBe(303);
  expect(accepted.headers()['location']).toBe('/moj-racun');
  await page.goto('/moj-racun');
  await expect(page.getByText(`Prijavljeni ste kot ${name} (Občina Bled).`)).toBeVisible();
  return { email, name, password, page, invitationPath };
}

// ——— tests ———————————————————————————————————————————————————————————————————————————————————

test.describe('access to protected pages', () => {
  test('an anonymous visitor is sent to sign in and comes back to /moderacija', async ({ page }) => {
    await page.goto('/moderacija');
    await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fmoderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prijava');

    await page.getByLabel('E-naslov').fill(people.moderator);
    await page.getByLabel('Geslo', { exact: true }).fill(DEMO_PASSWORD);
    const [landing] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/moderacija'),
      page.getByRole('button', { name: 'Prijava', exact: true }).click(),
    ]);
    expect(landing.status()).toBe(200);
    await expect(page).toHaveURL(/\/moderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderacija');
    await expect(page.getByText('Prijavljeni ste kot Marko Moderator (Ministrstvo za digitalno preobrazbo).').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // A moderator may not administer.
    const admin = await page.goto('/admin');
    expect(admin?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.forbidden);
  });

  test('a member gets the Slovenian 403 page on /moderacija and /admin', async ({ page }) => {
    await signIn(page, people.bled);
    for (const path of ['/moderacija', '/admin', '/admin/organizacije/bled']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(texts.forbidden);
      await expect(page.getByText('Za to stran nimate pravic.')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Moderacija' })).toHaveCount(0);
    }
    // The header offers only what a member may open.
    const nav = page.getByRole('navigation', { name: 'Glavna navigacija' });
    await expect(nav.getByRole('link', { name: 'Moderacija' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Skrbništvo' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Moj račun' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  for (const [path, heading] of [
    ['/admin', 'Skrbništvo portala'],
    ['/moderacija', 'Moderacija'],
    ['/admin/organizacije', 'Organizacije'],
    ['/admin/organizacije/zmos', 'Združenje mestnih občin Slovenije'],
  ] as const) {
    test(`an administrator opens ${path}, and it is accessible`, async ({ page }) => {
      await signIn(page, people.admin);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('signing in', () => {
  test('a wrong password gives a Slovenian error with 401, keeps the e-mail and sets no session', async ({ page, context }) => {
    const email = uniqueEmail('napacno-geslo');
    const password = `napacno-geslo-${unique()}`;
    await page.goto('/prijava');
    expect(await submitLogin(page, email, password)).toBe(401);

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'Prišlo je do težave' })).toBeVisible();
    await expect(summary).toContainText(texts.loginFailed);
    await expect(page.getByLabel('E-naslov')).toHaveValue(email);
    await expect(page.getByLabel('Geslo', { exact: true })).toHaveValue('');
    expect(await page.content()).not.toContain(password);
    expect(await sessionCookie(context)).toBeUndefined();
    await expectNoAxeViolations(page);
  });

  test('an empty form names the missing fields', async ({ page }) => {
    await page.goto('/prijava');
    await page.getByRole('button', { name: 'Prijava', exact: true }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link', { name: 'Vpišite e-naslov.' })).toHaveAttribute('href', '#email');
    await expect(page.getByLabel('E-naslov')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });

  test('fifteen wrong passwords for one address are throttled with 429', async ({ page }) => {
    const email = uniqueEmail('vsiljivec');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const response = await page.request.post('/prijava', {
        headers: { Origin: baseURL() },
        form: { email, password: `ugibam-geslo-${i}` },
        maxRedirects: 0,
      });
      statuses.push(response.status());
    }
    expect(statuses[0]).toBe(401);
    // Five failures are free; after that every attempt waits, without the password being checked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    const firstThrottled = statuses.indexOf(429);
    expect(firstThrottled).toBeGreaterThan(0);
    expect(statuses.slice(firstThrottled)).toEqual(statuses.slice(firstThrottled).map(() => 429));

    // What the person sees in the browser.
    await page.goto('/prijava');
    expect(await submitLogin(page, email, 'se-eno-ugibanje')).toBe(429);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.throttled);
    await expect(page.getByLabel('E-naslov')).toHaveValue(email);
    await expectNoAxeViolations(page);
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    await signIn(page, people.bled);
    await expect(page).toHaveURL(/\/moj-racun$/);
    const cookie = await sessionCookie(context);
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
  });

  test('a form posted from another origin is refused with 403', async ({ page, context }) => {
    const foreign = await page.request.post('/prijava', {
      headers: { Origin: 'https://zlonamerna.example' },
      form: { email: people.bled, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);
    expect(await sessionCookie(context)).toBeUndefined();

    // The same form from our own origin signs in.
    const own = await page.request.post('/prijava', {
      headers: { Origin: baseURL() },
      form: { email: people.bled, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(own.status()).toBe(303);
    expect(await sessionCookie(context)).toBeDefined();

    // Nor can another site sign the person out.
    const signOut = await page.request.post('/odjava', { headers: { Origin: 'https://zlonamerna.example' }, form: {}, maxRedirects: 0 });
    expect(signOut.status()).toBe(403);
    const account = await page.goto('/moj-racun');
    expect(account?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moj račun');
  });

  test('signing in works with the keyboard alone', async ({ page }) => {
    await page.goto('/prijava');
    const email = page.getByLabel('E-naslov');
    for (let i = 0; i < 20 && !(await email.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(email).toBeFocused();
    await page.keyboard.type(people.zmos);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Geslo', { exact: true })).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/moj-racun$/);
    await expect(page.getByText('Prijavljeni ste kot Zala Horvat (Združenje mestnih občin Slovenije).')).toBeVisible();
  });

  test('the sign-in and forgotten-password pages are accessible, also with errors', async ({ page }) => {
    await page.goto('/prijava');
    await expect(page.getByRole('link', { name: 'Ste pozabili geslo?' })).toHaveAttribute('href', '/pozabljeno-geslo');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ste pozabili geslo?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pozabljeno geslo');
    await expectNoAxeViolations(page);
    await page.getByLabel('E-naslov').fill('to ni e-naslov');
    await page.getByRole('button', { name: 'Pošlji povezavo' }).click();
    await expect(page.getByRole('alert')).toContainText('Vpišite veljaven e-naslov, na primer ime.priimek@obcina.si.');
    await expect(page.getByLabel('E-naslov')).toHaveValue('to ni e-naslov');
    await expectNoAxeViolations(page);
  });
});

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

test.describe('my account', () => {
  test('a person changes their name and password; the password change ends their other sessions', async ({ browser, newPage }) => {
    const member = await createMember(newPage, 'moj-racun');
    const page = member.page;
    const other = await newPage();
    await signIn(other, member.email, member.password);
    await expect(other).toHaveURL(/\/moj-racun$/);

    await page.goto('/moj-racun');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moj račun');
    const sessions = page.getByRole('region', { name: 'Aktivne seje' });
    await expect(sessions.getByRole('row')).toHaveCount(3);
    await expect(sessions.getByText('ta seja')).toHaveCount(1);
    await expectNoAxeViolations(page);

    // Name.
    const newName = `Tina Preimenovana ${unique()}`;
    await page.getByLabel('Ime in priimek').fill(newName);
    await page.getByRole('button', { name: 'Shrani ime' }).click();
    await expect(page).toHaveURL(/\/moj-racun\?sporocilo=ime-shranjeno$/);
    await expect(page.getByRole('status')).toHaveText('Ime je shranjeno.');
    await expect(page.getByText(`Prijavljeni ste kot ${newName} (Občina Bled).`)).toBeVisible();
    await expect(page.getByLabel('Ime in priimek')).toHaveValue(newName);

    // Empty name.
    await page.getByLabel('Ime in priimek').fill('   ');
    await page.getByRole('button', { name: 'Shrani ime' }).click();
    await expect(page.getByRole('alert')).toContainText('Vpišite ime in priimek.');

    // Password: the current one must be right.
    const newPassword = `Oranžna mačka spi na peči ${unique()}`;
    await page.goto('/moj-racun');
    await page.getByLabel('Trenutno geslo').fill('to ni moje geslo');
    await page.getByLabel('Novo geslo', { exact: true }).fill(newPassword);
    await page.getByLabel('Ponovite novo geslo').fill(newPassword);
    await page.getByRole('button', { name: 'Spremeni geslo' }).click();
    await expect(page.getByRole('alert')).toContainText('Trenutno geslo ni pravilno.');
    await expect(page.getByLabel('Trenutno geslo')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Trenutno geslo')).toHaveValue('');
    await expectNoAxeViolations(page);
    // The other session is untouched by a failed attempt.
    expect((await other.goto('/moj-racun'))?.status()).toBe(200);

    await page.getByLabel('Trenutno geslo').fill(member.password);
    await page.getByLabel('Novo geslo', { exact: true }).fill(newPassword);
    await page.getByLabel('Ponovite novo geslo').fill(newPassword);
    await page.getByRole('button', { name: 'Spremeni geslo' }).click();
    await expect(page).toHaveURL(/\/moj-racun\?sporocilo=geslo-spremenjeno$/);
    await expect(page.getByRole('status')).toHaveText('Geslo je spremenjeno. Vse druge seje so končane.');
    await expect(page.getByText('Drugih aktivnih sej nimate.')).toBeVisible();

    // The other browser is signed out; this one is not.
    await other.goto('/moj-racun');
    await expect(other).toHaveURL(/\/prijava\?vrnitev=%2Fmoj-racun$/);
    await signIn(other, member.email, newPassword);
    await expect(other).toHaveURL(/\/moj-racun$/);
    expect((await page.goto('/moj-racun'))?.status()).toBe(200);

    await Promise.all([page.context().close(), other.context().close()]);
  });

  test('"Prenesi moje podatke (JSON)" downloads the account data without the password hash', async ({ page }) => {
    await signIn(page, people.bled);
    await page.goto('/moj-racun');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Prenesi moje podatke (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('posvet-moji-podatki.json');
    const text = await readFile(await download.path(), 'utf8');
    const data = JSON.parse(text);
    expect(data.account.email).toBe(people.bled);
    expect(data.account.name).toBe('Blaž Kranjc');
    expect(data.account.organisation.name).toBe('Občina Bled');
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/password_hash|token_hash/i);

    const response = await page.request.get('/moj-racun/podatki.json');
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['cache-control']).toContain('no-store');

    // Not without signing in.
    const anonymous = await page.context().browser()!.newContext({ baseURL: baseURL() });
    const refused = await anonymous.request.get('/moj-racun/podatki.json', { maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers()['location']).toContain('/prijava');
    await anonymous.close();
  });
});

test.describe('organisation administration', () => {
  test('an organisation admin sees the members, invites a person and revokes the invitation', async ({ page }) => {
    await signIn(page, people.ljubljana);
    const response = await page.goto('/organizacija');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mestna občina Ljubljana');
    const members = page.getByRole('table', { name: 'Člani' });
    await expect(members.getByRole('row', { name: /Lea Novak/ })).toContainText('ljubljana@posvet.test');
    await expect(members.getByRole('row', { name: /Lea Novak/ })).toContainText('(vi)');
    // Nobody can disable themselves.
    await expect(page.getByRole('button', { name: /Odstrani iz organizacije – Lea Novak/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const email = uniqueEmail('ljubljana-povabilo');
    const form = page.getByRole('region', { name: 'Povabi osebo' });
    await expect(form.getByLabel('Organizacija')).toHaveCount(0);
    // An organisation admin can give only the organisation's roles.
    expect(await form.getByLabel('Vloga').locator('option').allTextContents()).toEqual(['član', 'skrbnik organizacije']);
    await form.getByLabel('E-naslov').fill(email);
    await form.getByLabel('Vloga').selectOption({ label: 'član' });
    await form.getByRole('button', { name: 'Pošlji povabilo' }).click();
    await expect(page).toHaveURL(/\/organizacija\?sporocilo=povabilo-poslano$/);
    await expect(page.getByRole('status')).toHaveText(texts.invited);

    const pending = page.getByRole('region', { name: 'Odprta povabila' });
    await expect(pending.getByRole('listitem').filter({ hasText: email })).toContainText(`${email} – član`);
    await expectNoAxeViolations(page);

    // The invited person got the mail with a working link.
    const link = await readMail(email, 'povabilo');

    await pending.getByRole('button', { name: `Prekliči – ${email}` }).click();
    await expect(page).toHaveURL(/\/organizacija\?sporocilo=povabilo-preklicano$/);
    await expect(page.getByRole('status')).toHaveText('Povabilo je preklicano.');
    await expect(page.getByRole('region', { name: 'Odprta povabila' })).not.toContainText(email);

    // A revoked invitation cannot be accepted.
    const revoked = await page.goto(link);
    expect(revoked?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Povabilo ni več veljavno');
  });

  test('a member sees their organisation read-only', async ({ page }) => {
    await signIn(page, people.bled);
    const response = await page.goto('/organizacija');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Občina Bled');
    await expect(page.getByText('Člane organizacije upravlja skrbnik organizacije.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Člani' }).getByRole('row', { name: /Blaž Kranjc/ })).toContainText('bled@posvet.test');
    await expect(page.getByRole('region', { name: 'Povabi osebo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pošlji povabilo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Odstrani iz organizacije|Spremeni vlogo|Prekliči/ })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a member who posts a management form directly is refused, with the reason shown', async ({ page }) => {
    await signIn(page, people.bled);
    const post = await page.request.post('/organizacija', {
      headers: { Origin: baseURL() },
      form: { intent: 'invite', email: uniqueEmail('clan-vabi'), role: 'member' },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect((await post.text()).includes(texts.notAllowed), `the 403 page says "${texts.notAllowed}"`).toBe(true);
  });

  test('an organisation admin cannot manage a person of another organisation', async ({ newPage }) => {
    const admin = await newPage();
    await signIn(admin, people.admin);
    await admin.goto('/admin/organizacije/bled');
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Občina Bled');
    const bledRow = admin.getByRole('row', { name: /Blaž Kranjc/ });
    const userId = await bledRow.locator('input[name="userId"]').first().inputValue();
    expect(userId).toMatch(/^\d+$/);

    const ljubljana = await newPage();
    await signIn(ljubljana, people.ljubljana);
    const forms: Array<Record<string, string>> = [
      { intent: 'disable', userId },
      { intent: 'role', userId, role: 'org_admin' },
    ];
    for (const form of forms) {
      const response = await postForm(ljubljana, '/organizacija', form);
      if (response.status() !== 403) {
        // Put the shared demo account back before failing, so other tests are not affected.
        await postForm(admin, '/admin', { intent: 'enable', userId });
        await postForm(admin, '/admin', { intent: 'role', userId, role: 'member' });
      }
      expect(response.status(), form.intent).toBe(403);
      expect((await response.text()).includes(texts.notAllowed), `the 403 page says "${texts.notAllowed}"`).toBe(true);
    }

    // Blaž is still an active member and can sign in.
    await admin.goto('/admin/organizacije/bled');
    await expect(admin.getByRole('row', { name: /Blaž Kranjc/ })).toContainText('aktiven');
    await expectNoAxeViolations(admin);
    const bled = await newPage();
    await signIn(bled, people.bled);
    await expect(bled.getByText('Prijavljeni ste kot Blaž Kranjc (Občina Bled).')).toBeVisible();
    await expect(bled.getByRole('region', { name: 'Podatki o računu' })).toContainText('član');

    await Promise.all([admin.context().close(), ljubljana.context().close(), bled.context().close()]);
  });

  test('an administrator disables a person: their session ends and they cannot sign in', async ({ newPage }) => {
    const member = await createMember(newPage, 'onemogocen');
    const admin = await newPage();
    await signIn(admin, people.admin);
    await admin.goto('/admin');
    const row = admin.getByRole('row', { name: new RegExp(member.name) });
    await expect(row).toContainText('aktiven');
    await admin.getByRole('button', { name: `Odstrani iz organizacije – ${member.name}` }).click();
    await expect(admin).toHaveURL(/\/admin\?sporocilo=racun-onemogocen$/);
    await expect(admin.getByRole('status')).toHaveText('Račun je onemogočen; seje osebe so končane.');
    await expect(admin.getByRole('row', { name: new RegExp(member.name) })).toContainText('onemogočen');
    await expect(admin.getByRole('button', { name: `Ponovno omogoči – ${member.name}` })).toBeVisible();
    await expectNoAxeViolations(admin);

    // Their open session has ended.
    await member.page.goto('/moj-racun');
    await expect(member.page).toHaveURL(/\/prijava\?vrnitev=%2Fmoj-racun$/);
    // And the right password gets the same answer as a wrong one.
    expect(await submitLogin(member.page, member.email, member.password)).toBe(401);
    await expect(member.page.getByRole('alert')).toContainText(texts.loginFailed);
    expect(await sessionCookie(member.page.context())).toBeUndefined();

    // A disabled person gets no reset link either (the answer is the same).
    await member.page.goto('/pozabljeno-geslo');
    await member.page.getByLabel('E-naslov').fill(member.email);
    await member.page.getByRole('button', { name: 'Pošlji povezavo' }).click();
    await expect(member.page.getByRole('status')).toHaveText(texts.forgotSent);
    await expect(readMail(member.email, 'ponastavi-geslo', 2_000)).rejects.toThrow(/no ponastavi-geslo mail/);

    await Promise.all([admin.context().close(), member.page.context().close()]);
  });

  test('the administrator finds an organisation and its people', async ({ page }) => {
    await signIn(page, people.admin);
    await page.goto('/admin/organizacije');
    await expect(page.getByRole('status')).toHaveText(/^Prikazanih je \d+ organizacij\.$/);
    await page.getByLabel('Iskanje').fill('Bled');
    await page.getByRole('button', { name: 'Filtriraj' }).click();
    await expect(page).toHaveURL(/iskanje=Bled/);
    await expect(page.getByRole('link', { name: 'Občina Bled' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Občina Bled' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Občina Bled');
    await expect(page.getByRole('table', { name: 'Uporabniki' })).toContainText('Blaž Kranjc');
    await expectNoAxeViolations(page);

    await page.goto('/admin/organizacije/zmos');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Združenje mestnih občin Slovenije');
    await expect(page.getByRole('region', { name: 'Članice' })).toContainText('Mestna občina Ljubljana');
  });
});

