import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { openDataPages } from './support/open-data.ts';

// The chapter-comment page is plain HTML (no island), so this journey is the same with or without
// JavaScript; it runs with it because axe needs scripts in the page.
test.describe('a comment on a chapter as a whole', () => {
  test('a municipality comments on a whole chapter; it shows on the chapter and in the open data without a block', async ({ page, request }) => {
    const text = `Poglavju kot celoti manjka pregled stroškov za občine (${unique('celota')}).`;
    await signIn(page, people.bled);
    await expect(page).toHaveURL(/\/moj-racun$/);
    await page.goto('/posvetovanja/ds2030/osnutek/zeleni-prehod');
    await page.getByRole('link', { name: 'Komentiraj poglavje kot celoto' }).click();
    await expect(page).toHaveURL(/\/osnutek\/zeleni-prehod\/pripomba$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pripombe k poglavju 9. Zeleni prehod kot celoti');
    await expect(page.getByLabel('Predlagano besedilo odstavka')).toHaveCount(0);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page.getByRole('alert')).toContainText('Vpišite besedilo pripombe.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Besedilo pripombe').fill(text);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page.getByRole('status')).toContainText('Pripomba je oddana');
    await expect(page.getByText(text)).toBeVisible();
    await expectNoAxeViolations(page);

    const comments = await openDataPages<{ body: string; block: string | null; anchorStatus: string; organisation: { name: string } }>(request, '?chapter=zeleni-prehod');
    const mine = comments.find((c) => c.body === text);
    expect(mine).toMatchObject({ block: null, anchorStatus: 'unchanged', organisation: { name: 'Občina Bled' } });
  });
});
