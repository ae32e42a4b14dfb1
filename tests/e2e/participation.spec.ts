import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { submitAsBled } from './support/moderation.ts';

/*
 * Participation at a glance (issue 16): a reader opens /udelezba, sees how many municipalities took
 * part, the map and its table, chooses a consultation; a new comment shows up in the figures.
 */

const row = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('table', { name: /^Vse občine/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('a reader opens the participation page, chooses a consultation, and sees the map and its table', async ({ page, request, as }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: /udeležba/i }).click();
  await expect(page).toHaveURL(/\/udelezba$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Udeležba občin');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vsa posvetovanja skupaj');
  await expect(page.getByText(/^(Sodelovalo je|Sodelovale so|Sodelovali sta|Sodelovala je) \d+ od 212 občin/)).toBeVisible();
  await expect(page.getByText(/Štejejo tudi pripombe, ki jih je občina pozneje umaknila/)).toBeVisible();

  // The map: an image with a name and a description, the attribution under it, the table its text.
  const map = page.getByRole('img', { name: 'Zemljevid Slovenije z občinami, ki so sodelovale' });
  await expect(map).toBeVisible();
  await expect(map).toHaveAccessibleDescription(/Vsaka od 212 občin je krog v svojem središču/);
  await expect(page.getByRole('figure').filter({ has: map }).getByText(/^Vir: GURS, Register prostorskih enot\./)).toBeVisible();
  await expect(page.getByRole('table', { name: /^Vse občine/ }).getByRole('row')).toHaveCount(213);
  await expect(row(page, 'Ljubljana')).toContainText('Osrednjeslovenska');
  await expect(row(page, 'Ljubljana').getByRole('cell').nth(2)).toHaveText('da');
  await expect(row(page, 'Hodoš').getByRole('cell').nth(0)).toHaveText('Pomurska');
  await expect(page.getByRole('table', { name: 'Po statističnih regijah' }).getByRole('row')).toHaveCount(13);
  await expect(page.getByRole('table', { name: 'Po velikosti občin' }).getByRole('rowheader', { name: '50.000 in več' })).toBeVisible();
  await expectNoAxeViolations(page);

  // One consultation, chosen in the form.
  await page.getByRole('combobox', { name: 'Posvetovanje' }).selectOption({ label: 'Digitalna Slovenija 2030 – vmesni pregled' });
  await page.getByRole('button', { name: 'Prikaži' }).click();
  await expect(page).toHaveURL(/\/udelezba\?posvetovanje=ds2030$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digitalna Slovenija 2030 – vmesni pregled');
  await expect(page.getByRole('navigation', { name: 'Posvetovanje', exact: true }).getByRole('link', { name: 'Udeležba' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('combobox', { name: 'Posvetovanje' })).toHaveValue('ds2030');
  await expect(map).toBeVisible();
  await expectNoAxeViolations(page);

  // Bled's new comment is counted at once (the cached page is renewed after the submission).
  const before = Number(await row(page, 'Bled').getByRole('cell').nth(3).textContent());
  await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 2, body: 'Predlagamo več sredstev za digitalne veščine v manjših občinah.' }]);
  await page.reload();
  await expect(row(page, 'Bled').getByRole('cell').nth(2)).toHaveText('da');
  await expect(row(page, 'Bled').getByRole('cell').nth(3)).toHaveText(String(before + 1));
});

test('the page works without JavaScript; an unknown consultation is not found', async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto('/udelezba');
  await page.getByRole('combobox', { name: 'Posvetovanje' }).selectOption('sdjs2030');
  await page.getByRole('button', { name: 'Prikaži' }).click();
  await expect(page).toHaveURL(/\/udelezba\?posvetovanje=sdjs2030$/);
  await expect(page.getByRole('img', { name: 'Zemljevid Slovenije z občinami, ki so sodelovale' })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page);
  expect((await page.goto('/udelezba?posvetovanje=ni-takega'))?.status()).toBe(404);
});
