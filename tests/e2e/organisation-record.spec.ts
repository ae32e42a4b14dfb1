import { transaction } from '../support/database.ts';
import { expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { apiComment, submitOnBlockPage } from './support/comments.ts';

/*
 * The organisation's record (/organizacija/pripombe): each of its comments with where it stands —
 * received, in review, the published stance and its obrazložitev (never a stance not yet published),
 * withdrawn (when, why), hidden (why) — and, for a municipality, the joint positions waiting for its
 * answer listed first. Plain HTML, no JavaScript.
 *
 * The moderators' side of a stance is another area's: here the states are set in this worker's
 * database directly, as they would stand after that work.
 */

test.describe.configure({ timeout: 180_000 });

test.describe('an organisation reads its record', () => {
  test.use({ javaScriptEnabled: false });

  test('each comment says where it stands; a stance shows only once published', async ({ page, request, server }) => {
    const marker = unique('Zapis Bleda');
    const texts = {
      received: `${marker}: prejeta.`,
      review: `${marker}: v obravnavi.`,
      drafted: `${marker}: stališče v pripravi.`,
      stance: `${marker}: s stališčem.`,
      withdrawn: `${marker}: umaknjena.`,
      hidden: `${marker}: skrita.`,
    };
    await signIn(page, people.bled);
    const ids: Record<string, number> = {};
    for (const [key, body] of Object.entries(texts)) {
      await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/5', { body });
      ids[key] = (await apiComment(request, body)).id;
    }
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/5', { body: `${marker}: osnutek.`, intent: 'draft' });

    await transaction(server.databasePath, async (db) => {
      const set = (sql: string, ...values: unknown[]) => db.run(sql, ...values);
      await set(`update comments set moderation_status = 'in_review' where id = ?`, ids.review);
      // Drafted and approved, not published: the record says "in review", nothing of the stance.
      await set(`update comments set moderation_status = 'in_review' where id = ?`, ids.drafted);
      await set(`insert into stances (comment_id, status, response, state, drafted_at) values (?, 'rejected', 'Neobjavljena obrazložitev.', 'approved', ?)`, ids.drafted, new Date().toISOString());
      await set(`update comments set moderation_status = 'partially_accepted', response = 'Predlog smo upoštevali pri ukrepu 5.' where id = ?`, ids.stance);
      await set(`insert into stances (comment_id, status, response, state, drafted_at, published_at) values (?, 'partially_accepted', 'Predlog smo upoštevali pri ukrepu 5.', 'published', ?, ?)`, ids.stance, new Date().toISOString(), new Date().toISOString());
      await set(`update comments set state = 'withdrawn', withdrawn_at = '2026-11-30T09:15:00.000Z', withdrawal_reason = 'Podvojena pripomba.' where id = ?`, ids.withdrawn);
      await set(`update comments set hidden = 1, hidden_reason = 'personal_data' where id = ?`, ids.hidden);
    });

    await page.goto('/organizacija/pripombe');
    const row = (key: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Pripomba št. ${ids[key]}`, exact: true }) });
    const state = (key: string) => row(key).getByRole('cell').nth(3);
    await expect(state('received')).toContainText('oddana');
    await expect(state('received')).toContainText('Prejeta');
    await expect(state('review')).toContainText('V obravnavi');
    await expect(state('drafted')).toContainText('V obravnavi');
    await expect(page.locator('main')).not.toContainText('Neobjavljena obrazložitev.');
    await expect(state('drafted')).not.toContainText('Stališče');
    await expect(state('stance')).toContainText('Stališče: delno upoštevana');
    // The obrazložitev opens without JavaScript (details/summary).
    await state('stance').getByText('Obrazložitev').click();
    await expect(state('stance')).toContainText('Predlog smo upoštevali pri ukrepu 5.');
    await expect(state('withdrawn')).toContainText('umaknjena');
    await expect(state('withdrawn')).toContainText('Umaknili ste jo 30.\u00A011.\u00A02026 ob 10.15.');
    await expect(state('withdrawn')).toContainText('Razlog: Podvojena pripomba.');
    await expect(state('hidden')).toContainText('Ni javno objavljena: ministrstvo jo je skrilo (razlog: vsebuje osebne podatke).');
    await expect(page.getByRole('row').filter({ hasText: `${marker}: osnutek.` }).getByText('neoddana', { exact: true })).toBeVisible();
    // Bled is a municipality: the positions waiting for its answer come first, even when there are none.
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Skupna stališča, ki čakajo na vaš odgovor');
    await expectNoAxeViolationsWithoutJs(page);
  });

  test('a municipality finds the joint positions to answer first; the association reads its position’s standing', async ({ page, request, as }) => {
    const body = unique('Skupno stališče o odprtih podatkih občin.');
    await signIn(page, people.zmos);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/6', { body, members: ['Celje', 'Ljubljana'] });
    const { id } = await apiComment(request, body);

    const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
    await ljubljana.goto('/organizacija/pripombe');
    const headings = ljubljana.getByRole('heading', { level: 2 });
    await expect(headings.first()).toHaveText('Skupna stališča, ki čakajo na vaš odgovor');
    await expect(headings.nth(1)).toHaveText('Naše pripombe');
    const item = ljubljana.getByRole('region', { name: 'Skupna stališča, ki čakajo na vaš odgovor' }).getByRole('listitem').filter({ hasText: body });
    await expect(item.getByRole('link', { name: `Pripomba št. ${id}`, exact: true })).toBeVisible();
    await expect(item).toContainText('Združenje mestnih občin Slovenije');
    await expect(item).toContainText('k odstavku 1.6');
    await expect(item).toContainText('Vaš odgovor: še niste odgovorili');
    await expect(item.getByRole('button', { name: `Potrjujemo – Pripomba št. ${id}` })).toBeVisible();
    await expect(item.getByRole('button', { name: `Zavračamo – Pripomba št. ${id}` })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(ljubljana);
    await ljubljana.context().close();

    // The association's own record: its joint position is being agreed.
    await page.goto('/organizacija/pripombe');
    const own = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Pripomba št. ${id}`, exact: true }) });
    await expect(own).toContainText(/Skupno stališče v usklajevanju – ni še odgovorila nobena od 2 navedenih občin, rok/);
    await expect(own).toContainText('Še nista odgovorili: Celje, Ljubljana');
    // An association is never named: no section of positions to answer.
    await expect(page.getByRole('heading', { name: 'Skupna stališča, ki čakajo na vaš odgovor' })).toHaveCount(0);
    await expectNoAxeViolationsWithoutJs(page);
  });
});
