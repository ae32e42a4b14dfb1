import { expect, people, signIn, submitForm, test, unique } from './fixtures.ts';
import { apiComments, submitAsBled } from './support/moderation.ts';

const DIR = '/work/shots/d';
const widths = [1280, 390];

test('screenshots for helper D', async ({ request, page, as }) => {
  test.setTimeout(240_000);
  const body = `Pripomba za posnetek ${unique('shot')}`;
  const [id, id2] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
    { chapter: 'support', block: 2, body },
    { chapter: 'society', block: 3, body: `${body} – umaknjena` },
  ]);
  await signIn(page, people.moderator);
  await page.goto(`/moderacija/pripombe/${id}`);
  await page.getByLabel('Oznake (ločene z vejicami)').fill('financiranje, e-storitve');
  await submitForm(page, page.getByRole('button', { name: 'Shrani oznake' }));
  await page.getByRole('radio', { name: 'ni upoštevana', exact: true }).check();
  await page.getByLabel('Obrazložitev stališča (javna)').fill('Pripombe ne upoštevamo, ker financiranje podeželja ureja ukrep 5.1 že v sedanjem besedilu. '.repeat(3));
  await submitForm(page, page.getByRole('button', { name: 'Shrani stališče' }));
  await page.getByLabel('Razlog za skritje').selectOption({ label: 'žaljiva vsebina' });
  await submitForm(page, page.getByRole('button', { name: 'Skrij pripombo' }));

  const bled = await as('bled', { javaScriptEnabled: false });
  await bled.goto(`/pripombe/${id2}`);
  await bled.getByRole('button', { name: 'Umakni pripombo' }).click();
  await bled.context().close();

  const all = await apiComments(request, '?consultation=ds2030');
  const zmos = all.find((c) => c.organisation.code === 'ZMOS')!;

  const admin = await as('admin');
  for (const w of widths) {
    await admin.setViewportSize({ width: w, height: 900 });
    await admin.goto('/admin/dnevnik');
    await admin.screenshot({ path: `${DIR}/dnevnik-${w}.png`, fullPage: true });
    await admin.goto(`/admin/dnevnik?pripomba=${id}`);
    await admin.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true)).catch(() => {});
    await admin.screenshot({ path: `${DIR}/dnevnik-pripomba-${w}.png`, fullPage: true });
    await admin.goto('/admin/dnevnik?pripomba=abc&od=31.2.2027');
    await admin.screenshot({ path: `${DIR}/dnevnik-napake-${w}.png`, fullPage: true });
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto(`/moderacija/pripombe/${id}`);
    await page.screenshot({ path: `${DIR}/moderacija-zgodovina-${w}.png`, fullPage: true });
    await page.goto(`/moderacija/pripombe/${id2}`);
    await page.screenshot({ path: `${DIR}/moderacija-umaknjena-${w}.png`, fullPage: true });
    await page.goto(`/moderacija/pripombe/${zmos.id}`);
    await page.screenshot({ path: `${DIR}/moderacija-citat-${w}.png`, fullPage: true });
  }
  expect(true).toBe(true);
});
