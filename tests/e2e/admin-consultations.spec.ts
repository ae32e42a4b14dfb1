import { expectNoAxeViolations } from './axe.ts';
import { expect, postForm, signIn, submitForm, test, unique } from './fixtures.ts';
import { postComment } from './support/comments.ts';

/*
 * Administrators run the consultations: create one (in preparation), open and close it, archive it,
 * say who moderates it. Each test creates its own consultation with a unique slug; the one test that
 * closes the demo's SDJS 2030 reopens it before it ends (each worker has a database of its own).
 */

const texts = {
  created: 'Posvetovanje je ustvarjeno; je v pripravi.',
  statusChanged: 'Stanje posvetovanja je spremenjeno.',
  assigned: 'Moderator je dodeljen.',
  unassigned: 'Moderatorju je posvetovanje odvzeto.',
  taken: (slug: string) => `Posvetovanje z oznako „${slug}“ že obstaja. Izberite drugo oznako.`,
  consultationClosed: 'Ministrstvo je to posvetovanje zaključilo; pripomb k njemu ni več mogoče oddajati, umikati ali podpirati.',
};

async function fillCreateForm(page: import('@playwright/test').Page, fields: { slug: string; title: string }) {
  await page.getByLabel('Oznaka (v spletnem naslovu)').fill(fields.slug);
  await page.getByLabel('Naslov', { exact: true }).fill(fields.title);
  await page.getByLabel('Kratki naslov').fill('E2E');
  await page.getByLabel('Številka zadeve').fill('3510-99/2026');
  await page.getByLabel('Opis', { exact: true }).fill(`Opis posvetovanja ${fields.title}.`);
}

