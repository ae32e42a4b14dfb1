import { expectNoAxeViolations } from './axe.ts';
import { expect, people, postForm, submitForm, test, unique } from './fixtures.ts';
import { CHAPTERS, apiComment, queue, readMail, reviewForm, stanceForm, submitAsBled } from './support/moderation.ts';

/*
 * Stances in the moderators' and administrators' hands: moderator A drafts a predlog stališča,
 * moderator B returns it with a note, A drafts it anew, B approves it, the administrator publishes
 * the chapter's approved stances — and only then is it public and the organisation told. A never
 * approves their own.
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts); the test has Občina Bled submit
 * its own comment with a unique marker and acts on that one.
 */

const OWN_STANCE = 'To je vaš predlog stališča. Odobriti ali vrniti ga mora drug moderator ali skrbnik.';
const OWN_REFUSED = 'Svojega predloga stališča ne morete odobriti ali vrniti; to stori drug moderator ali skrbnik.';
const NOTE_REQUIRED = 'Napišite, kaj naj predlagatelj stališča dopolni ali popravi.';
const STALE = 'Stališče je medtem spremenil nekdo drug. Preverite trenutno stališče in poskusite znova.';

test('a stance is drafted, returned, drafted anew, approved by a second moderator and published by the administrator; only then is it public and mailed', async ({ request, as }) => {
  test.slow();
  const marker = unique('stalisce');
  const body = `Predlagamo, da se točke digitalne pomoči odprejo tudi ob sobotah ${marker}`;
  const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 3, body }]);
  const path = `/moderacija/pripombe/${id}`;
  const working = (page: import('@playwright/test').Page) => page.locator('[data-working-stance]');

  // Moderator A drafts (the forms are plain posts; axe needs JavaScript on).
  const a = await as('moderator');
  await a.goto(path);
  await expect(a.getByText('Stališče do pripombe še ni objavljeno.')).toBeVisible();
  await expect(a.getByText('Predloga stališča še ni.')).toBeVisible();
  await expectNoAxeViolations(a);
  const draft = stanceForm(a);
  await draft.choice('delno upoštevana').check();
  await draft.response.fill('Soboto bomo preučili.');
  expect(await submitForm(a, draft.save)).toBe(303);
  await expect(working(a)).toContainText('predlog stališča');
  await expect(working(a)).toContainText('Marko Moderator');
  // A may not approve their own: no buttons, a line saying who must; a forged post is refused.
  await expect(reviewForm(a).approve).toHaveCount(0);
  await expect(a.locator('[data-own-stance]')).toHaveText(OWN_STANCE);
  await expectNoAxeViolations(a);
  const forged = await postForm(a, path, { intent: 'review', verdict: 'approve', reviewNote: '' });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain(OWN_REFUSED);
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review', response: null });

  // Moderator B sends it back: first without the note (refused, nothing changed), then with one.
  const b = await as('moderatorka');
  await b.goto(path);
  await expect(working(b)).toContainText('predlog stališča');
  await expectNoAxeViolations(b);
  expect(await submitForm(b, reviewForm(b).return)).toBe(400);
  await expect(b.getByRole('alert').getByRole('link', { name: NOTE_REQUIRED })).toHaveAttribute('href', '#reviewNote');
  await expect(working(b)).toContainText('predlog stališča');
  await reviewForm(b).note.fill('Obrazložitev naj pove, do kdaj bo odločeno.');
  expect(await submitForm(b, reviewForm(b).return)).toBe(303);
  await expect(working(b)).toContainText('vrnjeno v dopolnitev');
  await expect(working(b)).toContainText('Obrazložitev naj pove, do kdaj bo odločeno.');
  await expect(working(b)).toContainText('Maja Moderatorka');

  // A reads the note and drafts anew; B's page, opened before that, is refused as stale.
  await b.goto(path);
  await a.goto(path);
  await expect(working(a)).toContainText('Obrazložitev naj pove, do kdaj bo odločeno.');
  await expectNoAxeViolations(a);
  await stanceForm(a).response.fill('Sobotno odprtost bomo preučili do konca leta 2027 skupaj z občinami.');
  expect(await submitForm(a, stanceForm(a).save)).toBe(303);
  await expect(working(a)).toContainText('predlog stališča');
  // (B's page showed a returned stance: no review buttons; B drafts nothing over A's new text.)
  await stanceForm(b).response.fill('Besedilo, ki ga B vpiše v zastarel obrazec.');
  expect(await submitForm(b, stanceForm(b).save)).toBe(400);
  await expect(b.getByRole('alert')).toContainText(STALE);
  await expect(stanceForm(b).response).toHaveValue('Besedilo, ki ga B vpiše v zastarel obrazec.');

  // B approves.
  await b.goto(path);
  await expect(working(b)).toContainText('Sobotno odprtost bomo preučili');
  expect(await submitForm(b, reviewForm(b).approve)).toBe(303);
  await expect(working(b)).toContainText('odobreno');
  await expectNoAxeViolations(b);
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'in_review', response: null });
  // The queue finds it among the approved ones.
  await b.goto(`/moderacija?posvetovanje=ds2030&stance=approved&text=${marker}`);
  await expect(queue(b).row(marker).locator('[data-stance-state]')).toHaveText('odobreno');
  // Moderators do not publish: the page is refused and not in their navigation.
  await expect(b.getByRole('link', { name: 'Objava stališč' })).toHaveCount(0);
  expect((await b.goto('/moderacija/objava?posvetovanje=ds2030'))?.status()).toBe(403);
  expect((await postForm(b, '/moderacija/objava?posvetovanje=ds2030', { objavi: 'vse', ids: String(id) })).status()).toBe(403);
  await b.context().close();

  // The administrator publishes the chapter's approved stances, after seeing what will be published.
  const admin = await as('admin');
  await admin.goto('/moderacija?posvetovanje=ds2030');
  await admin.getByRole('link', { name: 'Objava stališč' }).click();
  await expect(admin).toHaveURL(/\/moderacija\/objava\?posvetovanje=ds2030$/);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Objava stališč');
  await expectNoAxeViolations(admin);
  const chapter = admin.locator(`tr[data-chapter="${CHAPTERS.society.slug}"]`);
  const button = chapter.getByRole('button', { name: /^Objavi \d+ stališ/ });
  const n = Number(/\((\d+)\)/.exec((await button.textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThanOrEqual(1);
  await button.click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Potrditev objave');
  await expect(admin.locator(`tr[data-publish-row="${id}"]`)).toContainText('delno upoštevana');
  await expect(admin.locator('tr[data-publish-row]')).toHaveCount(n);
  await expectNoAxeViolations(admin);
  expect(await submitForm(admin, admin.getByRole('button', { name: `Potrjujem objavo (${n})` }))).toBe(303);
  const [verb, noun] = n % 100 === 1 ? ['Objavljeno je', 'stališče'] : n % 100 === 2 ? ['Objavljeni sta', 'stališči'] : n % 100 <= 4 ? ['Objavljena so', 'stališča'] : ['Objavljenih je', 'stališč'];
  await expect(admin.getByRole('status')).toHaveText(`${verb} ${n} ${noun}.`);
  await expect(admin.locator(`tr[data-chapter="${CHAPTERS.society.slug}"]`)).toHaveCount(0);
  await expectNoAxeViolations(admin);
  // Publishing again: nothing approved is left in that chapter.
  expect((await postForm(admin, '/moderacija/objava?posvetovanje=ds2030', { objavi: 'poglavje', poglavje: CHAPTERS.society.slug })).status()).toBe(400);

  // The moderation page shows the published stance.
  await admin.goto(path);
  await expect(admin.locator('[data-published-stance]')).toContainText('Objavljeno stališče: delno upoštevana');
  await expect(admin.locator('[data-published-stance]')).toContainText('Ana Administratorka');
  await expectNoAxeViolations(admin);
  await admin.context().close();

  // Public now: the permalink and the open data.
  const reader = await as('ljubljana');
  expect((await reader.goto(`/pripombe/${id}`))?.status()).toBe(200);
  const card = reader.getByRole('article').filter({ hasText: body });
  await expect(card.locator('p', { hasText: /^Stališče ministrstva:/ })).toHaveText('Stališče ministrstva: delno upoštevana');
  await expect(card.getByRole('region', { name: 'Obrazložitev stališča' })).toContainText('Sobotno odprtost bomo preučili do konca leta 2027 skupaj z občinami.');
  await reader.context().close();
  expect(await apiComment(request, body)).toMatchObject({ id, status: 'partially_accepted', response: 'Sobotno odprtost bomo preučili do konca leta 2027 skupaj z občinami.' });

  // Občina Bled is told, once, naming the comment, the paragraph and what the stance means.
  const mail = await readMail(people.bled, `Stališče do pripombe št. ${id} `);
  expect(mail.body).toMatch(/^Spoštovani,/);
  expect(mail.body).toContain(`pripombe št. ${id}, ki jo je vaša organizacija oddala k besedilu odstavka 5.3 poglavja`);
  expect(mail.body).toContain('Stališče: delno upoštevana. Predlog bo deloma upoštevan v naslednji različici besedila; kako, pojasnjuje obrazložitev.');
  expect(mail.body).toContain('Sobotno odprtost bomo preučili do konca leta 2027 skupaj z občinami.');
  expect(mail.body).not.toContain('Soboto bomo preučili.');
});
