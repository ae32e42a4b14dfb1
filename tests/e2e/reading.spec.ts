import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

test.describe('reading the draft', () => {
  test('the home page explains the consultation and lists the chapters', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posvetovanje z občinami o spremembah in dopolnitvah strategije Digitalna Slovenija 2030');
    await expect(page.getByText(/^Pripombe zbiramo do \d{1,2}\.\s\d{1,2}\.\s\d{4}\.$/)).toBeVisible();
    const chapterLinks = page.locator('main a[href^="/osnutek/"]');
    expect(await chapterLinks.count()).toBeGreaterThanOrEqual(8);
    await expect(chapterLinks.first()).toHaveText(/^1\. Uvod$/);
    await expectNoAxeViolations(page);
  });

  test('every chapter has numbered blocks with permalinks, and no page breaks accessibility', async ({ page }) => {
    await page.goto('/');
    const hrefs = await page.locator('main a[href^="/osnutek/"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')!),
    );
    let blocks = 0;
    for (const [index, href] of hrefs.entries()) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'sl');
      const anchors = page.locator(`[id^="odstavek-${index + 1}-"]`);
      const count = await anchors.count();
      expect(count, href).toBeGreaterThan(0);
      blocks += count;
      // Block numbers run 1..n in order, each a link to its own anchor.
      const first = page.locator(`#odstavek-${index + 1}-1`);
      await expect(first.getByRole('link', { name: `Odstavek ${index + 1}.1`, exact: true })).toHaveAttribute('href', `#odstavek-${index + 1}-1`);
      await expectNoAxeViolations(page);
    }
    expect(blocks).toBeGreaterThanOrEqual(120);
  });

  test('a permalink opens the chapter at its block', async ({ page }) => {
    await page.goto('/osnutek/gigabitna-infrastruktura#odstavek-2-3');
    const block = page.locator('#odstavek-2-3');
    await expect(block).toBeInViewport();
    expect(await block.evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('chapters link to the previous and next chapter', async ({ page }) => {
    await page.goto('/osnutek/gigabitna-infrastruktura');
    const pager = page.getByRole('navigation', { name: 'Poglavja' });
    await expect(pager.getByRole('link', { name: /Prejšnje poglavje\s*1\. Uvod/ })).toHaveAttribute('href', '/osnutek/uvod');
    await pager.getByRole('link', { name: /Naslednje poglavje/ }).click();
    await expect(page).toHaveURL(/\/osnutek\/digitalne-kompetence-in-vkljucenost$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('3. Digitalne kompetence in vključenost');
  });

  test('the chapter table of contents leads to its sections', async ({ page }) => {
    await page.goto('/osnutek/kibernetska-varnost');
    const toc = page.getByRole('navigation', { name: 'Vsebina poglavja' });
    const firstEntry = toc.getByRole('link').first();
    const target = (await firstEntry.getAttribute('href'))!;
    await firstEntry.click();
    await expect(page.locator(`h2${target}`)).toBeInViewport();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a chapter reads completely and ships no script', async ({ page }) => {
    await page.goto('/osnutek/digitalne-javne-storitve');
    const blocks = page.locator('[id^="odstavek-6-"]');
    const count = await blocks.count();
    expect(count).toBeGreaterThanOrEqual(10);
    await expect(blocks.nth(count - 1)).toBeVisible();
    await expect(blocks.nth(count - 1)).not.toBeEmpty();
    expect(await page.locator('script').count()).toBe(0);
  });
});

test.describe('keyboard and small screens', () => {
  test('the first Tab reaches the skip link, which moves to the content', async ({ page }) => {
    await page.goto('/osnutek/uvod');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skoči na vsebino' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('a chapter fits a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/osnutek/gigabitna-infrastruktura', '/osnutek/izvajanje-in-spremljanje']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('other pages', () => {
  for (const [path, heading] of [
    ['/dostopnost', 'Izjava o dostopnosti'],
    ['/zasebnost', 'Varstvo osebnih podatkov'],
  ] as const) {
    test(`${path} is there, in Slovenian, and accessible`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', 'sl');
      await expectNoAxeViolations(page);
    });
  }

  test('a bad address gives the Slovenian 404 page, never a stack trace', async ({ page }) => {
    for (const path of ['/ni-take-strani', '/osnutek/ni-takega-poglavja', '/osnutek/%E0%A4%A', "/osnutek/'%22%3E%3Cscript%3E"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strani ni mogoče najti');
      await expect(page.locator('body')).not.toContainText(/Error|at .*\.m?js/);
    }
    await expectNoAxeViolations(page);
  });

  test('pages carry a content security policy and run without violating it', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    const response = await page.goto('/osnutek/uvod');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    // The stylesheet loaded: the header has its brand colour.
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(8, 58, 102)');
    expect(violations).toEqual([]);
  });
});
