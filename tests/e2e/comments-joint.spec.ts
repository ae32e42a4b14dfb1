import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './axe.ts';
import { expect, people, signIn, test, unique } from './fixtures.ts';
import { apiComment, apiComments, submitOnBlockPage, texts } from './support/comments.ts';

/*
 * Organisations together: an association's joint position confirmed by a named municipality, and
 * co-signing another organisation's comment with „Podpiramo“.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('commenting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an association submits a joint position; a named municipality confirms it', async ({ page, request, as, newPage }) => {
    const body = unique('Skupno stališče mestnih občin o namenu strategije.');
    await signIn(page, people.zmos);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/7');
    const group = page.getByRole('group', { name: texts.onBehalfOf });
    await expect(group.getByRole('checkbox')).toHaveCount(12);
    await expectNoAxeViolationsWithoutJs(page);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/7', { body, members: ['Ljubljana', 'Maribor'] });

    const comment = await apiComment(request, body);
    expect(comment.organisation.name).toBe('Združenje mestnih občin Slovenije');
    expect(comment.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'pending' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);

    const reader = await newPage();
    await reader.goto(`/pripombe/${comment.id}`);
    // While the named municipalities may still answer, the position says it is being agreed and
    // how many have confirmed — never that it speaks for all it names.
    await expect(reader.getByRole('heading', { level: 3 })).toHaveText(
      'Združenje mestnih občin Slovenije – ZMOS (skupno stališče v usklajevanju): potrdila ga še ni nobena od 2 navedenih občin',
    );
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še nista odgovorili/ })).toHaveText('Še nista odgovorili 2 občini: Ljubljana, Maribor');
    const confirmedBy = reader.getByRole('article').locator('p', { hasText: /^Potrdil/ });
    await expect(reader.getByRole('article')).toContainText('Maribor');
    await expect(confirmedBy.filter({ hasText: 'Ljubljana' })).toHaveCount(0); // nobody has confirmed yet
    await expectNoAxeViolations(reader);

    // Ljubljana sees it among the joint positions naming it, and confirms.
    const ljubljana = await as('ljubljana', { javaScriptEnabled: false });
    await ljubljana.goto('/organizacija/pripombe');
    const item = ljubljana.getByRole('listitem').filter({ has: ljubljana.getByRole('link', { name: `Pripomba št. ${comment.id}`, exact: true }) });
    await expect(item).toContainText('Združenje mestnih občin Slovenije');
    await expect(item).toContainText('Vaš odgovor: še niste odgovorili');
    await expectNoAxeViolationsWithoutJs(ljubljana);
    await item.getByRole('button', { name: `Potrjujemo – Pripomba št. ${comment.id}` }).click();
    await expect(ljubljana).toHaveURL(/\/organizacija\/pripombe\?sporocilo=odgovor-shranjen$/);
    await expect(ljubljana.getByRole('status')).toHaveText(texts.jointAnswered);
    await expect(
      ljubljana.getByRole('listitem').filter({ has: ljubljana.getByRole('link', { name: `Pripomba št. ${comment.id}`, exact: true }) }),
    ).toContainText('Vaš odgovor: potrjujemo');
    await ljubljana.context().close();

    await reader.goto(`/pripombe/${comment.id}`);
    await expect(confirmedBy).toHaveText('Potrdila je 1 občina: Ljubljana');
    await expect(reader.getByRole('article').locator('p', { hasText: /^Še ni odgovorila/ })).toHaveText('Še ni odgovorila 1 občina: Maribor');
    await expect(reader.getByRole('heading', { level: 3 })).toHaveText(
      'Združenje mestnih občin Slovenije – ZMOS (skupno stališče v usklajevanju): doslej ga je potrdila 1 od 2 navedenih občin',
    );
    await reader.context().close();
    const after = await apiComment(request, body);
    expect(after.onBehalfOf).toEqual([
      { name: 'Mestna občina Ljubljana', code: '61', confirmation: 'confirmed' },
      { name: 'Mestna občina Maribor', code: '70', confirmation: 'pending' },
    ]);
  });
});

// ——— co-signing ———
test.describe('co-signing', () => {
  test('another organisation supports a comment with "Podpiramo"; the author and readers cannot', async ({ page, request, as, newPage }) => {
    const body = unique('Pripomba Bleda, ki jo bo podprla Ljubljana.');
    await signIn(page, people.bled);
    await submitOnBlockPage(page, '/posvetovanja/ds2030/osnutek/uvod/6', { body });
    const { id } = await apiComment(request, body);

    const ljubljana = await as('ljubljana');
    await ljubljana.goto(`/pripombe/${id}`);
    await expectNoAxeViolations(ljubljana);
    await ljubljana.getByRole('button', { name: `Podpiramo pripombo št. ${id}` }).click();
    await expect(ljubljana).toHaveURL(new RegExp(`/pripombe/${id}\\?sporocilo=podpora-dodana$`));
    await expect(ljubljana.getByRole('status')).toHaveText(texts.supportAdded);
    await expect(ljubljana.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(ljubljana.getByRole('button', { name: 'Umakni podporo' })).toBeVisible();
    await expect(ljubljana.getByRole('button', { name: /Podpiramo/ })).toHaveCount(0);
    await ljubljana.context().close();

    const comment = await apiComment(request, body);
    expect(comment.supporters).toEqual([{ name: 'Mestna občina Ljubljana', code: '61' }]);

    // The author's organisation: no "Podpiramo" on its own comment, but it may withdraw it.
    await page.goto(`/pripombe/${id}`);
    await expect(page.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(page.getByRole('button', { name: /Podpiramo/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Umakni pripombo' })).toHaveAttribute('href', `/pripombe/${id}/umik`);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/6');
    await expect(page.getByRole('article').filter({ hasText: body }).getByRole('button')).toHaveCount(0);

    // A reader: the supporters, no buttons.
    const reader = await newPage();
    await reader.goto(`/pripombe/${id}`);
    await expect(reader.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpira jo 1 organizacija: Mestna občina Ljubljana');
    await expect(reader.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(reader);

    // Two supporters read "2 podpori" (the demo comment of Ljubljana is supported by Bled and people.zmos).
    const demo = (await apiComments(request, '?chapter=gigabitna-infrastruktura')).find((c) => c.blockKey === 'vloga-obcin-gigabit')!;
    await reader.goto(`/pripombe/${demo.id}`);
    await expect(reader.locator('p', { hasText: /^Podpir/ })).toHaveText('Podpirata jo 2 organizaciji: Občina Bled, Združenje mestnih občin Slovenije');
    await reader.context().close();

    // Ljubljana takes its support back.
    const again = await as('ljubljana', { javaScriptEnabled: false });
    await again.goto(`/pripombe/${id}`);
    await again.getByRole('button', { name: 'Umakni podporo' }).click();
    await expect(again.getByRole('status')).toHaveText('Podpora je umaknjena.');
    await expect(again.locator('p', { hasText: /^Podpir/ })).toHaveCount(0);
    await expect(again.getByRole('button', { name: `Podpiramo pripombo št. ${id}` })).toBeVisible();
    await again.context().close();
    expect((await apiComment(request, body)).supporters).toEqual([]);
  });
});
