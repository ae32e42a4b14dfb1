import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO_PASSWORD, expect, people, postForm, signIn, test, unique } from './fixtures.ts';
import { DEMO_DRAFT, PEOPLE, apiComment, apiComments, apiCommentsWith, postComment, texts } from './support/comments.ts';

/*
 * Who may comment and what others may not do: refused actions, readers and roles that cannot
 * comment, and the open-data API that never leaks people or drafts.
 *
 * Each worker has a database of its own with the demo data (tests/e2e/fixtures.ts); the tests of a
 * worker run one after another on it. Every comment written here carries a unique marker and every
 * assertion is about that comment. The demo comments are only read, never changed.
 */

// Several tests sign in two or three organisations and run axe on each page: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

// ——— what others may not do ———
test.describe('refused actions', () => {
  test('another organisation cannot withdraw, delete or edit; a cross-site post and naming non-members are refused', async ({ page, request, as }) => {
    const marker = unique('Varnost');
    await signIn(page, people.bled);
    const path = '/posvetovanja/ds2030/osnutek/uvod/10';
    expect((await postComment(page, path, { body: `${marker} oddana` })).status()).toBe(303);
    const draft = await postComment(page, path, { body: `${marker} osnutek`, intent: 'draft' });
    expect(draft.headers().location).toBe('/organizacija/pripombe?sporocilo=osnutek-shranjen');
    const { id } = await apiComment(request, `${marker} oddana`);
    await page.goto('/organizacija/pripombe');
    const draftLink = page.getByRole('row').filter({ hasText: `${marker} osnutek` }).getByRole('link', { name: /^Pripomba št\. \d+$/ });
    const draftId = Number(/\d+/.exec((await draftLink.textContent())!)![0]);

    const ljubljana = await as('ljubljana');
    const post = (target: string, form: Record<string, string>) => postForm(ljubljana, target, form);
    // Withdrawal is confirmed on its own page, which is the author organisation's alone.
    const withdraw = await post(`/pripombe/${id}/umik`, { reason: 'Prevzem.' });
    expect(withdraw.status()).toBe(403);
    expect((await ljubljana.goto(`/pripombe/${id}/umik`))?.status()).toBe(403);
    expect((await post(`/pripombe/${draftId}/umik`, {})).status(), 'withdrawing a draft of another organisation').toBe(404);
    // The permalink takes no withdrawal.
    const onPermalink = await post(`/pripombe/${id}`, { intent: 'withdraw' });
    expect(onPermalink.status()).toBe(403);
    expect(await onPermalink.text()).toContain('Tega dejanja ne smete izvesti.');
    // Another organisation's draft does not exist for Ljubljana: 404, as for a GET — not a server error.
    expect((await post(`/pripombe/${draftId}`, { intent: 'delete' })).status(), 'POST to a draft of another organisation').toBe(404);
    expect((await post('/pripombe/999999999', { intent: 'support' })).status(), 'POST to a comment that does not exist').toBe(404);
    expect((await post(`/pripombe/${draftId}/uredi`, { kind: 'comment', body: `${marker} prevzeto`, intent: 'submit' })).status()).toBe(404);
    const ownSupport = await postForm(page, `/pripombe/${id}`, { intent: 'support' });
    expect(ownSupport.status()).toBe(409);

    // Ljubljana replaying the idempotency key of Bled's form neither takes over nor duplicates it.
    const bledKey = randomUUID();
    expect((await postComment(page, path, { body: `${marker} s ključem`, idempotencyKey: bledKey })).status()).toBe(303);
    const replay = await post(path, { kind: 'comment', body: `${marker} ponovljen ključ`, intent: 'submit', idempotencyKey: bledKey });
    expect(replay.status()).toBe(409);
    expect(await replay.text()).toContain('Obrazec je bil že uporabljen. Osvežite stran in poskusite znova.');
    await ljubljana.context().close();

    // The return address is always a path on this site.
    for (const returnTo of ['https://napadalec.example/', '//napadalec.example/', '/\\napadalec.example/']) {
      const response = await postComment(page, path, { body: `${marker} preusmeritev`, returnTo });
      expect(response.status(), returnTo).toBe(303);
      expect(response.headers().location, returnTo).toMatch(/^\/(?![\/\\])/);
    }

    // A form posted from another site with Bled's session is refused.
    const forged = await postForm(page, path, { kind: 'comment', body: `${marker} ponarejena`, intent: 'submit' }, { Origin: 'https://napadalec.example' });
    expect(forged.status()).toBe(403);

    // An association may speak only for its own members (Bled, id 3, is not in people.zmos).
    const zmos = await as('zmos');
    const joint = await postComment(zmos, path, { body: `${marker} zmos`, 'onBehalfOf.3': '1' });
    expect(joint.status()).toBe(400);
    expect(await joint.text()).toContain('Izbrane so lahko le občine, ki so članice vašega združenja.');
    await zmos.context().close();

    const left = (await apiCommentsWith(request, marker)).map((c) => c.body);
    expect(left.filter((b) => !b.endsWith('preusmeritev'))).toEqual([`${marker} oddana`, `${marker} s ključem`]);
    await page.goto('/organizacija/pripombe');
    await expect(page.getByRole('row').filter({ hasText: `${marker} osnutek` }).getByText('neoddana', { exact: true })).toBeVisible();
    await page.goto(`/pripombe/${id}`);
    await expect(page.locator('p', { hasText: /^Podpir/ })).toHaveCount(0);
  });
});

