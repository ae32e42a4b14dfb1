import { query } from '../support/database.ts';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, postForm, submitForm, test, unique, type Server } from './fixtures.ts';
import { CHAPTERS, stanceForm, filterQueue, queue, submitAsBled, texts } from './support/moderation.ts';

/*
 * Moderators work faster: answer templates (/moderacija/predloge) kept per consultation, a template
 * filling the obrazložitev on a comment's page, and one predlog stališča for several comments from
 * the queue — refused whole when one of them changed meanwhile.
 *
 * Each test has Občina Bled submit its own comments and writes templates with names of its own.
 */

const TEMPLATES = '/moderacija/predloge?posvetovanje=ds2030';

/** The stances of these comments as stored (the queue's stance column comes with the stance work). */
function storedStances(server: Server, ids: number[]) {
  return query(server.databasePath, (db) =>
    db.all<{ comment_id: number; status: string; response: string | null; state: string }>(`select comment_id, status, response, state from stances where comment_id in (${ids.map(() => '?').join(',')}) order by comment_id`, ...ids),
  );
}

/** Adds a template through the page's create form; the page then lists it. */
async function createTemplate(page: Page, name: string, body: string, chapter?: string) {
  await page.goto(TEMPLATES);
  const form = page.getByRole('region', { name: 'Nova predloga' });
  await form.getByLabel('Ime predloge').fill(name);
  if (chapter) await form.getByLabel('Poglavje').selectOption({ label: chapter });
  await form.getByLabel('Besedilo obrazložitve').fill(body);
  expect(await submitForm(page, form.getByRole('button', { name: 'Dodaj predlogo' }))).toBe(303);
  await expect(page.getByRole('status').filter({ hasText: 'Predloga je dodana.' })).toBeVisible();
}

