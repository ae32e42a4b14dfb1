import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './axe.ts';
import { openDataPages } from './support/open-data.ts';

test.describe('draft versions', () => {
  test('/posvetovanja/ds2030/verzije lists both drafts with their change notes and links the comparison', async ({ page }) => {
    await page.goto('/posvetovanja/ds2030/verzije');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Različice osnutka');
    await expect(page.getByRole('heading', { name: /Osnutek 2/ })).toContainText('aktualni osnutek');
    await expect(page.getByRole('heading', { name: /Osnutek 1/ })).toBeVisible();
    await expect(page.getByText(/Drugi osnutek, ki ga je Ministrstvo za digitalno preobrazbo pripravilo/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Primerjava: Osnutek 1 → Osnutek 2' }).click();
    await expect(page).toHaveURL(/\/posvetovanja\/ds2030\/verzije\/osnutek-1\/osnutek-2$/);
  });

  test('the comparison shows word-level changes and, beside a changed block, the comments that led to it', async ({ page }) => {
    await page.goto('/posvetovanja/ds2030/verzije/osnutek-1/osnutek-2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kaj se je spremenilo: Osnutek 1 → Osnutek 2');
    expect(await page.locator('main ins').count()).toBeGreaterThan(5);
    expect(await page.locator('main del').count()).toBeGreaterThan(2);
    // ZMOS's amendment on the shared platform was taken into Osnutek 2: the changed block carries it.
    const chapter = page.locator('section', { has: page.locator('#poglavje-digitalne-javne-storitve') });
    const changed = chapter.locator('.compare-block--changed', { hasText: 'do konca leta 2027' });
    await expect(changed.locator('ins').first()).toBeVisible();
    await expect(changed.getByRole('heading', { name: /Združenje mestnih občin Slovenije/ })).toBeVisible();
    // A block removed in Osnutek 2 keeps its comment here.
    const removed = page.locator('.compare-block--removed', { hasText: 'Javni sektor bo pogosteje nastopal kot prvi naročnik' });
    await expect(removed.getByRole('heading', { name: /Skupnost občin Slovenije/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an older chapter is readable at its own address, read-only', async ({ page }) => {
    const response = await page.goto('/posvetovanja/ds2030/verzije/osnutek-1/podporno-okolje');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('To je besedilo Osnutka 1, ki ni aktualni osnutek.')).toBeVisible();
    await expect(page.getByText('Javni sektor bo pogosteje nastopal kot prvi naročnik inovativnih rešitev')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Komentiraj odstavek/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect((await page.goto('/posvetovanja/ds2030/verzije/osnutek-9/uvod'))?.status()).toBe(404);
    expect((await page.goto('/posvetovanja/ds2030/verzije/osnutek-1/ni-takega-poglavja'))?.status()).toBe(404);
  });

  test('the current chapter says when a comment was written on older text, and keeps comments on removed blocks', async ({ page }) => {
    await page.goto('/posvetovanja/ds2030/osnutek/digitalne-javne-storitve');
    await page.locator('details', { hasText: 'Pripombe k odstavku' }).filter({ hasText: 'Združenje mestnih' }).locator('summary').click();
    const note = page.getByText(/Napisana k Osnutku 1 \(odstavek 6\.\d+\)\. Odstavek je bil v aktualnem osnutku spremenjen/);
    await expect(note).toBeVisible();
    await page.getByRole('link', { name: 'Primerjava osnutkov' }).first().click();
    await expect(page).toHaveURL(/\/posvetovanja\/ds2030\/verzije\/osnutek-1\/osnutek-2#poglavje-digitalne-javne-storitve$/);

    await page.goto('/posvetovanja/ds2030/osnutek/podporno-okolje');
    const removed = page.getByRole('region', { name: 'Pripombe k odstavkom, ki jih v aktualnem osnutku ni več' });
    await expect(removed.getByText(/Odstavka v aktualnem osnutku ni več/)).toBeVisible();
    await expect(removed.getByRole('heading', { name: /Skupnost občin Slovenije/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('every comment in the open data has a place: written version, anchor status and current block', async ({ request }) => {
    const comments = await openDataPages<{ version: string; block: string | null; anchorStatus: string; currentChapter: string | null; currentBlock: string | null }>(request);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) {
      expect(['unchanged', 'changed', 'removed']).toContain(c.anchorStatus);
      if (c.anchorStatus === 'removed') continue;
      // A block comment has a block now; a comment on a chapter as a whole has its chapter.
      if (c.block !== null) expect(c.currentBlock).toMatch(/^\d+\.\d+$/);
      else expect(c.currentChapter).toMatch(/^[a-z0-9-]+$/);
    }
    const fromFirst = new Set(comments.filter((c) => c.version === 'osnutek-1').map((c) => c.anchorStatus));
    expect(fromFirst.has('unchanged')).toBe(true);
    expect(fromFirst.has('changed')).toBe(true);
  });
});
