import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, test, unique } from './fixtures.ts';
import { routes } from '../../src/lib/routes.ts';
import { openDataPages } from './support/open-data.ts';

/*
 * Several consultations side by side (issue 18): a reader finds both from the home page, a
 * municipality comments on each and each comment stays with its own consultation, the first
 * version's addresses lead on to DS2030, and addresses that mix or invent consultations answer 404.
 */

test.describe.configure({ timeout: 120_000 });

test('a reader finds both consultations on the home page and reads a chapter of each', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posvetovanja z občinami');
  const open = page.getByRole('region', { name: 'Odprta posvetovanja' });
  const ds = open.getByRole('link', { name: 'Digitalna Slovenija 2030 – vmesni pregled' });
  const sdjs = open.getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030' });
  await expect(ds).toHaveAttribute('href', routes.consultation('ds2030'));
  await expect(sdjs).toHaveAttribute('href', routes.consultation('sdjs2030'));
  await expect(open.getByText('Številka zadeve: 3510-2/2026')).toBeVisible();
  await expectNoAxeViolations(page);

  await sdjs.click();
  await expect(page).toHaveURL(/\/posvetovanja\/sdjs2030$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategija digitalnih javnih storitev 2030');
  await expect(page.getByRole('navigation', { name: 'Posvetovanje' }).getByRole('link', { name: 'Osnutek' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('3510-2/2026')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /Občinske e-storitve in skupna platforma/ }).click();
  await expect(page).toHaveURL(/\/posvetovanja\/sdjs2030\/osnutek\/obcinske-e-storitve$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('6. Občinske e-storitve in skupna platforma');
  const crumbs = page.getByRole('navigation', { name: 'Drobtinice' });
  await expect(crumbs.getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030' })).toHaveAttribute('href', routes.consultation('sdjs2030'));
  await expectNoAxeViolations(page);

  // The other consultation's text, from the list.
  await page.goto('/');
  await page.getByRole('link', { name: 'Digitalna Slovenija 2030 – vmesni pregled' }).click();
  await page.getByRole('link', { name: /Gigabitna infrastruktura/ }).click();
  await expect(page).toHaveURL(/\/posvetovanja\/ds2030\/osnutek\/gigabitna-infrastruktura$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2. Gigabitna infrastruktura');
});

test('a municipality comments on each consultation; each comment belongs to its own', async ({ page, request }) => {
  await signIn(page, people.bled);
  const onSdjs = unique('Bled k SDJS: skupna platforma naj ima tudi obrazec za prijavo prireditev.');
  const onDs = unique('Bled k DS 2030: uvod naj omeni tudi manjše občine.');

  for (const [slug, chapter, position, body] of [
    ['sdjs2030', 'obcinske-e-storitve', 1, onSdjs],
    ['ds2030', 'uvod', 1, onDs],
  ] as const) {
    await page.goto(routes.block(slug, chapter, position));
    await page.getByRole('radio', { name: 'Pripomba', exact: true }).check();
    await page.getByLabel('Besedilo pripombe', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(page).toHaveURL(new RegExp(`/posvetovanja/${slug}/osnutek/${chapter}/${position}\\?sporocilo=pripomba-oddana$`));
    await expect(page.getByRole('article').filter({ hasText: body })).toBeVisible();
  }

  // Each consultation's open data has its own comment and not the other's.
  const sdjs = await openDataPages<{ body: string; consultation: string }>(request, '?consultation=sdjs2030');
  const ds = await openDataPages<{ body: string; consultation: string }>(request, '?consultation=ds2030');
  expect(sdjs.some((c) => c.body === onSdjs)).toBe(true);
  expect(sdjs.some((c) => c.body === onDs)).toBe(false);
  expect(ds.some((c) => c.body === onDs)).toBe(true);
  expect(ds.some((c) => c.body === onSdjs)).toBe(false);
  expect(new Set(sdjs.map((c) => c.consultation))).toEqual(new Set(['sdjs2030']));

  // The paragraph of the other consultation with the same position does not show it.
  await page.goto(routes.block('ds2030', 'uvod', 1));
  await expect(page.getByRole('article').filter({ hasText: onSdjs })).toHaveCount(0);
  // Its permalink names its consultation and leads back to its paragraph.
  const comment = sdjs.find((c) => c.body === onSdjs) as unknown as { id: number };
  await page.goto(routes.comment(comment.id));
  await expect(page.getByRole('main').getByRole('link', { name: 'Strategija digitalnih javnih storitev 2030' }).first()).toHaveAttribute('href', routes.consultation('sdjs2030'));
  await expect(page).toHaveTitle(/SDJS 2030/);
});

test('the first version\'s addresses lead on permanently to the same page of DS2030', async ({ request, page }) => {
  for (const [old, now] of [
    ['/osnutek/uvod', '/posvetovanja/ds2030/osnutek/uvod'],
    ['/osnutek/uvod/3?stran=2', '/posvetovanja/ds2030/osnutek/uvod/3?stran=2'],
    ['/osnutek/uvod/pripomba', '/posvetovanja/ds2030/osnutek/uvod/pripomba'],
    ['/verzije', '/posvetovanja/ds2030/verzije'],
    ['/verzije/osnutek-1/osnutek-2', '/posvetovanja/ds2030/verzije/osnutek-1/osnutek-2'],
    ['/porocilo', '/posvetovanja/ds2030/porocilo'],
    ['/porocilo.csv', '/posvetovanja/ds2030/porocilo.csv'],
    ['/porocilo.xlsx', '/posvetovanja/ds2030/porocilo.xlsx'],
  ]) {
    const response = await request.get(old, { maxRedirects: 0 });
    expect(response.status(), old).toBe(301);
    expect(new URL(response.headers().location, 'http://x').pathname + new URL(response.headers().location, 'http://x').search).toBe(now);
  }
  // A link in an old mail, with its fragment, opens the paragraph.
  await page.goto('/osnutek/uvod?odstavek=odstavek-1-2#odstavek-1-2');
  await expect(page).toHaveURL(/\/posvetovanja\/ds2030\/osnutek\/uvod\?odstavek=odstavek-1-2#odstavek-1-2$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('1. Uvod');
  // Comment permalinks stay where they were.
  expect((await request.get('/pripombe/1', { maxRedirects: 0 })).status()).toBe(200);
});

test('addresses that name no consultation, or mix two, answer 404; a post to them changes nothing', async ({ request, page }) => {
  for (const path of [
    '/posvetovanja/ne-obstaja',
    '/posvetovanja/ne-obstaja/osnutek/uvod',
    '/posvetovanja/ne-obstaja/porocilo',
    '/posvetovanja/ne-obstaja/porocilo.csv',
    '/posvetovanja/ne-obstaja/verzije',
    '/posvetovanja/DS2030',
    '/posvetovanja/%00',
    `/posvetovanja/${'a'.repeat(300)}`,
    // A chapter of one consultation under the other's address.
    '/posvetovanja/sdjs2030/osnutek/gigabitna-infrastruktura',
    '/posvetovanja/ds2030/osnutek/obcinske-e-storitve',
    '/posvetovanja/sdjs2030/verzije/osnutek-2',
    '/posvetovanja/sdjs2030/verzije/osnutek-1/gigabitna-infrastruktura',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  await signIn(page, people.bled);
  const body = unique('K napačnemu posvetovanju');
  const response = await postForm(page, '/posvetovanja/sdjs2030/osnutek/gigabitna-infrastruktura/1', { kind: 'comment', body, intent: 'submit' });
  expect(response.status()).toBe(404);
  const all = await openDataPages<{ body: string }>(request);
  expect(all.some((c) => c.body === body)).toBe(false);

  // The open data's consultation filter: garbage is refused, an unknown slug is not found.
  expect((await request.get('/api/v1/comments?consultation=%3Cscript%3E')).status()).toBe(400);
  expect((await request.get('/api/v1/comments?consultation=ne-obstaja')).status()).toBe(404);
});
