import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, signIn, submitForm, test, unique } from './fixtures.ts';
import { apiComment, submitOnBlockPage } from './support/comments.ts';
import { readMail, reviewForm, stanceForm } from './support/moderation.ts';

/*
 * The official record from end to end: an association submits a joint position and gets its
 * receipt; a named municipality confirms it; another organisation co-signs it; a moderator drafts
 * a stance, a second moderator sends it back, the first drafts it anew, the second approves it, the
 * administrator publishes it — and only then is it public and are the association, its co-signer
 * and the named municipality told, each in a mail that opens „Spoštovani,“, names the comment and
 * the paragraph and says in a sentence what the stance means.
 */

test.describe.configure({ timeout: 240_000 });

test('a joint position from its receipt to the published stance, with everyone concerned told', async ({ page, request, as }) => {
  const body = unique('Skupno stališče: gigabitna omrežja na belih lisah naj gradijo občine skupaj z državo.');
  await signIn(page, people.zmos);
  await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/5', { body, members: ['Ljubljana', 'Maribor'] });
  const { id } = await apiComment(request, body);

  // The receipt: mailed to the association, printable on its permalink.
  const receipt = await readMail(people.zmos, `Potrdilo o prejemu pripombe št. ${id}`);
  expect(receipt.body).toMatch(/^Spoštovani,\r?\n/);
  expect(receipt.body).toContain(body);
  await page.goto(`/pripombe/${id}/potrdilo`);
  await expect(page.getByRole('article', { name: 'Potrdilo o prejemu pripombe' })).toContainText(body);
  await expectNoAxeViolations(page);

  // Ljubljana, named, is asked by mail and confirms on its record page.
  const asked = await readMail(people.ljubljana, `št. ${id}`);
  expect(asked.body).toMatch(/^Spoštovani,\r?\n/);
  const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
  await ljubljana.goto('/organizacija/pripombe');
  await ljubljana.getByRole('button', { name: `Potrjujemo – Pripomba št. ${id}` }).click();
  await expect(ljubljana).toHaveURL(/sporocilo=odgovor-shranjen$/);
  await ljubljana.context().close();

  // SOS co-signs it.
  const sos = await as('sos', { javaScriptEnabled: false });
  await sos.goto(`/pripombe/${id}`);
  await sos.getByRole('button', { name: `Podpiramo pripombo št. ${id}` }).click();
  await expect(sos).toHaveURL(new RegExp(`/pripombe/${id}\\?sporocilo=podpora-dodana$`));
  await sos.context().close();

  // Drafted, sent back, drafted anew, approved — never public meanwhile.
  const path = `/moderacija/pripombe/${id}`;
  const a = await as('moderator', { javaScriptEnabled: false });
  await a.goto(path);
  await stanceForm(a).choice('delno upoštevana').check();
  await stanceForm(a).response.fill('Gradnjo na belih lisah bomo načrtovali z občinami.');
  expect(await submitForm(a, stanceForm(a).save)).toBe(303);
  const b = await as('moderatorka', { javaScriptEnabled: false });
  await b.goto(path);
  await reviewForm(b).note.fill('Navedite, v katerem ukrepu.');
  expect(await submitForm(b, reviewForm(b).return)).toBe(303);
  await a.goto(path);
  await stanceForm(a).response.fill('Gradnjo na belih lisah bomo z občinami načrtovali v ukrepu 2.3.');
  expect(await submitForm(a, stanceForm(a).save)).toBe(303);
  await b.goto(path);
  expect(await submitForm(b, reviewForm(b).approve)).toBe(303);
  await a.context().close();
  await b.context().close();
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review', response: null });

  // Published by the administrator: public now, and everyone concerned is told.
  const admin = await as('admin');
  expect((await postForm(admin, '/moderacija/objava?posvetovanje=ds2030', { objavi: 'vse', ids: String(id) })).status()).toBe(303);
  await admin.context().close();
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'partially_accepted', response: 'Gradnjo na belih lisah bomo z občinami načrtovali v ukrepu 2.3.' });

  const subject = `Stališče do pripombe št. ${id} `;
  const told = {
    author: await readMail(people.zmos, subject),
    supporter: await readMail(people.sos, subject),
    named: await readMail(people.ljubljana, subject),
  };
  for (const mail of Object.values(told)) {
    expect(mail.body).toMatch(/^Spoštovani,\r?\n/);
    expect(mail.body).toMatch(new RegExp(`št\\. ${id}.*odstavka 1\\.5 poglavja`, 's'));
    expect(mail.body).toContain('Stališče: delno upoštevana. Predlog bo deloma upoštevan v naslednji različici besedila');
    expect(mail.body).toContain('Gradnjo na belih lisah bomo z občinami načrtovali v ukrepu 2.3.');
    expect(mail.body).toMatch(/Ministrstvo za digitalno preobrazbo\r?\nMasarykova cesta 16, 1000 Ljubljana\s*$/);
  }
  expect(told.author.body).toContain('ki jo je vaša organizacija oddala');
  expect(told.supporter.body).toContain('ki jo je vaša organizacija podprla');
  expect(told.named.body).toContain('v katerem je navedena vaša občina');
});
