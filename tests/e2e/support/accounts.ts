import type { BrowserContext, Page } from '@playwright/test';
import { mailedLink } from '../../support/mail.ts';
import { baseURL, expect, mailDir, people, postForm, signIn, submitForm, unique, type NewPage } from '../fixtures.ts';

/** What the account specs share: the interface's texts, the sign-in and invitation forms, mailed links, new members. */

export const SESSION_COOKIE = 'posvet_seja';

export const texts = {
  loginFailed: 'E-naslov ali geslo ni pravilno.',
  throttled: /^Preveč neuspešnih poskusov prijave\. Poskusite znova čez \d+ (minuto|minuti|minute|minut)\.$/,
  forbidden: 'Dostop zavrnjen',
  notAllowed: 'Tega dejanja ne smete izvesti.',
  forgotSent:
    'Če za ta e-naslov obstaja račun, smo nanj poslali povezavo za nastavitev novega gesla. Povezava velja eno uro. Preverite tudi mapo z neželeno pošto.',
  passwordReset: 'Geslo je spremenjeno. Prijavite se z novim geslom.',
  invited: 'Povabilo je poslano. Povezava v njem velja 14 dni.',
};

/** Submits the sign-in form and returns the POST's HTTP status (the page stays on /prijava on failure). */
export async function submitLogin(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('E-naslov').fill(email);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  return submitForm(page, page.getByRole('button', { name: 'Prijava', exact: true }));
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === SESSION_COOKIE && c.value !== '');
}


/**
 * The path of the newest link of a kind (/povabilo/… or /ponastavi-geslo/…) in mail to an address.
 * Mail is written asynchronously, so this polls for up to ten seconds.
 */
export function readMail(to: string, kind: 'povabilo' | 'ponastavi-geslo', timeout = 10_000): Promise<string> {
  return mailedLink(mailDir(), to, kind, timeout);
}

/** On /admin (already signed in as an administrator): invites a person and checks the success banner. */
export async function inviteUser(adminPage: Page, email: string, orgName: string, roleLabel: string): Promise<void> {
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
export async function acceptInvitation(page: Page, name: string, password: string, confirm = password): Promise<number> {
  await page.getByLabel('Ime in priimek').fill(name);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  await page.getByLabel('Ponovite novo geslo').fill(confirm);
  return submitForm(page, page.getByRole('button', { name: 'Ustvari račun' }));
}

export interface Member {
  email: string;
  name: string;
  password: string;
  /** Signed in as the member (right after accepting the invitation). */
  page: Page;
  invitationPath: string;
}

/** A new member of Občina Bled, invited by the administrator and signed in in a context of their own. */
export async function createMember(newPage: NewPage, label: string): Promise<Member> {
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
