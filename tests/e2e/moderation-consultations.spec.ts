import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, test, unique } from './fixtures.ts';
import { apiComment, apiComments, queue, submitAsBled, texts } from './support/moderation.ts';

/*
 * Moderation per consultation. The demo moderator is assigned to Digitalna Slovenija 2030 only; the
 * administrator moderates every consultation. Each test writes its own comment on DS 2030 and acts on
 * one of the demo comments of Strategija digitalnih javnih storitev 2030 (SDJS 2030) without changing it.
 */

const DS = 'Digitalna Slovenija 2030 – vmesni pregled';
const SDJS = 'Strategija digitalnih javnih storitev 2030';

/** A public comment of SDJS 2030 (from the demo data). */
async function sdjsComment(request: Parameters<typeof apiComments>[0]) {
  const [comment] = await apiComments(request, '?consultation=sdjs2030');
  expect(comment, 'SDJS 2030 has a public demo comment').toBeDefined();
  return comment;
}

test('a moderator assigned to DS 2030 moderates its queue and is refused SDJS 2030 with 403', async ({ page, request, as }) => {
  const body = `Pripomba k DS 2030 za moderatorja ${unique('ds')}`;
  const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 2, body }]);
  const foreign = await sdjsComment(request);

  await signIn(page, people.moderator);
  expect((await page.goto('/moderacija'))?.status()).toBe(200);
  await expect(page.getByText('Posvetovanje:')).toContainText(DS);
  // One consultation only: no switcher.
  await expect(page.getByRole('combobox', { name: 'Posvetovanje' })).toHaveCount(0);
  await queue(page).filters.getByLabel('Besedilo vsebuje').fill(body);
  await queue(page).filters.getByRole('button', { name: 'Uporabi filtre' }).click();
  await expect(page).toHaveURL(/[?&]posvetovanje=ds2030(&|$)/);
  await expect(queue(page).rows).toHaveCount(1);
  await expect(queue(page).row(body)).toBeVisible();
  // Another consultation's comment is not in this queue.
  await page.goto(`/moderacija?${new URLSearchParams({ posvetovanje: 'ds2030', text: foreign.body.slice(0, 60) })}`);
  await expect(queue(page).rows).toHaveCount(0);

  for (const path of ['/moderacija?posvetovanje=sdjs2030', '/moderacija/statistika?posvetovanje=sdjs2030', '/moderacija/nova?posvetovanje=sdjs2030', `/moderacija/pripombe/${foreign.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(texts.forbidden);
  }
  expect((await page.goto('/moderacija?posvetovanje=ni-takega'))?.status()).toBe(404);

  // Posting to the SDJS comment's page, or selecting it in a bulk action, changes nothing.
  const forms: Array<Record<string, string>> = [{ intent: 'draft', status: 'accepted', response: '' }, { intent: 'hide', reason: 'spam' }, { intent: 'note', note: 'Ne sme biti shranjena.' }];
  for (const form of forms) {
    expect((await postForm(page, `/moderacija/pripombe/${foreign.id}`, form)).status(), form.intent).toBe(403);
  }
  const bulk = await postForm(page, '/moderacija?posvetovanje=ds2030', { [`select.${foreign.id}`]: '1', [`select.${id}`]: '1', bulk: 'in_review' });
  expect(bulk.status()).toBe(303);
  expect(bulk.headers().location).toContain('spremenjeno=1');
  expect(await apiComment(request, foreign.body)).toMatchObject({ id: foreign.id, status: foreign.status, response: foreign.response });
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review' });
});

test('an administrator switches between consultations; every moderation link keeps the chosen one', async ({ request, as }) => {
  const foreign = await sdjsComment(request);
  // The switcher is a plain GET form: it works without JavaScript.
  const admin = await as('admin', { javaScriptEnabled: false });
  await admin.goto('/moderacija?posvetovanje=ds2030');
  const switcher = admin.getByRole('combobox', { name: 'Posvetovanje' });
  expect(await switcher.locator('option').allTextContents()).toEqual(expect.arrayContaining([DS, SDJS]));
  await expect(switcher).toHaveValue('ds2030');
  await switcher.selectOption({ label: SDJS });
  await admin.getByRole('button', { name: 'Prikaži' }).click();
  await expect(admin).toHaveURL(/\/moderacija\?posvetovanje=sdjs2030$/);
  await expect(admin.getByText('Posvetovanje:')).toContainText(SDJS);
  await expect(admin).toHaveTitle(/SDJS 2030/);
  await expect(queue(admin).rows.filter({ hasText: foreign.body.slice(0, 60) })).toHaveCount(1);

  const nav = admin.getByRole('navigation', { name: 'Moderacija – SDJS 2030' });
  await expect(nav.getByRole('link', { name: 'Statistika' })).toHaveAttribute('href', '/moderacija/statistika?posvetovanje=sdjs2030');
  await expect(nav.getByRole('link', { name: 'Vnos prejete pripombe' })).toHaveAttribute('href', '/moderacija/nova?posvetovanje=sdjs2030');
  await expect(nav.getByRole('link', { name: 'Poročilo' })).toHaveAttribute('href', '/posvetovanja/sdjs2030/porocilo');
  await expect(queue(admin).filters.getByRole('link', { name: 'Počisti filtre' })).toHaveAttribute('href', '/moderacija?posvetovanje=sdjs2030');

  // The statistics of SDJS 2030, and back to DS 2030 from there.
  await nav.getByRole('link', { name: 'Statistika' }).click();
  await expect(admin.getByText('Posvetovanje:')).toContainText(SDJS);
  await admin.getByRole('combobox', { name: 'Posvetovanje' }).selectOption({ label: DS });
  await admin.getByRole('button', { name: 'Prikaži' }).click();
  await expect(admin).toHaveURL(/\/moderacija\/statistika\?posvetovanje=ds2030$/);
  await expect(admin.getByText('Posvetovanje:')).toContainText(DS);

  // A comment's page names its consultation and leads back to its queue.
  await admin.goto(`/moderacija/pripombe/${foreign.id}`);
  await expect(admin.getByText('Posvetovanje:')).toContainText(SDJS);
  await expect(admin.getByRole('navigation', { name: 'Moderacija – SDJS 2030' }).getByRole('link', { name: 'Čakalna vrsta' })).toHaveAttribute('href', '/moderacija?posvetovanje=sdjs2030');
  await admin.context().close();
});

test('the queue with the switcher has no accessibility violations', async ({ as }) => {
  const admin = await as('admin');
  await admin.goto('/moderacija?posvetovanje=sdjs2030');
  await expect(admin.getByRole('combobox', { name: 'Posvetovanje' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.context().close();
});
