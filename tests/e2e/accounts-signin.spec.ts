import { expectNoAxeViolations } from './axe.ts';
import { baseURL, DEMO_PASSWORD, expect, people, signIn, test, unique, uniqueEmail } from './fixtures.ts';
import { texts, submitLogin, sessionCookie } from './support/accounts.ts';

/*
 * Signing in and access control, end to end.
 *
 * The demo accounts are only ever signed in with; anything destructive happens to people created
 * here through invitations, with unique e-mail addresses. (Each worker has a database of its own:
 * tests/e2e/fixtures.ts.)
 */

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
