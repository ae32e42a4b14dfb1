import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTERS, filterQueue, queue } from './support/moderation.ts';

/*
 * Near-duplicate groups: two municipalities send one campaign's text (Bled twice, on two
 * paragraphs); the moderator finds it as one row of the grouped queue, opens the group, sees the
 * differences, confirms the group and gives it one stance — each member gets its own predlog
 * stališča. Each test writes a text of its own (a unique marker), so no demo count changes.
 */

const campaign = (marker: string, signature: string) =>
  `Predlagamo, da država v akcijskem načrtu ${marker} zagotovi stalno financiranje točk digitalne pomoči v vseh upravnih enotah, saj občine same ne zmorejo plačati svetovalcev, ki starejšim pomagajo pri uporabi e-storitev. ${signature}`;

async function submit(page: Page, block: number, body: string) {
  const path = `/posvetovanja/ds2030/osnutek/${CHAPTERS.society.slug}/${block}`;
  await page.goto(path);
  await page.getByRole('radio', { name: 'Pripomba', exact: true }).check();
  await page.getByLabel('Besedilo pripombe', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?sporocilo=pripomba-oddana$`));
}

test('a moderator opens the grouped queue, confirms a group and gives it one stance; each member shows its predlog stališča', async ({ as, marker }) => {
  test.slow();
  const bled = await as('bled', { javaScriptEnabled: false });
  await submit(bled, 3, campaign(marker, 'Lep pozdrav, Občina Bled'));
  await submit(bled, 4, campaign(marker, 'Občina Bled'));
  const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
  await submit(ljubljana, 3, campaign(marker, 'Lep pozdrav, Mestna občina Ljubljana'));

  const moderator = await as('moderator');
  // Without grouping: three rows; grouped: one, the representative (the earliest), with its group.
  await filterQueue(moderator, marker);
  await expect(queue(moderator).rows).toHaveCount(3);
  await filterQueue(moderator, marker, (filters) => filters.getByLabel('Združi skoraj enake').check());
  await expect(moderator).toHaveURL(/grouped=1/);
  await expect(queue(moderator).rows).toHaveCount(1);
  const link = queue(moderator).rows.getByRole('link', { name: 'v skupini 3 skoraj enakih (2 organizaciji)' });
  await expect(link).toBeVisible();
  await expect(queue(moderator).rows.locator('td').nth(2)).toHaveText('5.3');
  await expectNoAxeViolations(moderator);

  await link.click();
  await expect(moderator.getByRole('heading', { level: 1 })).toHaveText(/^Skupina skoraj enakih pripomb št\. \d+$/);
  await expect(moderator.getByText('3 skoraj enake pripombe, 2 organizaciji')).toBeVisible();
  const members = moderator.locator('table.group-members tbody tr');
  await expect(members).toHaveCount(3);
  // The differences from the representative, marked (and said for screen readers).
  const inserted = members.filter({ hasText: 'Ljubljana' }).locator('ins').filter({ hasText: 'Ljubljana' });
  await expect(inserted).toHaveCount(1);
  await expect(inserted).toHaveText('[dodano: občina Ljubljana]');
  await expectNoAxeViolations(moderator);

  await moderator.getByRole('button', { name: 'Potrdi skupino' }).click();
  await expect(moderator.locator('.success-banner')).toHaveText('Skupina je potrjena.');
  await expect(moderator.getByRole('button', { name: 'Potrdi skupino' })).toHaveCount(0);

  // One stance for the group: the obrazložitev is required for "delno upoštevana".
  const stance = moderator.getByRole('group', { name: 'Eno stališče za vso skupino' });
  await stance.getByLabel('Stališče', { exact: true }).selectOption({ label: 'delno upoštevana' });
  await stance.getByRole('button', { name: 'Zapiši predlog stališča za vso skupino' }).click();
  await expect(moderator.locator('.error-summary')).toContainText('Vpišite obrazložitev');
  await stance.getByLabel('Obrazložitev stališča (javna po objavi)').fill('Financiranje točk digitalne pomoči bo določil program izvajanja.');
  await stance.getByRole('button', { name: 'Zapiši predlog stališča za vso skupino' }).click();
  await expect(moderator.locator('.success-banner')).toHaveText('Predlog stališča je zapisan pri 3 pripombah v skupini.');
  await expect(members.filter({ hasText: 'predlog stališča: delno upoštevana' })).toHaveCount(3);
  await expectNoAxeViolations(moderator);

  // Each member has its own stance on its own page.
  const memberLink = members.filter({ hasText: 'Mestna občina Ljubljana' }).getByRole('link', { name: /^Pripomba št\. \d+$/ });
  await memberLink.click();
  await expect(moderator.locator('[data-working-stance]')).toContainText('predlog stališča');
  await expect(moderator.locator('[data-working-stance]')).toContainText('delno upoštevana');
});

test('an organisation’s member is refused a group’s page', async ({ as, marker }) => {
  const bled = await as('bled', { javaScriptEnabled: false });
  await submit(bled, 5, campaign(marker, 'Občina Bled'));
  await submit(bled, 6, campaign(marker, 'Lep pozdrav, Občina Bled'));
  const moderator = await as('moderator');
  await filterQueue(moderator, marker, (filters) => filters.getByLabel('Združi skoraj enake').check());
  const href = await queue(moderator).rows.getByRole('link', { name: /^v skupini 2 skoraj enakih/ }).getAttribute('href');
  expect(href).toMatch(/^\/moderacija\/skupine\/\d+$/);
  // Občina Bled moderates nothing: the group's page is not hers (the unit tests refuse another consultation's moderator).
  const answer = await bled.goto(href!);
  expect(answer?.status()).toBe(403);
});
