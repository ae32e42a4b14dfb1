import { expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, submitForm, test, unique } from './fixtures.ts';
import { CHAPTERS, submitAsBled } from './support/moderation.ts';

/*
 * Suggested themes (/moderacija/teme): a moderator asks for suggestions for a chapter, the server
 * computes them in the background (at once, not on the minute's tick), the page marks them as
 * suggestions; the moderator accepts one under a new name, renames it on its page, and finds it
 * among the queue's filters. Nothing is decided without the moderator.
 */

const THEMES = '/moderacija/teme?posvetovanje=ds2030';

test.describe('suggested themes', () => {
  test('a moderator asks for suggestions for a chapter, accepts and renames a theme, and filters the queue by it', async ({ as, request }) => {
    const tag = unique('tema');
    await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'society', block: 1, body: `Pametni prometni sistemi naj zmanjšajo gnečo v mestnih središčih. ${tag}` },
      { chapter: 'society', block: 2, body: `Prometni sistemi s senzorji naj uravnavajo semaforje in gnečo. ${tag}` },
      { chapter: 'society', block: 1, body: `Telemedicina naj starejšim bolnikom na domu omogoči pregled brez poti v ambulanto. ${tag}` },
      { chapter: 'society', block: 2, body: `Bolniki na domu potrebujejo telemedicino in spremljanje zdravja na daljavo. ${tag}` },
    ]);

    const page = await as('moderator', { javaScriptEnabled: false });
    await page.goto('/moderacija?posvetovanje=ds2030');
    await page.getByRole('navigation', { name: /^Moderacija – / }).getByRole('link', { name: 'Teme' }).click();
    await expect(page).toHaveURL(/\/moderacija\/teme\?posvetovanje=ds2030$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teme');
    await expectNoAxeViolationsWithoutJs(page);

    const suggest = page.getByRole('region', { name: 'Predlagaj teme' });
    await suggest.getByLabel('Del osnutka').selectOption({ label: CHAPTERS.society.label });
    expect(await submitForm(page, suggest.getByRole('button', { name: 'Predlagaj teme' }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: /Zahteva je zapisana|se že pripravljajo/ })).toBeVisible();

    // The job runs right after the request: reload until the chapter's suggestions are there.
    const chapter = page.getByRole('region', { name: new RegExp(`^${CHAPTERS.society.label.replace(/\./g, '\\.')}`) });
    await expect(async () => {
      await page.goto(THEMES);
      await expect(page.locator('[data-preparing]')).toHaveCount(0);
      await expect(chapter.getByRole('listitem').first()).toBeVisible();
    }).toPass({ timeout: 30_000 });
    const first = chapter.getByRole('listitem').first();
    await expect(first.locator('.tag')).toHaveText('predlog');
    await expect(first).toContainText('Predlog algoritma – o njem še ni odločeno.');
    await expectNoAxeViolationsWithoutJs(page);

    // Accepted under a new name.
    const name = `Promet in zdravje ${tag}`;
    await first.getByLabel('Ime ob sprejemu (neobvezno)').fill(name);
    expect(await submitForm(page, first.getByRole('button', { name: /^Sprejmi/ }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: 'Tema je sprejeta.' })).toBeVisible();
    const accepted = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(accepted.locator('.tag')).toHaveText('sprejeta');
    await expect(accepted).toContainText('Odločitev: Marko Moderator');

    // Renamed on its own page.
    await accepted.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expectNoAxeViolationsWithoutJs(page);
    const renamed = `Pametna mobilnost ${tag}`;
    await page.getByLabel('Ime teme').fill(renamed);
    expect(await submitForm(page, page.getByRole('button', { name: 'Preimenuj' }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: 'Tema je preimenovana.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
    const members = await page.locator('[data-theme-comment]').count();
    expect(members).toBeGreaterThan(0);

    // A filter of the queue: the theme among the choices, the queue showing its comments with the chip.
    await page.goto('/moderacija?posvetovanje=ds2030');
    await page.getByLabel('Tema', { exact: true }).selectOption({ label: renamed });
    await page.getByRole('button', { name: 'Uporabi filtre' }).click();
    await expect(page).toHaveURL(/theme=\d+/);
    await expect(page.locator('.queue-count')).toContainText(` ${members} `);
    await expect(page.locator('[data-queue-row]').first().getByRole('link', { name: renamed })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
  });

  test('a member of a municipality may not open the themes', async ({ as }) => {
    const page = await as('bled', { javaScriptEnabled: false });
    const response = await page.goto(THEMES);
    expect(response?.status()).toBe(403);
  });
});
