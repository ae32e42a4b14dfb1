import { expectNoAxeViolations } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { filterQueue, queue, submitAsBled } from './support/moderation.ts';

/*
 * Full-text search (issue 15): a reader searches a consultation's draft and published comments
 * from its page; a moderator filters the queue by a word in another form than the comment's.
 * Each test has Občina Bled submit its own comment with a unique marker and searches for it.
 */

test('a reader searches a consultation: highlighted paragraphs and comments, and opens one', async ({ page, request, as }) => {
  const marker = unique('iskanje');
  const body = `Predlagamo brezplačne delavnice za starejše občane <b>${marker}</b>.`;
  const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 3, body }]);

  // From the consultation's page, a word of the draft in one of its forms.
  await page.goto('/posvetovanja/ds2030');
  await page.getByRole('search', { name: 'Iskanje' }).getByLabel('Iskanje po tem posvetovanju').fill('gigabitnih');
  await page.getByRole('button', { name: 'Išči' }).click();
  await expect(page).toHaveURL(/\/posvetovanja\/ds2030\/iskanje\?q=gigabitnih$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iskanje: „gigabitnih“');
  await expect(page.getByLabel('Iskanje po osnutku in objavljenih pripombah')).toHaveValue('gigabitnih');
  const paragraphs = page.getByRole('region', { name: 'Besedilo osnutka' });
  await expect(paragraphs.getByText(/^Najden/)).toBeVisible();
  await expect(paragraphs.locator('mark').first()).toHaveText(/^gigabitn/i);
  await expectNoAxeViolations(page);
  const first = paragraphs.getByRole('listitem').first().getByRole('link');
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.?]/g, '\\$&')}$`));

  // The comment, by a different form of its word; its HTML shown as text, the match marked.
  await page.goto(`/posvetovanja/ds2030/iskanje?q=${encodeURIComponent(`delavnicam ${marker}`)}`);
  const comments = page.getByRole('region', { name: 'Objavljene pripombe' });
  await expect(comments.getByText('Najdena je 1 pripomba.')).toBeVisible();
  const hit = comments.getByRole('listitem').filter({ hasText: 'Občina Bled' });
  await expect(hit).toContainText(`<b>${marker}</b>`);
  await expect(hit.locator('mark').first()).toHaveText('delavnic');
  await expect(hit.getByRole('link', { name: 'k odstavku 4.3' })).toHaveAttribute('href', /\/osnutek\/digitalna-preobrazba-gospodarstva#odstavek-4-3$/);
  await hit.getByRole('link', { name: `Pripomba št. ${id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/pripombe/${id}$`));

  // Syntax and too-short words: an answer, never an error.
  for (const typed of ['"', '*', 'NEAR(', '-', 'a OR b:', '^(']) {
    const response = await page.goto(`/posvetovanja/ds2030/iskanje?q=${encodeURIComponent(typed)}`);
    expect(response?.status(), typed).toBe(200);
  }
  await page.goto('/posvetovanja/ds2030/iskanje?q=EU');
  await expect(page.getByText('Vpišite vsaj tri črke.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a moderator filters the queue by a word in another form', async ({ page, request, as }) => {
  const marker = unique('vrsta');
  const body = `Občinam naj ministrstvo zagotovi sredstva za knjižnice ${marker}.`;
  await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 4, body }]);
  await signIn(page, people.moderator);
  await filterQueue(page, `knjižnicami ${marker}`);
  await expect(queue(page).rows).toHaveCount(1);
  await expect(queue(page).row(marker)).toBeVisible();
  await filterQueue(page, `knjiznica ${marker}`);
  await expect(queue(page).rows).toHaveCount(1);
  await expectNoAxeViolations(page);
});