test.describe('answer templates', () => {
  test('a moderator adds a template (a refused form keeps what was typed), changes it and deletes it after confirming', async ({ as }) => {
    const page = await as('moderator', { javaScriptEnabled: false });
    const name = unique('Zunaj področja');
    const body = `Predlog presega področje strategije; obravnavan bo v področnih predpisih. ${name}`;

    await page.goto('/moderacija?posvetovanje=ds2030');
    await page.getByRole('navigation', { name: /^Moderacija – / }).getByRole('link', { name: 'Predloge obrazložitev' }).click();
    await expect(page).toHaveURL(/\/moderacija\/predloge\?posvetovanje=ds2030$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Predloge obrazložitev');
    await expect(page.getByRole('link', { name: 'Predloge obrazložitev' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolationsWithoutJs(page);

    // An empty text is refused; the name and chapter stay.
    const form = page.getByRole('region', { name: 'Nova predloga' });
    await form.getByLabel('Ime predloge').fill(name);
    await form.getByLabel('Poglavje').selectOption({ label: CHAPTERS.economy.label });
    await form.getByLabel('Besedilo obrazložitve').fill('   ');
    expect(await submitForm(page, form.getByRole('button', { name: 'Dodaj predlogo' }))).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Besedilo predloge ne sme biti prazno.');
    await expect(form.getByLabel('Ime predloge')).toHaveValue(name);
    await expect(form.getByLabel('Poglavje')).toHaveValue(CHAPTERS.economy.slug);
    await expectNoAxeViolationsWithoutJs(page);

    await form.getByLabel('Besedilo obrazložitve').fill(body);
    expect(await submitForm(page, form.getByRole('button', { name: 'Dodaj predlogo' }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: 'Predloga je dodana.' })).toBeVisible();
    const group = page.getByRole('region', { name: `Poglavje ${CHAPTERS.economy.label}` });
    const item = group.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(item).toContainText(body);
    await expect(item).toContainText('Zadnja sprememba: Marko Moderator');

    // The same name again (in other letters' case) is refused on its field.
    await form.getByLabel('Ime predloge').fill(name.toUpperCase());
    await form.getByLabel('Besedilo obrazložitve').fill('Drugo besedilo.');
    expect(await submitForm(page, form.getByRole('button', { name: 'Dodaj predlogo' }))).toBe(400);
    await expect(form.getByText('Predloga s tem imenom že obstaja. Izberite drugo ime.')).toBeVisible();

    // Changed: made general, renamed.
    await item.getByRole('link', { name: `Uredi – predloga „${name}“` }).click();
    const edit = page.getByRole('region', { name: `Urejanje predloge „${name}“` });
    await expect(edit.getByLabel('Besedilo obrazložitve')).toHaveValue(body);
    await edit.getByLabel('Ime predloge').fill(`${name} (splošna)`);
    await edit.getByLabel('Poglavje').selectOption({ label: 'vsa poglavja (splošna predloga)' });
    expect(await submitForm(page, edit.getByRole('button', { name: 'Shrani spremembe' }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: 'Spremembe predloge so shranjene.' })).toBeVisible();
    const general = page.getByRole('region', { name: 'Splošne predloge' });
    await expect(general.getByRole('heading', { name: `${name} (splošna)`, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name, exact: true })).toHaveCount(0);

    // Deleted only after confirming; „Prekliči“ keeps it.
    await general.getByRole('link', { name: `Izbriši – predloga „${name} (splošna)“` }).click();
    const confirm = page.getByRole('region', { name: `Izbris predloge „${name} (splošna)“` });
    await expect(confirm).toContainText('Ali res želite izbrisati to predlogo?');
    await expectNoAxeViolationsWithoutJs(page);
    await confirm.getByRole('link', { name: 'Prekliči' }).click();
    await expect(page.getByRole('region', { name: /^Izbris predloge/ })).toHaveCount(0);
    await general.getByRole('link', { name: `Izbriši – predloga „${name} (splošna)“` }).click();
    expect(await submitForm(page, confirm.getByRole('button', { name: 'Izbriši predlogo' }))).toBe(303);
    await expect(page.getByRole('status').filter({ hasText: 'Predloga je izbrisana.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: `${name} (splošna)`, exact: true })).toHaveCount(0);
  });

  test('a municipality member is refused the templates page and its forms with 403', async ({ as }) => {
    const bled = await as('bled', { javaScriptEnabled: false });
    expect((await bled.goto(TEMPLATES))?.status()).toBe(403);
    await expect(bled.getByRole('heading', { level: 1 })).toHaveText(texts.forbidden);
    const name = unique('Občinska');
    expect((await postForm(bled, TEMPLATES, { intent: 'create', name, chapter: '', body: 'Ne bi smela nastati.' })).status()).toBe(403);
    const moderator = await as('moderator', { javaScriptEnabled: false });
    await moderator.goto(TEMPLATES);
    await expect(moderator.getByRole('heading', { name, exact: true })).toHaveCount(0);
  });

  test('a template fills the obrazložitev of a comment; then one predlog stališča with a template goes to two comments from the queue', async ({ request, as, server }) => {
    const marker = unique('predloge');
    const ids = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'economy', block: 2, body: `Prva pripomba o vozliščih ${marker}` },
      { chapter: 'economy', block: 3, body: `Druga pripomba o vozliščih ${marker}` },
      { chapter: 'economy', block: 4, body: `Tretja pripomba o vozliščih ${marker}` },
    ]);
    const plain = await as('moderator', { javaScriptEnabled: false });
    const own = { name: unique('Vozlišča'), body: `Ministrstvo bo vozlišča vključilo v akcijski načrt. ${marker}` };
    const other = { name: unique('Zeleni prehod'), body: `Zeleni prehod. ${marker}` };
    await createTemplate(plain, own.name, own.body, CHAPTERS.economy.label);
    await createTemplate(plain, other.name, other.body, '9. Zeleni prehod');

    // Without JavaScript: „Vstavi“ reloads the page with the obrazložitev filled; only fitting templates are offered.
    await plain.goto(`/moderacija/pripombe/${ids[0]}`);
    const chooser = plain.getByLabel('Predloga obrazložitve');
    await expect(chooser.locator('option', { hasText: own.name })).toHaveCount(1);
    await expect(chooser.locator('option', { hasText: other.name })).toHaveCount(0);
    await chooser.selectOption({ label: own.name });
    await plain.getByRole('button', { name: 'Vstavi', exact: true }).click();
    await expect(plain).toHaveURL(new RegExp(`/moderacija/pripombe/${ids[0]}\\?predloga=\\d+#odziv$`));
    const decision = stanceForm(plain);
    await expect(decision.response).toHaveValue(own.body);
    await expect(plain.getByRole('status').filter({ hasText: `Predloga „${own.name}“ je vstavljena v obrazložitev.` })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(plain);
    await decision.response.fill(`${own.body} Velja tudi za odstavek 4.2.`);
    await decision.choice('delno upoštevana').check();
    expect(await submitForm(plain, decision.save)).toBe(303);
    await expect(plain.getByText(texts.saved)).toBeVisible();
    await expect(decision.response).toHaveValue(`${own.body} Velja tudi za odstavek 4.2.`);

    // With JavaScript the template goes in place, the page stays.
    const live = await as('moderator');
    await live.goto(`/moderacija/pripombe/${ids[1]}`);
    await live.getByLabel('Predloga obrazložitve').selectOption({ label: own.name });
    await live.getByRole('button', { name: 'Vstavi', exact: true }).click();
    await expect(stanceForm(live).response).toHaveValue(own.body);
    await expect(stanceForm(live).response).toBeFocused();
    await expect(live).toHaveURL(new RegExp(`/moderacija/pripombe/${ids[1]}$`));
    await expectNoAxeViolations(live);

    // The queue, without JavaScript: two comments ticked, a template inserted (the ticks stay), one stance for both.
    await filterQueue(plain, marker, (filters) => filters.getByLabel('Poglavje').selectOption(CHAPTERS.economy.slug).then(() => {}));
    const q = queue(plain);
    await expect(q.rows).toHaveCount(3);
    await q.row('Druga pripomba').getByRole('checkbox').check();
    await q.row('Tretja pripomba').getByRole('checkbox').check();
    const bulk = plain.getByRole('group', { name: 'Predlog stališča za izbrane pripombe' });
    await bulk.getByLabel('Stališče', { exact: true }).selectOption({ label: 'ni upoštevana' });
    // The queue filtered by the chapter offers its own templates beside the general ones.
    await bulk.getByLabel('Predloga obrazložitve').selectOption({ label: own.name });
    await bulk.getByRole('button', { name: 'Vstavi', exact: true }).click();
    await expect(bulk.getByLabel('Obrazložitev stališča (javna po objavi)')).toHaveValue(own.body);
    await expect(q.row('Druga pripomba').getByRole('checkbox')).toBeChecked();
    await expect(q.row('Tretja pripomba').getByRole('checkbox')).toBeChecked();
    await expect(q.row('Prva pripomba').getByRole('checkbox')).not.toBeChecked();
    await expect(bulk.getByLabel('Stališče', { exact: true })).toHaveValue('rejected');
    await expectNoAxeViolationsWithoutJs(plain);
    expect(await submitForm(plain, bulk.getByRole('button', { name: 'Zapiši predlog stališča' }))).toBe(303);
    await expect(plain.getByRole('status').filter({ hasText: 'Predlog stališča je zapisan pri 2 pripombah.' })).toBeVisible();
    await expect(q.row('Druga pripomba').getByRole('cell').nth(5)).toHaveText('v obravnavi');
    await expect(q.row('Tretja pripomba').getByRole('cell').nth(5)).toHaveText('v obravnavi');
    expect(await storedStances(server, [ids[1], ids[2]])).toEqual([
      { comment_id: ids[1], status: 'rejected', response: own.body, state: 'drafted' },
      { comment_id: ids[2], status: 'rejected', response: own.body, state: 'drafted' },
    ]);
    await expectNoAxeViolationsWithoutJs(plain);
  });

  test('a bulk stance over a comment whose stance changed meanwhile is refused whole, naming it and keeping the text', async ({ request, as, server }) => {
    const marker = unique('hkrati');
    const ids = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'support', block: 1, body: `Prva o podpornem okolju ${marker}` },
      { chapter: 'support', block: 2, body: `Druga o podpornem okolju ${marker}` },
    ]);
    const text = `Ministrstvo se je s pripombo seznanilo. ${marker}`;

    // The moderator fills the bulk form (JavaScript on) …
    const moderator = await as('moderator');
    await filterQueue(moderator, marker);
    const q = queue(moderator);
    await expect(q.rows).toHaveCount(2);
    for (const row of ['Prva o podpornem', 'Druga o podpornem']) await q.row(row).getByRole('checkbox').check();
    const bulk = moderator.getByRole('group', { name: 'Predlog stališča za izbrane pripombe' });
    await bulk.getByLabel('Stališče', { exact: true }).selectOption('noted');
    await bulk.getByLabel('Obrazložitev stališča (javna po objavi)').fill(text);
    await expectNoAxeViolations(moderator);

    // … while the administrator drafts a stance on the second comment in their own queue.
    const admin = await as('admin', { javaScriptEnabled: false });
    await filterQueue(admin, marker);
    const adminQueue = queue(admin);
    await adminQueue.row('Druga o podpornem').getByRole('checkbox').check();
    const adminBulk = admin.getByRole('group', { name: 'Predlog stališča za izbrane pripombe' });
    await adminBulk.getByLabel('Stališče', { exact: true }).selectOption('accepted');
    expect(await submitForm(admin, adminBulk.getByRole('button', { name: 'Zapiši predlog stališča' }))).toBe(303);
    await expect(admin.getByRole('status').filter({ hasText: 'Predlog stališča je zapisan pri 1 pripombi.' })).toBeVisible();

    expect(await submitForm(moderator, bulk.getByRole('button', { name: 'Zapiši predlog stališča' }))).toBe(400);
    await expect(moderator.getByRole('alert')).toContainText(
      `Pripombo št. ${ids[1]} je medtem spremenil drug moderator; nobena pripomba ni bila spremenjena. Preverite jo in poskusite znova.`,
    );
    await expect(bulk.getByLabel('Obrazložitev stališča (javna po objavi)')).toHaveValue(text);
    await expect(bulk.getByLabel('Stališče', { exact: true })).toHaveValue('noted');
    await expect(q.row('Prva o podpornem').getByRole('checkbox')).toBeChecked();
    expect(await storedStances(server, ids)).toEqual([{ comment_id: ids[1], status: 'accepted', response: null, state: 'drafted' }]);
    await expectNoAxeViolations(moderator);

    // Having looked, the moderator sends it again: the queue now shows the current stances.
    expect(await submitForm(moderator, bulk.getByRole('button', { name: 'Zapiši predlog stališča' }))).toBe(303);
    await expect(moderator.getByRole('status').filter({ hasText: 'Predlog stališča je zapisan pri 2 pripombah.' })).toBeVisible();
    expect((await storedStances(server, ids)).map((s) => [s.status, s.response])).toEqual([
      ['noted', text],
      ['noted', text],
    ]);
  });
});