// ——— who may comment ———
test.describe('readers and roles that cannot comment', () => {
  test('an anonymous reader gets no script, a link to the block page, and an invitation to sign in', async ({ page, request }) => {
    await page.goto('/posvetovanja/ds2030');
    const chapters = await page.locator('main a[href^="/posvetovanja/ds2030/osnutek/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(chapters.length).toBeGreaterThanOrEqual(8);
    for (const href of chapters) {
      const html = await (await request.get(href)).text();
      expect(html, href).not.toContain('<script');
      expect(html, href).not.toContain('<astro-island');
      expect(html, href).toContain('Komentiraj odstavek');
    }

    await page.goto('/posvetovanja/ds2030/osnutek/uvod');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('astro-island').count()).toBe(0);
    const link = page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' });
    await expect(link).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/uvod/1');
    await expect(page.getByRole('button', { name: /^Komentiraj odstavek/ })).toHaveCount(0);

    await link.click();
    await expect(page).toHaveURL(/\/osnutek\/uvod\/1$/);
    await expect(page.getByText(texts.signInToComment)).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Oddaj pripombo' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // A post without a session is sent to sign in and stores nothing.
    const marker = unique('Anonimna pripomba');
    const response = await postForm(request, '/posvetovanja/ds2030/osnutek/uvod/1', { kind: 'comment', body: marker, intent: 'submit' });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe('/prijava?vrnitev=%2Fposvetovanja%2Fds2030%2Fosnutek%2Fuvod%2F1');
    expect(await apiCommentsWith(request, marker)).toEqual([]);

    // The sign-in link brings the member back to the block, now with the form.
    await page.getByRole('link', { name: 'Prijava za predstavnike občin in združenj' }).click();
    await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fposvetovanja%2Fds2030%2Fosnutek%2Fuvod%2F1$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('E-naslov').fill(people.bled);
    await page.getByLabel('Geslo', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Prijava', exact: true }).click();
    await expect(page).toHaveURL(/\/osnutek\/uvod\/1$/);
    await expect(page.getByLabel('Besedilo pripombe', { exact: true })).toBeVisible();
  });

  test('a moderator reads but is told that comments come from municipalities and associations', async ({ page }) => {
    await signIn(page, people.moderator);
    await page.goto('/posvetovanja/ds2030/osnutek/uvod/1');
    await expect(page.getByText(texts.cannotComment)).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Oddaj pripombo' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto('/posvetovanja/ds2030/osnutek/uvod');
    await expect(page.getByRole('button', { name: /^Komentiraj odstavek/ })).toHaveCount(0);
    await expect(page.locator('#odstavek-1-1').getByRole('link', { name: 'Komentiraj odstavek 1.1' })).toHaveAttribute('href', '/posvetovanja/ds2030/osnutek/uvod/1');
    await expect(page.getByRole('button', { name: /^Podpiramo/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

// ——— open data ———
test.describe('the open-data API', () => {
  test('filters, refuses bad queries in Slovenian, and never leaks people or drafts', async ({ request }) => {
    const bad = await request.get('/api/v1/comments?status=bogus');
    expect(bad.status()).toBe(400);
    expect(bad.headers()['content-type']).toContain('application/json');
    const error = await bad.json();
    expect(error.error).toBe('Neveljavna poizvedba: neveljavna vrednost parametra status.');

    for (const query of ['?chapter=Ne%20Velja', '?format=xml', '?organisation=%3Cscript%3E']) {
      const response = await request.get(`/api/v1/comments${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error, query).toMatch(/^Neveljavna poizvedba/);
    }

    const all = await apiComments(request);
    const gigabit = await apiComments(request, '?chapter=gigabitna-infrastruktura');
    expect(gigabit.length).toBeGreaterThanOrEqual(1);
    expect(gigabit.length).toBeLessThan(all.length);
    for (const c of gigabit) expect(c.chapter).toBe('gigabitna-infrastruktura');
    expect(gigabit.map((c) => c.blockKey)).toContain('vloga-obcin-gigabit');
    const bled = await apiComments(request, '?organisation=3');
    expect(bled.length).toBeGreaterThanOrEqual(1);
    for (const c of bled) expect(c.organisation.name).toBe('Občina Bled');
    expect(await apiComments(request, '?chapter=ni-takega-poglavja')).toEqual([]);

    const json = await (await request.get('/api/v1/comments/export.jsonl')).text();
    const csv = await (await request.get('/api/v1/comments?format=csv')).text();
    for (const [label, text] of [['json', json], ['csv', csv]] as const) {
      expect(text, label).not.toContain('@posvet.test');
      for (const name of PEOPLE) expect(text, `${label}: ${name}`).not.toContain(name);
      expect(text, label).not.toContain(DEMO_DRAFT);
    }
    // A BOM for spreadsheets, then a header of quoted column names.
    expect(csv.startsWith('\uFEFF"id","consultation","url",')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0].split(',');
    for (const column of ['chapter', 'block', 'kind', 'organisation', 'onBehalfOf', 'body', 'proposedText', 'rationale', 'supporters']) {
      expect(header).toContain(`"${column}"`);
    }
  });

  test('?consultation= gives one consultation’s comments, each naming it; a malformed one is 400, an unknown one 404', async ({ request }) => {
    const all = await apiComments(request);
    const ds2030 = await apiComments(request, '?consultation=ds2030');
    const sdjs2030 = await apiComments(request, '?consultation=sdjs2030');
    expect(ds2030.length).toBeGreaterThan(0);
    expect(sdjs2030.length).toBeGreaterThan(0);
    for (const c of ds2030) expect(c.consultation).toBe('ds2030');
    for (const c of sdjs2030) expect(c.consultation).toBe('sdjs2030');
    expect(new Set(all.map((c) => c.id))).toEqual(new Set([...ds2030, ...sdjs2030].map((c) => c.id)));
    // Both consultations have an Osnutek 1 with a chapter "uvod": the filter keeps them apart.
    const intro = await apiComments(request, '?consultation=sdjs2030&chapter=uvod');
    for (const c of intro) expect(c).toMatchObject({ consultation: 'sdjs2030', chapter: 'uvod' });

    const bad = await request.get('/api/v1/comments?consultation=DS%202030');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toBe('Neveljavna poizvedba: neveljavna vrednost parametra consultation.');
    const unknown = await request.get('/api/v1/comments?consultation=ni-takega');
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-type']).toContain('application/json');
    expect((await unknown.json()).error).toBe('Posvetovanja „ni-takega“ ni.');

    const csv = await request.get('/api/v1/comments?consultation=sdjs2030&format=csv');
    expect(csv.headers()['content-disposition']).toContain('posvet-pripombe-sdjs2030.csv');
    // Each record starts "<id>","<consultation>" (a body may hold line breaks of its own).
    const starts = [...(await csv.text()).matchAll(/\r\n"(\d+)","([^"]*)",/g)].map((m) => [Number(m[1]), m[2]]);
    expect(starts).toEqual(sdjs2030.map((c) => [c.id, 'sdjs2030']));
  });
});