test.describe('consultations in the administration', () => {
  test('an administrator creates a consultation, which is listed in preparation, then opens and closes it and assigns a moderator', async ({ page }) => {
    const slug = unique('k');
    const title = `Strategija ${slug}`;
    await signIn(page, 'admin@posvet.test');
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Skrbništvo portala' }).getByRole('link', { name: 'Posvetovanja' }).click();
    await expect(page).toHaveURL(/\/admin\/posvetovanja$/);
    await expect(page.getByRole('table', { name: 'Vsa posvetovanja' })).toContainText('Digitalna Slovenija 2030 – vmesni pregled');
    await expectNoAxeViolations(page);

    await fillCreateForm(page, { slug, title });
    expect(await submitForm(page, page.getByRole('button', { name: 'Ustvari posvetovanje' }))).toBe(303);
    await expect(page).toHaveURL(new RegExp(`/admin/posvetovanja/${slug}\\?sporocilo=posvetovanje-ustvarjeno$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('status')).toHaveText(texts.created);
    const details = page.getByRole('region', { name: 'Podatki o posvetovanju' });
    await expect(details).toContainText('V pripravi');
    await expect(details).toContainText('Ministrstvo za digitalno preobrazbo');
    await expectNoAxeViolations(page);

    // The home page lists it among the open ones, marked as in preparation, with no draft yet.
    const reader = await page.context().browser()!.newPage({ baseURL: new URL(page.url()).origin });
    await reader.goto('/');
    const card = reader.getByRole('listitem').filter({ has: reader.getByRole('link', { name: title }) });
    await expect(card).toContainText('V pripravi');
    await expect(card).toContainText('Osnutek še ni objavljen.');
    await reader.close();

    // A consultation in preparation can only be opened.
    const status = page.getByRole('region', { name: 'Stanje posvetovanja' });
    await expect(status.getByRole('button')).toHaveText(['Odpri posvetovanje']);
    await status.getByRole('button', { name: 'Odpri posvetovanje' }).click();
    await expect(page.getByRole('status')).toHaveText(texts.statusChanged);
    await expect(details).toContainText('Odprto');
    await status.getByRole('button', { name: 'Zaključi posvetovanje' }).click();
    await expect(details).toContainText('Zaključeno');
    await expect(status.getByRole('button')).toHaveText(['Ponovno odpri posvetovanje', 'Označi, da je poročilo objavljeno']);

    // Moderators: assign the demo moderator, see them listed, take it away again.
    const moderators = page.getByRole('region', { name: 'Moderatorji' });
    await expect(moderators).toContainText('Posvetovanju ni dodeljen noben moderator.');
    await moderators.getByLabel('Moderator').selectOption({ label: 'Marko Moderator (moderator@posvet.test)' });
    await moderators.getByRole('button', { name: 'Dodeli moderatorja' }).click();
    await expect(page.getByRole('status')).toHaveText(texts.assigned);
    await expect(moderators.getByRole('listitem')).toHaveText([/Marko Moderator \(moderator@posvet\.test\)/]);
    await moderators.getByRole('button', { name: 'Odvzemi – Marko Moderator' }).click();
    await expect(page.getByRole('status')).toHaveText(texts.unassigned);
    await expect(moderators).toContainText('Posvetovanju ni dodeljen noben moderator.');

    // Archived: off the home page's list, still in the administration's.
    await page.getByRole('button', { name: 'Arhiviraj posvetovanje' }).click();
    await expect(page.getByRole('button', { name: 'Vrni iz arhiva' })).toBeVisible();
    await page.goto('/admin/posvetovanja');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.getByRole('cell')).toHaveText([slug, 'Zaključeno', '0', 'da']);
    await page.goto('/');
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  });

  test('a slug that is taken is refused; the form says why and keeps what was typed', async ({ page }) => {
    await signIn(page, 'admin@posvet.test');
    await page.goto('/admin/posvetovanja');
    await fillCreateForm(page, { slug: 'sdjs2030', title: 'Podvojena strategija' });
    expect(await submitForm(page, page.getByRole('button', { name: 'Ustvari posvetovanje' }))).toBe(409);
    await expect(page).toHaveTitle(/^Napaka: /);
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(texts.taken('sdjs2030'));
    await summary.getByRole('link', { name: texts.taken('sdjs2030') }).click();
    await expect(page.getByLabel('Oznaka (v spletnem naslovu)')).toBeFocused();
    await expect(page.getByLabel('Oznaka (v spletnem naslovu)')).toHaveValue('sdjs2030');
    await expect(page.getByLabel('Oznaka (v spletnem naslovu)')).toHaveAccessibleDescription(new RegExp(texts.taken('sdjs2030')));
    await expect(page.getByLabel('Naslov', { exact: true })).toHaveValue('Podvojena strategija');
    await expect(page.getByLabel('Številka zadeve')).toHaveValue('3510-99/2026');
    await expect(page.getByLabel('Opis', { exact: true })).toHaveValue('Opis posvetovanja Podvojena strategija.');
    await expectNoAxeViolations(page);

    // A malformed slug and a missing title: each field its own message.
    await page.getByLabel('Oznaka (v spletnem naslovu)').fill('Velike Črke');
    await page.getByLabel('Naslov', { exact: true }).fill('');
    expect(await submitForm(page, page.getByRole('button', { name: 'Ustvari posvetovanje' }))).toBe(422);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([
      'Oznaka sme vsebovati le male črke a–z, številke in vezaje, imeti od 2 do 40 znakov in se začeti s črko ali številko.',
      'Vpišite naslov posvetovanja.',
    ]);
    await expect(page.getByLabel('Oznaka (v spletnem naslovu)')).toHaveValue('Velike Črke');
  });

  test('after an administrator closes SDJS 2030, a member can no longer comment on it', async ({ page, as }) => {
    await signIn(page, 'admin@posvet.test');
    await page.goto('/admin/posvetovanja/sdjs2030');
    const status = page.getByRole('region', { name: 'Stanje posvetovanja' });
    try {
      await status.getByRole('button', { name: 'Zaključi posvetovanje' }).click();
      await expect(page.getByRole('status')).toHaveText(texts.statusChanged);

      const bled = await as('bled');
      const path = '/posvetovanja/sdjs2030/osnutek/uvod/1';
      const response = await postComment(bled, path, { body: `${unique('zaprto')} pripomba po zaključku` });
      expect(response.status()).toBe(422);
      expect(await response.text()).toContain(texts.consultationClosed);
      // The block page says so too.
      await bled.goto(path);
      await expect(bled.getByText('Ministrstvo je posvetovanje zaključilo; pripomb ne zbiramo več.')).toBeVisible();
      await expect(bled.getByRole('button', { name: 'Oddaj pripombo' })).toHaveCount(0);
      // Nor does the chapter offer the composer in place.
      await bled.goto('/posvetovanja/sdjs2030/osnutek/uvod');
      await expect(bled.getByRole('link', { name: 'Komentiraj odstavek 1.1' })).toHaveCount(0);
    } finally {
      // Reopened for the other tests of this worker.
      await page.goto('/admin/posvetovanja/sdjs2030');
      if (await status.getByRole('button', { name: 'Ponovno odpri posvetovanje' }).isVisible()) {
        await status.getByRole('button', { name: 'Ponovno odpri posvetovanje' }).click();
        await expect(page.getByRole('region', { name: 'Podatki o posvetovanju' })).toContainText('Odprto');
      }
    }
  });

  test('only administrators reach the consultations’ administration, and posting to it is refused to others', async ({ as }) => {
    const moderator = await as('moderator');
    const page = await moderator.goto('/admin/posvetovanja');
    expect(page?.status()).toBe(403);
    const post = await postForm(moderator, '/admin/posvetovanja/sdjs2030', { intent: 'status', status: 'closed' });
    expect(post.status()).toBe(403);
    await moderator.goto('/posvetovanja/sdjs2030');
    await expect(moderator.getByText('Ministrstvo je posvetovanje zaključilo; pripomb ne zbiramo več.')).toHaveCount(0);
  });
});
