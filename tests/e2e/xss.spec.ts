import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { parseCsvCells } from '../support/spreadsheets.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { openDataPages } from './support/open-data.ts';
import { checkPage, close, csvGuarded, injectedThings, publicTexts, simple, watchedPage as watchPage } from './support/xss-checks.ts';
import { bledOrganisationId, CHAPTERS, COMMENT_COUNT, FIELDS, invite, seed, type Payload, type SeededComment, type Seeded, type StorageState } from './support/xss-seed.ts';

/*
 * Cross-site scripting and spreadsheet formula injection, end to end.
 *
 * More than fifty hostile strings go in through every text field a person can fill — a comment's
 * body, proposed text and rationale (Občina Bled and ZMOS), a moderator's public response, internal
 * note and tags, and the name of a newly invited account — by real same-origin form posts. Every
 * page that shows them is then opened in Chromium with JavaScript on: no dialog may open, no
 * injected element or event handler may exist, no request may go to a payload's address, no
 * console error may speak of a blocked script, and the text must be there, as text. The open-data
 * JSON and CSV, the report's CSV and its XLSX must carry the same strings literally, with formulas
 * defused (CSV: a leading apostrophe; XLSX: text cells, no <f> element).
 *
 * The payloads are spread over the fields (every field gets at least five, every payload lands in
 * at least one), written once in beforeAll and then checked by the tests below, which run in order
 * in one worker (after a failure Playwright starts a new worker on the same database, whose beforeAll
 * reads what was written from a file next to it instead of writing it all again). A first test
 * shows that the checks do catch payloads rendered as HTML, so a pass means something. Comments
 * are written on chapters 3 and 9, at most two per block, and nothing else is written to the
 * worker's database while these tests run, so each block's chapter view (which shows the newest
 * three) shows them all.
 * Each page's check collects everything wrong with it and asserts once that nothing was found.
 */

/** What beforeAll wrote, next to the worker's database: a file in this directory. */
const SEED_FILE = 'xss-seed.json';

let seeded: Seeded;

/** A watched page in a context of its own: anonymous, or signed in with a saved session. Close with close(w). */
function watchedPage(browser: Browser, state?: StorageState) {
  return watchPage(browser, seeded.run, state);
}

// ——— tests —————————————————————————————————————————————————————————————————————————————————

