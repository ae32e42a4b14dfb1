import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './axe.ts';
import { routes } from '../../src/lib/routes.ts';

test.describe('reading the draft', () => {
  test('the home page lists the consultations; a consultation’s page explains it and lists its chapters', async ({ page }) => {
    const response = await page.goto(routes.home);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posvetovanja z občinami');
    const ds2030 = page.getByRole('link', { name: 'Digitalna Slovenija 2030 – vmesni pregled', exact: true });
    await expect(ds2030).toHaveAttribute('href', routes.consultation('ds2030'));
    await expect(page.getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030', exact: true })).toHaveAttribute('href', routes.consultation('sdjs2030'));
    await expectNoAxeViolations(page);

    await ds2030.click();
    await expect(page).toHaveURL(new RegExp(`${routes.consultation('ds2030')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digitalna Slovenija 2030 – vmesni pregled');
    await expect(page.getByText(/^Pripombe zbiramo do \d{1,2}\.\s\d{1,2}\.\s\d{4}\.$/)).toBeVisible();
    const chapterLinks = page.locator(`main a[href^="${routes.consultation('ds2030')}/osnutek/"]`);
    expect(await chapterLinks.count()).toBeGreaterThanOrEqual(8);
    await expect(chapterLinks.first()).toHaveText(/^1\. Uvod$/);
    await expectNoAxeViolations(page);
  });

  test('every chapter has numbered blocks with permalinks, and no page breaks accessibility', async ({ page }) => {
    await page.goto(routes.consultation('ds2030'));
    const hrefs = await page.locator('main a[href^="/posvetovanja/ds2030/osnutek/"]').evaluateAll((links) =>
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
    await page.goto('/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura#odstavek-2-3');
    const block = page.locator('#odstavek-2-3');
    await expect(block).toBeInViewport();
    expect(await block.evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('chapters link to the previous and next chapter', async ({ page }) => {
    await page.goto('/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura');
    const pager = page.getByRole('navigation', { name: 'Poglavja' });
    await expect(pager.getByRole('link', { name: /Prejšnje poglavje\s*1\. Uvod/ })).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/uvod');
    await pager.getByRole('link', { name: /Naslednje poglavje/ }).click();
    await expect(page).toHaveURL(/\/osnutek\/digitalne-kompetence-in-vkljucenost$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('3. Digitalne kompetence in vključenost');
  });

  test('the chapter table of contents leads to its sections', async ({ page }) => {
    await page.goto('/posvetovanja/ds2030/osnutek/kibernetska-varnost');
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
    await page.goto('/posvetovanja/ds2030/osnutek/digitalne-javne-storitve');
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
    await page.goto('/posvetovanja/ds2030/osnutek/uvod');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skoči na vsebino' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('a chapter fits a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/posvetovanja/ds2030/osnutek/gigabitna-infrastruktura', '/posvetovanja/ds2030/osnutek/izvajanje-in-spremljanje']) {
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

  test('the accessibility statement follows the ZDSMA model: honest status, exceptions, method, feedback, enforcement', async ({ page }) => {
    await page.goto('/dostopnost');
    const main = page.locator('main');
    await expect(main).toContainText('Ministrstvo za digitalno preobrazbo se zavezuje');
    await expect(main).toContainText('Zakonom o dostopnosti spletišč in mobilnih aplikacij (ZDSMA');
    // On a self-assessment alone the status is "partially compliant", never "fully".
    const status = page.getByRole('region', { name: 'Stopnja skladnosti' });
    await expect(status).toContainText('delno skladno z ZDSMA');
    await expect(status).toContainText('samooceni');
    await expect(main).not.toContainText('v celoti skladno');
    // Non-accessible content, each with its reason, and the downloads in scope.
    const inaccessible = page.getByRole('region', { name: 'Nedostopna vsebina' });
    expect(await inaccessible.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await expect(inaccessible).toContainText('2.2.1');
    const downloads = page.getByRole('region', { name: 'Nadomestne oblike in datoteke za prenos' });
    for (const format of ['CSV', 'XLSX', 'PDF', 'JSON']) await expect(downloads).toContainText(format);
    await expect(downloads).toContainText('preglednica');
    // Method and dates of preparation and of the last review.
    const preparation = page.getByRole('region', { name: 'Priprava izjave' });
    await expect(preparation).toContainText('pripravljena 30. 11. 2026');
    await expect(preparation).toContainText('samoocena');
    await expect(preparation).toContainText('axe');
    await expect(preparation).toContainText('nazadnje pregledana 30. 11. 2026');
    // Feedback: an e-mail link, the 8-day promise and what happens when it cannot be kept.
    const feedback = page.getByRole('region', { name: 'Povratne informacije in kontaktni podatki' });
    await expect(feedback.getByRole('link', { name: /^[^@\s]+@[^@\s]+$/ })).toHaveAttribute('href', /^mailto:[^@\s]+@[^@\s]+$/);
    await expect(feedback).toContainText('najpozneje v osmih dneh');
    await expect(feedback).toContainText('razlog in rok');
    // Enforcement: the inspectorate with its address.
    const enforcement = page.getByRole('region', { name: 'Izvršilni postopek' });
    await expect(enforcement).toContainText('Inšpektorat Republike Slovenije za informacijsko družbo');
    await expect(enforcement.locator('address')).toContainText('Masarykova cesta 16');
    await expect(enforcement.locator('address')).toContainText('1000 Ljubljana');
    await expect(enforcement.getByRole('link', { name: 'gp.irsid@gov.si' })).toHaveAttribute('href', 'mailto:gp.irsid@gov.si');
  });

  test('the privacy notice gives everything Articles 13 and 14 GDPR ask for', async ({ page }) => {
    await page.goto('/zasebnost');
    const section = (name: string) => page.getByRole('region', { name });
    const controller = section('Upravljavec');
    await expect(controller.locator('address')).toContainText('Ministrstvo za digitalno preobrazbo');
    await expect(controller.locator('address')).toContainText('Masarykova cesta 16');
    await expect(controller.getByRole('link')).toHaveAttribute('href', /^mailto:/);
    await expect(section('Pooblaščena oseba za varstvo podatkov').getByRole('link', { name: 'dpo.mdp@gov.si' })).toHaveAttribute('href', 'mailto:dpo.mdp@gov.si');
    // Legal bases cited in Slovenian order, the national law under Art. 6(3), and security logs.
    const bases = section('Nameni in pravne podlage');
    await expect(bases).toContainText('točka (e) prvega odstavka 6. člena Splošne uredbe o varstvu podatkov');
    await expect(bases).toContainText('tretjem odstavku 6. člena je Zakon o državni upravi (ZDU-1)');
    await expect(bases.getByRole('listitem').filter({ hasText: 'Varnost portala' })).toContainText('32. členom');
    await expect(page.locator('main')).not.toContainText(/člen 6\(1\)|6\(1\)\(e\)/);
    // Recipients and processors; no transfers out of the EU.
    const recipients = section('Komu posredujemo podatke');
    await expect(recipients).toContainText('ponudniku gostovanja in ponudniku pošiljanja e-pošte');
    await expect(recipients).toContainText('pogodbi o obdelavi');
    await expect(recipients).toContainText('ne prenašamo iz Evropske unije v tretje države');
    // Retention for each category.
    const retention = section('Koliko časa hranimo podatke');
    for (const category of ['Podatki o računu', 'Seje', 'Zapisi o poskusih prijave', 'Dnevnik dejanj', 'Pripombe, stališča']) {
      await expect(retention.getByRole('listitem').filter({ hasText: category }).first()).toBeVisible();
    }
    await expect(retention).toContainText('po osmih urah nedejavnosti, najpozneje pa 30 dni po prijavi');
    await expect(retention).toContainText('trajno');
    // Rights, with portability excluded for Art. 6(1)(e), and the data download.
    const rights = section('Vaše pravice');
    for (const right of ['do dostopa', 'do popravka', 'do izbrisa', 'do omejitve obdelave', 'do ugovora']) await expect(rights).toContainText(right);
    await expect(rights).toContainText('Pravica do prenosljivosti podatkov (20. člen) se ne uporablja');
    await expect(rights.getByRole('link', { name: 'Moj račun' })).toHaveAttribute('href', '/moj-racun');
    // Where data not collected from the person comes from (Art. 14).
    await expect(section('Podatki, ki jih nismo dobili od vas')).toContainText('skrbnik njene organizacije');
    await expect(section('Katere podatke obdelujemo').getByRole('heading', { name: 'Dvostopenjska prijava' })).toBeVisible();
    // The supervisory authority.
    const authority = section('Nadzorni organ');
    await expect(authority.locator('address')).toContainText('Informacijski pooblaščenec Republike Slovenije');
    await expect(authority.locator('address')).toContainText('Dunajska cesta 22');
    await expect(authority.getByRole('link', { name: 'gp.ip@ip-rs.si' })).toHaveAttribute('href', 'mailto:gp.ip@ip-rs.si');
  });

  test('the legal pages open with a table of contents whose links reach their sections', async ({ page }) => {
    for (const [path, label] of [
      ['/dostopnost', 'Vsebina izjave'],
      ['/zasebnost', 'Vsebina pojasnila'],
    ] as const) {
      await page.goto(path);
      const links = page.getByRole('navigation', { name: label }).getByRole('link');
      expect(await links.count(), path).toBeGreaterThanOrEqual(6);
      for (const link of await links.all()) {
        const target = (await link.getAttribute('href'))!;
        await expect(page.locator(`h2${target}`), `${path}${target}`).toHaveText((await link.textContent())!);
      }
    }
  });

  test('the header reads as a service of the ministry, and the footer names it', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner).toContainText('Republika Slovenija');
    await expect(banner).toContainText('Ministrstvo za digitalno preobrazbo');
    const emblem = banner.locator('img.site-header__emblem');
    await expect(emblem).toHaveAttribute('alt', '');
    expect(await emblem.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const home = banner.getByRole('link', { name: 'Posvet Posvetovanja z občinami' });
    await expect(home).toHaveAttribute('href', '/');
    // Keyboard: the skip link, then the portal's name, then the navigation.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(home).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(banner.getByRole('navigation', { name: 'Glavna navigacija' }).getByRole('link').first()).toBeFocused();

    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('© Ministrstvo za digitalno preobrazbo');
    await expect(footer.getByRole('link', { name: 'Izjava o dostopnosti' })).toHaveAttribute('href', '/dostopnost');
    await expect(footer.getByRole('link', { name: 'Varstvo osebnih podatkov' })).toHaveAttribute('href', '/zasebnost');
    await expect(footer).toContainText('vir: GURS, Register prostorskih enot (CC BY 4.0)');
    for (const region of [banner, footer]) {
      await expect(region).not.toContainText('SDP');
      await expect(region).not.toContainText('Služba Vlade');
    }
  });

  test('the header and the legal pages fit a 390 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', '/dostopnost', '/zasebnost']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Posvet Posvetovanja z občinami' })).toBeInViewport();
      await expect(page.getByRole('banner').getByRole('link', { name: 'Prijava' })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });

  test('a bad address gives the Slovenian 404 page, never a stack trace', async ({ page }) => {
    for (const path of ['/ni-take-strani', '/posvetovanja/ds2030/osnutek/ni-takega-poglavja', '/posvetovanja/ds2030/osnutek/%E0%A4%A', "/posvetovanja/ds2030/osnutek/'%22%3E%3Cscript%3E"]) {
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
    const response = await page.goto('/posvetovanja/ds2030/osnutek/uvod');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    // The stylesheet loaded: the header's navigation bar has its brand colour.
    await expect(page.locator('.site-header__bar')).toHaveCSS('background-color', 'rgb(8, 58, 102)');
    expect(violations).toEqual([]);
  });
});
