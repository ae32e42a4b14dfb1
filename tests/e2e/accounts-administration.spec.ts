import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe.ts';
import { baseURL, expect, people, postForm, signIn, test, unique, uniqueEmail } from './fixtures.ts';
import { texts, submitLogin, sessionCookie, readMail, createMember } from './support/accounts.ts';

/*
 * A person's own account and the administration of an organisation's people, end to end.
 *
 * The demo accounts are only ever signed in with; anything destructive happens to people created
 * here through invitations, with unique e-mail addresses. (Each worker has a database of its own:
 * tests/e2e/fixtures.ts.)
 */

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