test.describe('XSS payloads and formulas stay inert', () => {
  // In order, in one worker, sharing what beforeAll wrote; a failure does not skip the rest.
  test.describe.configure({ mode: 'default', timeout: 180_000 });

  test.beforeAll(async ({ browser, server }) => {
    test.setTimeout(180_000);
    // After a failed test the next one runs in a fresh worker on the same database: it reuses what was written.
    const file = join(server.dir, SEED_FILE);
    try {
      seeded = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      seeded = await seed(browser);
      writeFileSync(file, JSON.stringify(seeded));
    }
  });


  test('the payloads: at least fifty, distinct, each in a field, at least five per field', async () => {
    const { payloads, fields } = seeded;
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    expect(new Set(payloads.map((p) => p.raw)).size).toBe(payloads.length);
    expect(new Set(payloads.map((p) => p.marker)).size).toBe(payloads.length);
    const used = new Set(Object.values(fields).flat().map((p) => p.n));
    expect(payloads.filter((p) => !used.has(p.n)).map((p) => p.label), 'payloads in no field').toEqual([]);
    for (const field of FIELDS) expect(fields[field].length, `payloads in ${field}`).toBeGreaterThanOrEqual(5);
    await test.info().attach('payloads per field', {
      contentType: 'text/plain',
      body: FIELDS.map((f) => `${f}: ${fields[f].map((p) => `#${p.n} ${p.label}`).join('; ')}`).join('\n'),
    });
    expect(fields.body.length).toBe(COMMENT_COUNT);
    // Tags are letters, digits, spaces, hyphens and underscores: markup is refused, not stored.
    for (const p of seeded.refusedTags) expect(p.stored, `refused tag "${p.label}"`).not.toMatch(/^[\p{L}\p{N} _-]+$/u);
  });

  test('the checks themselves: a page that does render the payloads as HTML is caught', async ({ browser }) => {
    // Served from the app's origin but not by the app (no CSP), the payloads pasted in raw.
    const w = await watchedPage(browser);
    const raw = seeded.payloads.filter((p) => ['img onerror', 'svg onload', 'iframe srcdoc', 'anchor with javascript:', 'details ontoggle', 'script setting a flag'].includes(p.label));
    await w.page.route('**/xss-samopreizkus', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>t</title><body>${raw.map((p) => p.raw).join('\n')}</body>` }));
    await w.page.goto('/xss-samopreizkus');
    const reported = ['img', 'event handler onload', 'element <iframe', 'script URL in href', 'event handler ontoggle', 'window.__xss'];
    await expect
      .poll(async () => {
        const found = await injectedThings(w.page, seeded.run);
        return reported.filter((what) => !found.some((f) => f.startsWith(what)));
      }, { message: 'what the check does not report (yet)' })
      .toEqual([]);
    await expect.poll(() => w.dialogs.length, { message: 'dialogs are recorded' }).toBeGreaterThan(0);
    await expect.poll(() => w.problems.some((p) => p.startsWith('request:')), { message: 'the broken image is requested' }).toBe(true);
    await close(w);
  });

  test('public pages: chapters, blocks, permalinks and the report show the payloads as text', async ({ browser }) => {
    const { comments } = seeded;
    const reader = await watchedPage(browser);

    for (const chapter of CHAPTERS) {
      const here = comments.filter((c) => c.chapter === chapter);
      await checkPage(reader, `/posvetovanja/ds2030/osnutek/${chapter}`, { full: here.flatMap((c) => publicTexts(c)) }, async (page) => {
        expect((await page.goto(`/posvetovanja/ds2030/osnutek/${chapter}`))?.status()).toBe(200);
        for (const number of new Set(here.map((c) => c.blockNumber))) {
          const details = page.locator(`#odstavek-${number.replace('.', '-')} details.block__comments`);
          await details.locator('summary').click();
          await expect(details).toHaveAttribute('open', '');
        }
      });
      for (const position of new Set(here.map((c) => c.position))) {
        const onBlock = here.filter((c) => c.position === position);
        await checkPage(reader, `/posvetovanja/ds2030/osnutek/${chapter}/${position}`, { full: onBlock.flatMap((c) => publicTexts(c)) });
      }
    }

    for (const c of comments) {
      await checkPage(reader, `/pripombe/${c.id}`, { full: publicTexts(c), exact: simple(c.body.stored) ? [c.body.stored] : [] });
      // Plain text with an address becomes a link — to that http(s) address only, never further.
      const linked = [c.body, c.rationale, c.response].filter((p) => p && /https?:\/\/[^\s<>"']/.test(p.stored));
      if (linked.length) {
        const links = reader.page.locator('.plain-text a');
        await expect(links.first(), `a link made of the address in comment ${c.id}`).toBeVisible();
        for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
          expect(href, `link in comment ${c.id}`).toMatch(/^https?:\/\/[^\s<>"']+$/);
        }
        await expect(links.first()).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
      }
    }
    await reader.page.goto(`/pripombe/${comments[0].id}`);
    await expectNoAxeViolations(reader.page);

    await close(reader);

    // The report: a preview prepared now holds them; each chapter's part shows them as text (a
    // published version is a snapshot of the same rows, drawn by the same components).
    const admin = await watchedPage(browser, seeded.states.admin);
    await admin.page.goto('/posvetovanja/ds2030/porocilo/predogled');
    await admin.page.getByRole('button', { name: 'Pripravi nov predogled' }).click();
    await expect(async () => {
      await admin.page.goto('/posvetovanja/ds2030/porocilo/predogled');
      await expect(admin.page.getByText('PREDOGLED – NI OBJAVLJENO')).toBeVisible({ timeout: 500 });
      // While a newer one is being prepared the page offers to reload.
      await expect(admin.page.getByRole('link', { name: 'Osveži stran' })).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 60_000 });
    for (const chapter of CHAPTERS) {
      const here = comments.filter((c) => c.chapter === chapter);
      await checkPage(admin, `/posvetovanja/ds2030/porocilo/predogled/${chapter}`, { full: here.flatMap((c) => publicTexts(c)) });
    }
    await close(admin);
  });

  test("authors: the organisation's own list, and a refused form that echoes what was typed", async ({ browser }) => {
    const { comments, payloads } = seeded;
    for (const author of ['bled', 'zmos'] as const) {
      const w = await watchedPage(browser, seeded.states[author]);
      const own = comments.filter((c) => c.author === author);
      await checkPage(w, '/organizacija/pripombe', { excerpt: own.map((c) => c.body.stored) });
      // The author's view of a permalink (with the link to withdraw it).
      await checkPage(w, `/pripombe/${own[0].id}`, { full: publicTexts(own[0]) });
      await close(w);
    }

    // An amendment without proposed text is refused; the page shows the form again with what was typed.
    const echoed = payloads.filter((p) => /<\/textarea>|"|'>/.test(p.raw) && !/[\u0000-\u0008\u000B-\u001F\u007F\r]/.test(p.raw)).slice(0, 2);
    expect(echoed).toHaveLength(2);
    const w = await watchedPage(browser, seeded.states.bled);
    const path = `/posvetovanja/ds2030/osnutek/${CHAPTERS[0]}/5`;
    await checkPage(w, `${path} (refused amendment)`, {}, async (page) => {
      await page.goto(path);
      await page.getByRole('radio', { name: 'Predlog spremembe besedila', exact: true }).check();
      // The proposed text comes filled in with the block's text: emptied, the amendment is refused.
      await page.locator('#predlog').fill('');
      await page.getByLabel('Besedilo pripombe', { exact: true }).fill(echoed[0].raw);
      await page.getByLabel('Obrazložitev (neobvezno)').fill(echoed[1].raw);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
        page.getByRole('button', { name: 'Oddaj pripombo' }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState();
    });
    await expect(w.page.getByLabel('Besedilo pripombe', { exact: true })).toHaveValue(echoed[0].raw);
    await expect(w.page.getByLabel('Obrazložitev (neobvezno)')).toHaveValue(echoed[1].raw);
    await close(w);
  });

  test('moderation: the queue and each comment show the payloads as text; form fields hold them verbatim', async ({ browser }) => {
    const { comments, run, acceptedTags, refusedTags, plainTag, payloads } = seeded;
    const w = await watchedPage(browser, seeded.states.moderator);
    const { page } = w;

    const queueUrl = `/moderacija?${new URLSearchParams({ posvetovanje: 'ds2030', text: run })}`;
    await checkPage(w, queueUrl, { excerpt: comments.map((c) => c.body.stored), full: acceptedTags.map((p) => p.stored) });
    await expect(page.locator('tr[data-queue-row]')).toHaveCount(comments.length);
    await expectNoAxeViolations(page);

    // Filtered by a payload tag the server kept (it is also an option of the tag filter).
    if (acceptedTags.length) {
      const tag = acceptedTags[0].stored;
      await checkPage(w, `/moderacija?${new URLSearchParams({ posvetovanje: 'ds2030', tag })}`, { excerpt: [comments[0].body.stored] });
      await expect(page.locator('tr[data-queue-row]')).toHaveCount(1);
    }
    await checkPage(w, `/moderacija?${new URLSearchParams({ posvetovanje: 'ds2030', tag: plainTag })}`, { excerpt: comments.map((c) => c.body.stored) });

    // The text filter echoes a payload into its field.
    const echoed = payloads.find((p) => p.label === 'autofocus onfocus')!;
    await checkPage(w, `/moderacija?${new URLSearchParams({ posvetovanje: 'ds2030', text: echoed.raw })}`);
    await expect(page.getByRole('search', { name: 'Filtri' }).getByLabel('Besedilo vsebuje')).toHaveValue(echoed.raw);

    for (const c of comments) {
      const texts = [c.body, c.proposedText, c.rationale, ...c.notes].filter((p): p is Payload => !!p).map((p) => p.stored);
      await checkPage(w, `/moderacija/pripombe/${c.id}`, { full: texts, exact: simple(c.body.stored) ? [c.body.stored] : [] });
      await expect(page.locator('textarea#odziv'), `response field of ${c.id}`).toHaveValue(c.response?.stored ?? '');
      await expect(page.locator('input#oznake'), `tags field of ${c.id}`).toHaveValue(c.tags.join(', '));
    }
    for (const p of refusedTags) {
      expect(comments[0].tags, `refused tag "${p.label}" not stored`).not.toContain(p.stored);
    }
    await close(w);
  });

  test('accounts: payload names on /admin, /organizacija and /moj-racun are text', async ({ browser }) => {
    const { accounts, payloads } = seeded;
    const names = accounts.map((a) => a.name.stored);

    const admin = await watchedPage(browser, seeded.states.admin);
    await checkPage(admin, '/admin', { full: names });
    await checkPage(admin, '/admin/dnevnik');
    const searched = payloads.find((p) => p.label === 'double quote then img')!;
    await checkPage(admin, `/admin?${new URLSearchParams({ iskanje: searched.raw })}`);
    await expect(admin.page.locator('#iskanje')).toHaveValue(searched.raw.trim().slice(0, 100));

    const bled = await watchedPage(browser, seeded.states.bled);
    await checkPage(bled, '/organizacija', { full: names });
    await close(bled);

    for (const account of accounts) {
      const w = await watchedPage(browser, account.state);
      await checkPage(w, '/moj-racun', { full: [`Prijavljeni ste kot ${account.name.stored} (Občina Bled).`] });
      await expect(w.page.getByLabel('Ime in priimek'), `name field for "${account.name.label}"`).toHaveValue(account.name.stored);
      await close(w);
    }

    // A refused invitation form (the passwords differ) shows the typed name again, as a value.
    const email = `xss-ime-zavrnjeno-${seeded.run}@obcina-e2e.si`;
    const path = await invite(admin.page.context(), await bledOrganisationId(admin.page.context()), email);
    const guest = await watchedPage(browser);
    const name = payloads.find((p) => p.label === 'single-quoted onmouseover')!;
    await checkPage(guest, `${path} (refused)`, {}, async (page) => {
      await page.goto(path);
      await page.getByLabel('Ime in priimek').fill(name.raw);
      await page.getByLabel('Geslo', { exact: true }).fill('Zelena jablana cveti 1');
      await page.getByLabel('Ponovite novo geslo').fill('Zelena jablana cveti 2');
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Ustvari račun' }).click()]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState();
    });
    await expect(guest.page.getByLabel('Ime in priimek')).toHaveValue(name.raw);
    await close(guest);
    await close(admin);
  });

  test('open data and downloads: JSON literal, CSV with formulas defused, XLSX without formulas', async ({ request }) => {
    const { comments } = seeded;
    const fieldsOf = (c: SeededComment) => [c.body, c.proposedText, c.rationale, c.response].filter((p): p is Payload => !!p);

    // JSON: the strings as stored, literally.
    const json = await openDataPages<{ id: number; body: string; proposedText: string | null; rationale: string | null; response: string | null }>(request);
    for (const c of comments) {
      const found = json.find((j) => j.id === c.id);
      expect(found, `comment ${c.id} in the JSON`).toMatchObject({
        body: c.body.stored,
        proposedText: c.proposedText?.stored ?? null,
        rationale: c.rationale?.stored ?? null,
        response: c.response?.stored ?? null,
      });
    }

    // CSV: every cell quoted; a formula-like start gets an apostrophe; no cell starts a formula.
    // The open data is comma-separated for programs; the report's CSV uses ";" for a Slovenian spreadsheet.
    // (Once the document writers are in: the published version's CSV, with ";", and its XLSX too.)
    for (const [url, separator] of [['/api/v1/comments?format=csv', ',']]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toContain('text/csv');
      const raw = await response.text();
      const rows = parseCsvCells(raw, separator);
      const cells = rows.flat();
      expect(cells.filter((c) => !c.quoted).map((c) => c.value).slice(0, 5), `unquoted cells in ${url}`).toEqual([]);
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c.value)).map((c) => c.value.slice(0, 80)), `cells that start a formula in ${url}`).toEqual([]);
      for (const c of comments) {
        const row = rows.find((r) => r[0]?.value === String(c.id))?.map((cell) => cell.value);
        expect(row, `comment ${c.id} in ${url}`).toBeDefined();
        if (!row) continue;
        for (const p of fieldsOf(c)) {
          expect(row, `"${p.label}" of ${c.id} in ${url}`).toContain(csvGuarded(p.stored));
          if (p.formula) expect(raw, `"${p.label}" as a quoted cell with an apostrophe in ${url}`).toContain(`"'${p.stored.replace(/"/g, '""')}"`);
        }
      }
    }

    // (The report's XLSX — no formula element, texts XML-escaped as text cells — is checked on a
    // published version's download once its writer is in.)
  });
});
