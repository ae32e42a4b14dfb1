import type { APIResponse } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { openApiValidator } from '../support/openapi-validator.ts';

/*
 * Open data as a publication (issue 14): the page that documents it, found from the footer and
 * accessible; the API's pages linked by `Link: rel="next"`; bad input answered 400 in words; every
 * real answer valid against the OpenAPI description it serves.
 */

test('a reader finds /odprti-podatki from the footer: what is published, the fields, the licence, the downloads', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Odprti podatki' }).click();
  await expect(page).toHaveURL(/\/odprti-podatki$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Odprti podatki');
  for (const heading of ['Kaj je objavljeno', 'Prenosi', 'Branje po straneh', 'Polja', 'Licenca in navajanje vira', 'Pogostost posodabljanja']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText('Vir: Ministrstvo za digitalno preobrazbo, portal Posvet')).toBeVisible();
  await expect(page.getByText(/umaknjene pripombe, pripombe, ki jih je moderator skril/)).toBeVisible();
  // The field table is the API's field list: one row per field of an item.
  const openApi = await (await page.request.get('/api/v1/openapi.json')).json();
  const fields = Object.keys(openApi.components.schemas.Comment.properties);
  const table = page.getByRole('region', { name: 'Polja' }).getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(fields.length + 1);
  await expect(table.getByRole('rowheader')).toHaveText(fields);
  // Downloads per consultation, and the report of each.
  await expect(page.getByRole('link', { name: 'Digitalna Slovenija 2030 – vmesni pregled: JSON Lines' })).toHaveAttribute('href', '/api/v1/comments/export.jsonl?consultation=ds2030');
  await expect(page.getByRole('link', { name: 'Poročilo o upoštevanju pripomb – Digitalna Slovenija 2030 – vmesni pregled' })).toHaveAttribute('href', '/posvetovanja/ds2030/porocilo');
  await expect(page.getByRole('link', { name: 'opis OpenAPI (openapi.json)' })).toHaveAttribute('href', '/api/v1/openapi.json');
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});

test('the API pages by cursor: a Link to the next page from PUBLIC_URL with the filters kept, none on the last', async ({ request, baseURL }) => {
  const seen: number[] = [];
  let url: string | undefined = '/api/v1/comments?consultation=ds2030&limit=2';
  let pages = 0;
  while (url) {
    const response: APIResponse = await request.get(url);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Array<{ id: number; consultation: string }>; next: string | null };
    const link: string | undefined = response.headers().link;
    pages++;
    seen.push(...body.items.map((c) => c.id));
    for (const c of body.items) expect(c.consultation).toBe('ds2030');
    if (body.next) {
      expect(body.items).toHaveLength(2);
      expect(link).toBe(`<${baseURL}/api/v1/comments?consultation=ds2030&after=${body.next}&limit=2>; rel="next"`);
      url = link!.slice(1, link!.indexOf('>'));
    } else {
      expect(link).toBeUndefined();
      url = undefined;
    }
  }
  expect(pages).toBeGreaterThan(2);
  expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b));
  // The old CSV address leads on to the export.
  const csv = await request.get('/api/v1/comments?consultation=ds2030&format=csv', { maxRedirects: 0 });
  expect([csv.status(), csv.headers().location]).toEqual([308, `${baseURL}/api/v1/comments/export.csv?consultation=ds2030`]);
});

test('bad paging input is a 400 naming the parameter, never a 500', async ({ request }) => {
  const cases: Array<[string, RegExp]> = [
    ['limit=0', /^Parameter limit mora biti celo število od 1 do 1000\.$/],
    ['limit=1000000000', /^Parameter limit/],
    ['limit=sto', /^Parameter limit/],
    ['after=garbage', /^Parameter after ni veljaven kazalec/],
    ['since=garbage', /^Parameter since mora biti trenutek/],
  ];
  for (const [query, message] of cases) {
    const response = await request.get(`/api/v1/comments?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error, query).toMatch(message);
  }
  expect((await request.get('/api/v1/comments/export.jsonl?limit=5')).status()).toBe(400);
  expect((await request.get('/api/v1/comments/export.csv?consultation=ni-takega')).status()).toBe(404);
});

test('every answer is valid against the OpenAPI description served at /api/v1/openapi.json', async ({ request }) => {
  const document = await (await request.get('/api/v1/openapi.json')).json();
  expect(document.openapi).toBe('3.1.0');
  const valid = openApiValidator(document);
  const page = await (await request.get('/api/v1/comments?limit=1000')).json();
  expect(valid('Page', page)).toEqual([]);
  expect(page.items.length).toBeGreaterThan(0);
  const one = await request.get(`/api/v1/comments/${page.items[0].id}`);
  expect(valid('Comment', await one.json())).toEqual([]);
  for (const path of ['/api/v1/comments?limit=0', '/api/v1/comments?consultation=ni-takega', '/api/v1/comments/999999999']) {
    expect(valid('Error', await (await request.get(path)).json()), path).toEqual([]);
  }
  // The export: a file of JSON Lines, each line an item.
  const exported = await request.get('/api/v1/comments/export.jsonl');
  expect(exported.headers()['content-type']).toContain('application/jsonl');
  expect(exported.headers()['content-disposition']).toBe('attachment; filename="posvet-pripombe.jsonl"');
  const lines = (await exported.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(lines.length).toBeGreaterThanOrEqual(page.items.length);
  for (const item of lines) expect(valid('Comment', item), `item ${item.id}`).toEqual([]);
  const csv = await request.get('/api/v1/comments/export.csv?consultation=sdjs2030');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="posvet-pripombe-sdjs2030.csv"');
});
