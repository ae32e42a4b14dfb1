import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { readMail as readMailIn } from '../support/mail.ts';
import { unzip } from '../support/zip.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, mailDir, people, postForm, signIn, submitForm, test, unique } from './fixtures.ts';

/*
 * Moderation end to end: the ministry's moderators' queue with its filters, bulk actions and keyboard
 * shortcuts, decisions with public responses (and where they show: permalink, open-data API,
 * report page, CSV, XLSX, e-mail to the organisation), internal notes, hiding, comments received
 * by e-mail, statistics and the audit log.
 *
 * Each worker has a database of its own (tests/e2e/fixtures.ts). Every test first has Občina Bled
 * submit its own comments with a unique marker (through the plain, no-JavaScript form) and then acts
 * on exactly those. Nothing here relies on global counts, except where two views of the same data
 * are compared at one moment.
 */

const texts = {
  moderation: 'Moderacija',
  forbidden: 'Dostop zavrnjen',
  signIn: 'Prijava',
  errorSummary: 'Prišlo je do težave',
  saved: 'Spremembe so shranjene.',
  nothingSelected: 'Izberite vsaj eno pripombo.',
  responseRequired: 'Vpišite obrazložitev: pri vseh stališčih razen „upoštevana“ je obvezna.',
  noteRequired: 'Vpišite besedilo opombe.',
  reasonRequired: 'Izberite razlog za skritje.',
  organisationRequired: 'Izberite organizacijo, ki je pripombo poslala.',
  // Dates in the interface keep no-break spaces after their dots (3.\u00A02.\u00A02027).
  receivedOnRequired: 'Vpišite datum prejema kot dan, mesec in leto, na primer 3.\u00A02.\u00A02027.',
  receivedOnInvalid: 'Datum prejema ni pravilen. Vpišite ga kot dan, mesec in leto, na primer 3.\u00A02.\u00A02027.',
  receivedOnFuture: 'Datum prejema ne sme biti v prihodnosti.',
  bodyRequired: 'Vpišite besedilo pripombe.',
  empty: 'Nobena pripomba ne ustreza filtrom.',
  visibleNow: 'Pripomba je javna.',
  hiddenOffensive: 'Pripomba je skrita (razlog: žaljiva vsebina). Javnost je ne vidi.',
  notFound: 'Strani ni mogoče najti',
  late: 'prejeta po roku',
};

const CHAPTERS = {
  economy: { slug: 'digitalna-preobrazba-gospodarstva', label: '4. Digitalna preobrazba gospodarstva' },
  society: { slug: 'pot-v-pametno-druzbo-5-0', label: '5. Pot v pametno družbo 5.0' },
  support: { slug: 'podporno-okolje', label: '8. Podporno okolje' },
  implementation: { slug: 'izvajanje-in-spremljanje', label: '10. Izvajanje in spremljanje' },
} as const;

interface ApiComment {
  id: number;
  url: string;
  chapter: string | null;
  block: string | null;
  kind: 'comment' | 'amendment' | 'question';
  organisation: { name: string; kind: string; code: string };
  body: string;
  late: boolean;
  status: string;
  response: string | null;
}

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

/** Today in Ljubljana as people type it into a form ("3. 2. 2027"), with a day offset. */
function ljubljanaDate(offsetDays = 0): string {
  const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana' }).format(new Date(Date.now() + offsetDays * 86_400_000)).split('-').map(Number);
  return `${d}. ${m}. ${y}`;
}

async function apiComments(request: APIRequestContext, query = ''): Promise<ApiComment[]> {
  const response = await request.get(`/api/v1/comments${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** The public comment (per the API) with exactly this text, or undefined. */
async function apiComment(request: APIRequestContext, body: string, chapter?: string): Promise<ApiComment | undefined> {
  const found = (await apiComments(request, chapter ? `?chapter=${chapter}` : '')).filter((c) => c.body === body);
  expect(found.length, `at most one public comment reads "${body}"`).toBeLessThanOrEqual(1);
  return found[0];
}

interface NewComment {
  chapter: keyof typeof CHAPTERS;
  block: number;
  body: string;
  kind?: 'Pripomba' | 'Vprašanje';
}

/**
 * Občina Bled (signed in on `bled`, a page of its own without JavaScript) submits comments through
 * the plain form of each block's own page; returns their ids, read from the open-data API.
 */
async function submitAsBled(bled: Page, request: APIRequestContext, comments: NewComment[]): Promise<number[]> {
  for (const c of comments) {
    const path = `/osnutek/${CHAPTERS[c.chapter].slug}/${c.block}`;
    await bled.goto(path);
    await bled.getByRole('radio', { name: c.kind ?? 'Pripomba', exact: true }).check();
    await bled.getByLabel('Besedilo pripombe', { exact: true }).fill(c.body);
    await bled.getByRole('button', { name: 'Oddaj pripombo' }).click();
    await expect(bled).toHaveURL(new RegExp(`${path}\\?sporocilo=pripomba-oddana$`));
  }
  await bled.context().close();
  const ids: number[] = [];
  for (const c of comments) {
    const found = await apiComment(request, c.body, CHAPTERS[c.chapter].slug);
    expect(found, `Bled's comment "${c.body}" is public`).toBeDefined();
    expect(found).toMatchObject({ organisation: { name: 'Občina Bled' }, status: 'new', response: null });
    ids.push(found!.id);
  }
  return ids;
}

/** The mail to an address whose subject contains the text, once it has been written. */
function readMail(to: string, subject: string) {
  return readMailIn(mailDir(), to, subject);
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF) with the given separator, the BOM dropped. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (input[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** The workbook's sheet names and each sheet's cells as rows of text (shared, inline and plain values). */
function readXlsx(zip: Buffer): { sheetNames: string[]; sheets: string[][][] } {
  const files = unzip(zip);
  const xml = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const textOf = (fragment: string) => [...fragment.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const sheetNames = [...xml('xl/workbook.xml').matchAll(/<sheet\s[^>]*name="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const sheets = sheetNames.map((_, i) =>
    [...xml(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
      const cells: string[] = [];
      for (const c of row[1].matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = c[1];
        const inner = c[2] ?? '';
        const column = /r="([A-Z]+)\d+"/.exec(attributes)?.[1] ?? '';
        const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
        const type = /\bt="(\w+)"/.exec(attributes)?.[1];
        cells[index < 0 ? cells.length : index] =
          type === 's' ? shared[Number(value)] : type === 'inlineStr' ? textOf(inner) : unescapeXml(value ?? '');
      }
      return Array.from(cells, (v) => v ?? '');
    }),
  );
  return { sheetNames, sheets };
}

/** The queue's filter form, bulk form, rows and count. */
function queue(page: Page) {
  return {
    filters: page.getByRole('search', { name: 'Filtri' }),
    bulk: page.getByRole('group', { name: 'Dejanje za izbrane pripombe' }),
    rows: page.locator('tr[data-queue-row]'),
    row: (text: string) => page.locator('tr[data-queue-row]').filter({ hasText: text }),
    count: page.getByRole('status').filter({ hasText: /^Najden|^Nobena/ }),
  };
}

/** Opens the queue filtered by a text (through the GET form). */
async function filterQueue(page: Page, text: string, extra: (filters: Locator) => Promise<void> = async () => {}) {
  await page.goto('/moderacija');
  const { filters } = queue(page);
  await filters.getByLabel('Besedilo vsebuje').fill(text);
  await extra(filters);
  await filters.getByRole('button', { name: 'Uporabi filtre' }).click();
  await expect(page).toHaveURL(/\/moderacija\?/);
}

/**
 * The success message after a bulk action. Slovenian inflects the participle with the number:
 * "Spremenjena je 1 pripomba", "Spremenjeni sta 2 pripombi", "Spremenjene so 3 pripombe",
 * "Spremenjenih je 5 pripomb" — like the queue's own "Najdena je / Najdeni sta / Najdene so / Najdenih je".
 */
async function expectChanged(page: Page, n: number): Promise<void> {
  const h = n % 100;
  const [verb, noun] =
    h === 1 ? ['Spremenjena je', 'pripomba'] : h === 2 ? ['Spremenjeni sta', 'pripombi'] : h === 3 || h === 4 ? ['Spremenjene so', 'pripombe'] : ['Spremenjenih je', 'pripomb'];
  const banner = page.locator('.success-banner[role="status"]');
  await expect(banner, `bulk.done(${n})`).toHaveText(`${verb} ${n} ${noun}.`);
}

/** The decision form of a comment's moderation page. */
function decisionForm(page: Page) {
  return {
    choice: (label: string) => page.getByRole('group', { name: 'Stanje obravnave ali stališče do pripombe' }).getByRole('radio', { name: label, exact: true }),
    response: page.getByLabel('Obrazložitev stališča (javna)'),
    save: page.getByRole('button', { name: 'Shrani stališče' }),
  };
}

// ——— access ————————————————————————————————————————————————————————————————————————————————

test.describe('access', () => {
  test('an anonymous visitor is sent to sign in and, as a moderator, comes back to the queue', async ({ page, request }) => {
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika', '/moderacija/pripombe/1']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(303);
      expect(response.headers().location, path).toMatch(new RegExp(`/prijava\\?vrnitev=${encodeURIComponent(path).replace(/[.?]/g, '\\$&')}$`));
    }
    await page.goto('/moderacija');
    await expect(page).toHaveURL(/\/prijava\?vrnitev=%2Fmoderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.signIn);
    await signIn(page, people.moderator);
    await expect(page).toHaveURL(/\/moderacija$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.moderation);
  });

  test('a municipality member is refused every moderation page and action with 403', async ({ request, page, as }) => {
    const body = `Pripomba za preizkus dostopa ${unique('dostop')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 5, body }]);
    await signIn(page, people.bled);
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika', `/moderacija/pripombe/${id}`, '/admin/dnevnik']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(texts.forbidden);
    }
    await expectNoAxeViolations(page);

    // Posting the bulk form or a decision directly changes nothing.
    const bulk = await postForm(page, '/moderacija', { [`select.${id}`]: '1', bulk: 'in_review' });
    expect(bulk.status()).toBe(403);
    const decision = await postForm(page, `/moderacija/pripombe/${id}`, { intent: 'decide', status: 'accepted', response: 'Ne bi smelo biti shranjeno.' });
    expect(decision.status()).toBe(403);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new', response: null });
  });

  test('moderators may moderate but not read the audit log; administrators may do both', async ({ page, as }) => {
    await signIn(page, people.moderator);
    for (const path of ['/moderacija', '/moderacija/nova', '/moderacija/statistika']) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
    const log = await page.goto('/admin/dnevnik');
    expect(log?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.forbidden);

    const admin = await as('admin');
    expect((await admin.goto('/moderacija'))?.status()).toBe(200);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(texts.moderation);
    expect((await admin.goto('/admin/dnevnik'))?.status()).toBe(200);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Dnevnik dogodkov');
    await expectNoAxeViolations(admin);
    await admin.context().close();
  });
});

// ——— the queue —————————————————————————————————————————————————————————————————————————————

test.describe('the queue', () => {
  test('finds a new comment by its text and status, keeps the filters, and narrows by chapter, block, kind and organisation', async ({ request, page, as }) => {
    const marker = unique('triaza');
    const body = `Ali bodo občine lahko sodelovale v vozliščih za digitalne inovacije? ${marker}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'economy', block: 1, body, kind: 'Vprašanje' }]);

    await signIn(page, people.moderator);
    await filterQueue(page, marker, (filters) => filters.getByLabel('Stanje').selectOption({ label: 'nova' }).then(() => {}));
    const q = queue(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('text')).toBe(marker);
    expect(url.searchParams.get('status')).toBe('new');
    // The filters stay in the form.
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue(marker);
    await expect(q.filters.getByLabel('Stanje')).toHaveValue('new');
    await expect(q.count).toHaveText('Najdena je 1 pripomba.');
    await expect(q.rows).toHaveCount(1);
    const row = q.row(marker);
    const link = row.getByRole('link', { name: body });
    await expect(link).toHaveAttribute('href', `/moderacija/pripombe/${id}`);
    await expect(row.getByRole('cell')).toHaveText(['', body, '4.1', 'Občina Bled', 'vprašanje', 'nova', '–', /^\d{1,2}\.\s\d{1,2}\.\s\d{4}$/]);
    await expect(row.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true })).not.toBeChecked();
    await expectNoAxeViolations(page);

    // Each further filter narrows: the comment is found when it matches and not when it doesn't.
    const bled = await q.filters.getByLabel('Organizacija', { exact: true }).locator('option', { hasText: /^Občina Bled$/ }).getAttribute('value');
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ chapter: CHAPTERS.economy.slug }, true],
      [{ chapter: CHAPTERS.society.slug }, false],
      [{ block: '4.1' }, true],
      [{ block: '4.2' }, false],
      [{ kind: 'question' }, true],
      [{ kind: 'comment' }, false],
      [{ orgKind: 'municipality' }, true],
      [{ orgKind: 'association' }, false],
      [{ organisation: bled! }, true],
      [{ status: 'in_review' }, false],
      [{ hidden: '1' }, false],
      [{ chapter: CHAPTERS.economy.slug, block: '4.1', kind: 'question', orgKind: 'municipality', organisation: bled!, status: 'new' }, true],
    ];
    for (const [filter, found] of cases) {
      const params = new URLSearchParams({ text: marker, ...filter });
      await page.goto(`/moderacija?${params}`);
      const label = JSON.stringify(filter);
      if (found) {
        await expect(q.count, label).toHaveText('Najdena je 1 pripomba.');
        await expect(q.row(marker), label).toHaveCount(1);
      } else {
        await expect(q.count, label).toHaveText('Najdenih je 0 pripomb.');
        await expect(page.getByText(texts.empty), label).toBeVisible();
        await expect(q.rows, label).toHaveCount(0);
      }
    }
    // The last combination is shown in the form as chosen.
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker, chapter: CHAPTERS.economy.slug, block: '4.1', kind: 'question', orgKind: 'municipality', organisation: bled!, status: 'new' })}`);
    await expect(q.filters.getByLabel('Poglavje')).toHaveValue(CHAPTERS.economy.slug);
    await expect(q.filters.getByLabel('Odstavek (npr. 3.14)')).toHaveValue('4.1');
    await expect(q.filters.getByLabel('Vrsta pripombe')).toHaveValue('question');
    await expect(q.filters.getByLabel('Vrsta organizacije')).toHaveValue('municipality');
    await expect(q.filters.getByLabel('Organizacija', { exact: true })).toHaveValue(bled!);

    // The row opens the comment's moderation page.
    await q.row(marker).getByRole('link', { name: body }).click();
    await expect(page).toHaveURL(new RegExp(`/moderacija/pripombe/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);

    // "Počisti filtre" goes back to the whole queue.
    await page.goto(`/moderacija?text=${marker}`);
    await q.filters.getByRole('link', { name: 'Počisti filtre' }).click();
    await expect(page).toHaveURL(/\/moderacija$/);
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue('');
  });

  test('bulk actions tag and put in review exactly the selected comments', async ({ request, page, as }) => {
    const marker = unique('mnozicno');
    const tag = unique('test');
    const bodies = [`Prva pripomba za množično obravnavo ${marker}`, `Druga pripomba za množično obravnavo ${marker}`, `Tretja, neizbrana pripomba ${marker}`];
    const ids = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'economy', block: 2, body: bodies[0] },
      { chapter: 'economy', block: 3, body: bodies[1] },
      { chapter: 'economy', block: 3, body: bodies[2] },
    ]);

    await signIn(page, people.moderator);
    await filterQueue(page, marker);
    const q = queue(page);
    await expect(q.count).toHaveText('Najdene so 3 pripombe.');
    const filtered = page.url();

    // Nothing selected: 400 and an explanation, the filters kept.
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Dodaj oznako' });
    await q.bulk.getByLabel('Oznaka').fill(tag);
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(400);
    await expect(page.getByRole('alert')).toContainText(texts.errorSummary);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.nothingSelected);
    await expect(q.filters.getByLabel('Besedilo vsebuje')).toHaveValue(marker);
    await expect(q.rows).toHaveCount(3);
    await expectNoAxeViolations(page);

    // Tag two of the three.
    await page.goto(filtered);
    for (const id of ids.slice(0, 2)) await page.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true }).check();
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Dodaj oznako' });
    await q.bulk.getByLabel('Oznaka').fill(tag);
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(303);
    await expect(page).toHaveURL(/[?&]spremenjeno=2$/);
    expect(new URL(page.url()).searchParams.get('text')).toBe(marker);
    await expectChanged(page, 2);
    for (const body of bodies.slice(0, 2)) await expect(q.row(body).locator('.tag', { hasText: tag })).toHaveText(tag);
    await expect(q.row(bodies[2]).locator('.tag', { hasText: tag })).toHaveCount(0);

    // The tag filter finds exactly those two.
    await page.goto('/moderacija');
    await q.filters.getByLabel('Oznaka').selectOption(tag);
    await q.filters.getByRole('button', { name: 'Uporabi filtre' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}(&|$)`));
    await expect(q.filters.getByLabel('Oznaka')).toHaveValue(tag);
    await expect(q.count).toHaveText('Najdeni sta 2 pripombi.');
    await expect(q.rows.getByRole('link')).toHaveText([bodies[1], bodies[0]]);

    // Put the two in review.
    for (const id of ids.slice(0, 2)) await page.getByRole('checkbox', { name: `Izberi pripombo št. ${id}`, exact: true }).check();
    await q.bulk.getByLabel('Dejanje').selectOption({ label: 'Označi „v obravnavi“' });
    expect(await submitForm(page, q.bulk.getByRole('button', { name: 'Izvedi' }))).toBe(303);
    await expect(page).toHaveURL(/[?&]spremenjeno=2$/);
    await expectChanged(page, 2);
    for (const body of bodies.slice(0, 2)) await expect(q.row(body).getByRole('cell').nth(5)).toHaveText('v obravnavi');

    await page.goto(`/moderacija?${new URLSearchParams({ text: marker })}`);
    await expect(q.row(bodies[0]).getByRole('cell').nth(5)).toHaveText('v obravnavi');
    await expect(q.row(bodies[1]).getByRole('cell').nth(5)).toHaveText('v obravnavi');
    await expect(q.row(bodies[2]).getByRole('cell').nth(5)).toHaveText('nova');
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker, status: 'new' })}`);
    await expect(q.rows).toHaveCount(1);

    // The message agrees with the number in all four Slovenian forms (1, 2, 3–4, 5+; also 101, 102…).
    for (const n of [1, 3, 4, 5, 101, 102]) {
      await page.goto(`/moderacija?${new URLSearchParams({ text: marker, spremenjeno: String(n) })}`);
      await expectChanged(page, n);
    }

    // The public sees the status too.
    const published = (await apiComments(request, `?chapter=${CHAPTERS.economy.slug}`)).filter((c) => c.body.includes(marker));
    expect(published.map((c) => [c.id, c.status]).sort()).toEqual([[ids[0], 'in_review'], [ids[1], 'in_review'], [ids[2], 'new']].sort());
  });

  test('keyboard: j and k move between the rows, Enter opens the comment', async ({ request, page, as }) => {
    const marker = unique('tipke');
    await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [
      { chapter: 'implementation', block: 3, body: `Prva pripomba za bližnjice ${marker}` },
      { chapter: 'implementation', block: 4, body: `Druga pripomba za bližnjice ${marker}` },
    ]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija?${new URLSearchParams({ text: marker })}`);
    await expect(page.getByText('Bližnjice: j in k za premik po čakalni vrsti, Enter za odprtje pripombe.')).toBeVisible();
    const links = page.locator('[data-queue-link]');
    await expect(links).toHaveCount(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

    await page.keyboard.press('j');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('j'); // stays on the last row
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('k'); // stays on the first row
    await expect(links.nth(0)).toBeFocused();

    // Typing j in a filter field types; it does not move.
    const text = queue(page).filters.getByLabel('Besedilo vsebuje');
    await text.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('j');
    await expect(text).toBeFocused();
    await expect(text).toHaveValue(`${marker}j`);

    await links.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
  });
});

// ——— deciding ——————————————————————————————————————————————————————————————————————————————

test.describe('deciding', () => {
  test('a rejection needs a public response; once given it shows in every public view and the organisation is told', async ({ request, page, as, newPage }) => {
    test.slow();
    const marker = unique('odlocitev');
    const body = `Predlagamo, da se pametne skupnosti financirajo tudi na podeželju ${marker}`;
    const response = `Pripombe ne upoštevamo, ker financiranje podeželja ureja ukrep 5.1 že v sedanjem besedilu ${marker}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 1, body }]);
    const path = `/moderacija/pripombe/${id}`;

    await signIn(page, people.moderator);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);
    await expect(page.getByText(body)).toBeVisible();
    const form = decisionForm(page);
    await expect(form.choice('nova')).toBeChecked();
    await expectNoAxeViolations(page);

    // Without a response: refused, nothing saved.
    await form.choice('ni upoštevana').check();
    expect(await submitForm(page, form.save)).toBe(400);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText(texts.errorSummary);
    await expect(summary.getByRole('link', { name: texts.responseRequired })).toHaveAttribute('href', '#odziv');
    await expect(form.choice('ni upoštevana')).toBeChecked();
    await expect(form.response).toHaveValue('');
    await expect(page.getByRole('status').filter({ hasText: texts.saved })).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new', response: null });

    // With a response: saved.
    await form.response.fill(response);
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page).toHaveURL(new RegExp(`${path}\\?shranjeno=1$`));
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(form.choice('ni upoštevana')).toBeChecked();
    await expect(form.response).toHaveValue(response);
    // The history lists the decision.
    const history = page.locator('h2', { hasText: 'Zgodovina' }).locator('xpath=following-sibling::ol[1]');
    await expect(history.getByRole('listitem').first()).toContainText('sprejeto stališče – Marko Moderator');
    await expect(history.getByRole('listitem').first()).toContainText('"status":"rejected"');

    // The public permalink.
    const reader = await newPage();
    expect((await reader.goto(`/pripombe/${id}`))?.status()).toBe(200);
    const card = reader.getByRole('article').filter({ hasText: body });
    await expect(card.locator('p', { hasText: /^Stališče ministrstva:/ })).toHaveText('Stališče ministrstva: ni upoštevana');
    await expect(card.getByRole('region', { name: 'Obrazložitev stališča' })).toContainText(response);
    await expectNoAxeViolations(reader);

    // The report page, under that comment.
    expect((await reader.goto('/porocilo'))?.status()).toBe(200);
    const entry = reader.locator(`article:has(#pr-${id})`);
    await expect(entry.getByRole('link', { name: `Pripomba št. ${id}`, exact: true })).toHaveAttribute('href', `/pripombe/${id}`);
    await expect(entry).toContainText(body);
    await expect(entry.locator('dt')).toHaveText(['Stališče', 'Obrazložitev stališča']);
    await expect(entry.locator('dd')).toHaveText(['ni upoštevana', response]);
    await expectNoAxeViolations(reader);
    await reader.context().close();

    // The open-data API.
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'rejected', response, block: '5.1' });
    const rejected = await apiComments(request, `?status=rejected&chapter=${CHAPTERS.society.slug}`);
    expect(rejected.map((c) => c.id)).toContain(id);

    // The report as CSV.
    const csv = await request.get('/porocilo.csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toContain('attachment');
    const rows = parseCsv(await csv.text());
    const header = rows[0];
    expect(header[0]).toBe('Št.');
    expect(header).toEqual(expect.arrayContaining(['Poglavje', 'Odstavek', 'Organizacija', 'Vrsta organizacije', 'Besedilo pripombe', 'Stališče', 'Obrazložitev stališča', 'Oddana', 'Po roku', 'Povezava']));
    const csvRow = rows.find((r) => r[0] === String(id));
    expect(csvRow, `comment ${id} in the CSV`).toBeDefined();
    const cell = (name: string) => csvRow![header.indexOf(name)];
    expect(cell('Besedilo pripombe')).toBe(body);
    // Paragraph numbers stay text in a Slovenian spreadsheet: an invisible U+200B before them.
    expect(cell('Odstavek')).toBe('\u200B5.1');
    // Ljubljana time as people write it, never UTC.
    expect(cell('Oddana')).toMatch(/^\d{1,2}\. \d{1,2}\. \d{4} \d{1,2}\.\d{2}$/);
    expect(cell('Poglavje')).toBe(CHAPTERS.society.label);
    expect(cell('Organizacija')).toBe('Občina Bled');
    expect(cell('Stališče')).toBe('ni upoštevana');
    expect(cell('Obrazložitev stališča')).toBe(response);
    expect(cell('Po roku')).toBe('ne');
    expect(cell('Povezava')).toMatch(new RegExp(`/pripombe/${id}$`));

    // The report as XLSX: a zip with the comments sheet and the totals sheet.
    const xlsx = await request.get('/porocilo.xlsx');
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const zip = await xlsx.body();
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.includes('xl/worksheets')).toBe(true);
    const workbook = readXlsx(zip);
    expect(workbook.sheetNames).toEqual(['Pripombe', 'Povzetek']);
    expect(workbook.sheets[0][0]).toEqual(header);
    const xlsxRow = workbook.sheets[0].find((r) => r[0] === String(id));
    expect(xlsxRow, `comment ${id} in the XLSX`).toBeDefined();
    expect(xlsxRow![header.indexOf('Besedilo pripombe')]).toBe(body);
    expect(xlsxRow![header.indexOf('Stališče')]).toBe('ni upoštevana');
    expect(xlsxRow![header.indexOf('Obrazložitev stališča')]).toBe(response);
    expect(xlsxRow![header.indexOf('Odstavek')]).toBe('5.1');
    expect(xlsxRow![header.indexOf('Oddana')]).toBe(cell('Oddana'));

    // The organisation is told by e-mail.
    const mail = await readMail(people.bled, `Stališče do pripombe št. ${id} `);
    expect(mail.subject).toBe(`Stališče do pripombe št. ${id} – Posvet`);
    expect(mail.body).toContain(`Ministrstvo za digitalno preobrazbo je sprejelo stališče do pripombe št. ${id}, ki jo je oddala vaša organizacija: ni upoštevana.`);
    expect(mail.body).toMatch(/\r?\n\r?\nLep pozdrav,\r?\n\r?\nMinistrstvo za digitalno preobrazbo\s*$/);
    expect(mail.body).toContain(response);
    expect(mail.body).toMatch(new RegExp(`https?://\\S+/pripombe/${id}\\s`));
  });

  test('a comment withdrawn while its page is open: saving a decision or a note says it is gone, never a server error', async ({ request, page, as, newPage }) => {
    const body = `Pripomba, ki jo občina umakne med obravnavo ${unique('umik')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 5, body }]);
    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const form = decisionForm(page);
    await form.choice('vzeta na znanje').check();
    await form.response.fill('Hvala, seznanjeni smo.');

    // Meanwhile Občina Bled withdraws it.
    const bled = await as('bled', { javaScriptEnabled: false });
    await bled.goto(`/pripombe/${id}`);
    await bled.getByRole('button', { name: 'Umakni pripombo' }).click();
    await expect(bled).toHaveURL(/\/organizacija\/pripombe\?sporocilo=pripomba-umaknjena$/);
    await bled.context().close();
    expect(await apiComment(request, body)).toBeUndefined();

    // The moderator saves: the comment is no longer there (404, the Slovenian page), nothing breaks.
    const status = await submitForm(page, form.save);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
    expect(status, 'status of the decision posted for a withdrawn comment').toBe(404);
    const note = await postForm(page, path, { intent: 'note', note: 'Opomba k umaknjeni pripombi.' });
    expect(note.status(), 'status of a note posted for a withdrawn comment').toBe(404);
    // A plain GET is a 404 as it should be.
    expect((await page.goto(path))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.notFound);
  });

  test('"upoštevana" needs no response', async ({ request, page, as, newPage }) => {
    const body = `Podpiramo odprte podatke visoke vrednosti ${unique('upostevana')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 2, body }]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija/pripombe/${id}`);
    const form = decisionForm(page);
    await form.choice('upoštevana').check();
    await expect(form.response).toHaveValue('');
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(form.choice('upoštevana')).toBeChecked();

    expect(await apiComment(request, body)).toMatchObject({ id, status: 'accepted', response: null });
    const permalink = await newPage();
    await permalink.goto(`/pripombe/${id}`);
    const card = permalink.getByRole('article').filter({ hasText: body });
    await expect(card.locator('p', { hasText: /^Stališče ministrstva:/ })).toHaveText('Stališče ministrstva: upoštevana');
    await expect(card.getByRole('region', { name: 'Obrazložitev stališča' })).toHaveCount(0);
    await permalink.context().close();
    const mail = await readMail(people.bled, `Stališče do pripombe št. ${id} `);
    expect(mail.body).toContain(`stališče do pripombe št. ${id}, ki jo je oddala vaša organizacija: upoštevana.`);
    expect(mail.body).not.toContain('Obrazložitev:');
  });

  test('every decision is in the audit log, which the administrator filters by action and person', async ({ request, page, as }) => {
    const body = `Pripomba za dnevnik odločitev ${unique('dnevnik')}`;
    const response = 'Delno upoštevamo: rok dopolnimo, vira financiranja ne.';
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 4, body }]);
    await signIn(page, people.moderator);
    await page.goto(`/moderacija/pripombe/${id}`);
    const form = decisionForm(page);
    await form.choice('delno upoštevana').check();
    await form.response.fill(response);
    expect(await submitForm(page, form.save)).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);

    const admin = await as('admin');
    await admin.goto('/admin/dnevnik');
    await admin.getByLabel('Dejanje', { exact: true }).selectOption('comment.decided');
    await admin.getByLabel('E-naslov izvajalca').fill(people.moderator);
    await admin.getByRole('button', { name: 'Filtriraj' }).click();
    await expect(admin).toHaveURL(/\/admin\/dnevnik\?dejanje=comment\.decided&izvajalec=moderator%40posvet\.test/);
    await expect(admin.getByLabel('Dejanje', { exact: true })).toHaveValue('comment.decided');
    const rows = admin.getByRole('table', { name: 'Dnevnik dogodkov' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const cell of await rows.locator('td:nth-child(2)').allTextContents()) expect(cell).toBe('comment.decided');
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toBe(people.moderator);
    const entry = rows.filter({ has: admin.getByRole('cell', { name: `comment ${id}`, exact: true }) });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('cell').nth(4)).toContainText('"status":"partially_accepted"');
    await expect(entry.getByRole('cell').nth(4)).toContainText(response);
    await expectNoAxeViolations(admin);
    await admin.context().close();
  });
});

// ——— notes and visibility ——————————————————————————————————————————————————————————————————

test.describe('notes and visibility', () => {
  test('internal notes show on the moderation page and never in public', async ({ request, page, as }) => {
    const body = `Pripomba z interno opombo ${unique('opomba')}`;
    const note = `Interna opomba: preveriti z direktoratom ${unique('zaupno')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'support', block: 1, body }]);
    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const notes = page.getByRole('region', { name: 'Interne opombe' });
    await expect(notes).toContainText('Ni opomb.');

    // An empty note is refused.
    expect(await submitForm(page, notes.getByRole('button', { name: 'Dodaj opombo' }))).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.noteRequired);

    await notes.getByLabel('Nova opomba').fill(note);
    expect(await submitForm(page, notes.getByRole('button', { name: 'Dodaj opombo' }))).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await expect(notes.getByRole('listitem')).toContainText('Marko Moderator');
    await expect(notes.getByRole('listitem')).toContainText(note);
    await expect(page.getByText('interna opomba – Marko Moderator')).toBeVisible();

    // Not on the permalink, the chapter, the API (JSON and CSV), the report or its CSV.
    for (const url of [`/pripombe/${id}`, `/osnutek/${CHAPTERS.support.slug}`, `/osnutek/${CHAPTERS.support.slug}/1`, '/api/v1/comments', '/api/v1/comments?format=csv', '/porocilo', '/porocilo.csv']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expect(text, url).toContain(body);
      expect(text, url).not.toContain(note);
    }
  });

  test('a hidden comment disappears from every public view and the organisation is told, until it is published again', async ({ request, page, as }) => {
    test.slow();
    const body = `Pripomba, ki jo bo moderator skril ${unique('skrita')}`;
    const [id] = await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'society', block: 3, body }]);
    const chapter = `/osnutek/${CHAPTERS.society.slug}`;
    const publicViews = [chapter, `${chapter}/3`, '/porocilo', '/porocilo.csv', '/api/v1/comments', '/api/v1/comments?format=csv'];
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).toContain(body);

    await signIn(page, people.moderator);
    const path = `/moderacija/pripombe/${id}`;
    await page.goto(path);
    const side = page.getByRole('complementary', { name: 'Oznake in dodelitev' });
    await expect(side.getByText(texts.visibleNow)).toBeVisible();

    // A reason is required.
    expect(await submitForm(page, side.getByRole('button', { name: 'Skrij pripombo' }))).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(texts.reasonRequired);
    // The error summary should lead to the field, as it does for every other form (the page maps
    // reason → #razlog, but setHidden() returns a form-level message, so there is no link).
    await expect(page.getByRole('alert').getByRole('link', { name: texts.reasonRequired })).toHaveAttribute('href', '#razlog');
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toBeDefined();

    await side.getByLabel('Razlog za skritje').selectOption({ label: 'žaljiva vsebina' });
    expect(await submitForm(page, side.getByRole('button', { name: 'Skrij pripombo' }))).toBe(303);
    await expect(page.getByRole('status')).toHaveText(texts.saved);
    await expect(side.getByText(texts.hiddenOffensive)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Pripomba', exact: true }).locator('.tag', { hasText: 'skrita' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Gone from public view; the permalink is a 404 for readers.
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).not.toContain(body);
    const permalink = await request.get(`/pripombe/${id}`);
    expect(permalink.status()).toBe(404);
    expect(await permalink.text()).toContain(texts.notFound);
    expect(await apiComment(request, body)).toBeUndefined();

    // Still in the queue for moderators, found with "Samo skrite".
    await page.goto(`/moderacija?${new URLSearchParams({ text: body, hidden: '1' })}`);
    await expect(queue(page).filters.getByLabel('Samo skrite')).toBeChecked();
    await expect(queue(page).row(body).locator('.tag', { hasText: 'skrita' })).toBeVisible();

    // The organisation is told why.
    const mail = await readMail(people.bled, `Pripomba št. ${id} je bila skrita`);
    expect(mail.subject).toBe(`Pripomba št. ${id} je bila skrita – Posvet`);
    expect(mail.body).toContain(`moderator je pripombo št. ${id}, ki jo je oddala vaša organizacija, skril pred javnostjo. Razlog: žaljiva vsebina.`);

    // Published again: back everywhere.
    await page.goto(path);
    expect(await submitForm(page, side.getByRole('button', { name: 'Ponovno objavi' }))).toBe(303);
    await expect(side.getByText(texts.visibleNow)).toBeVisible();
    for (const url of publicViews) expect(await (await request.get(url)).text(), url).toContain(body);
    expect((await request.get(`/pripombe/${id}`)).status()).toBe(200);
    expect(await apiComment(request, body)).toMatchObject({ id, status: 'new' });
    await expect(page.locator('h2', { hasText: 'Zgodovina' }).locator('xpath=following-sibling::ol[1]').getByRole('listitem')).toHaveText([
      /^ponovna objava – Marko Moderator/,
      /^skritje – Marko Moderator/,
    ]);
  });
});

// ——— comments received by e-mail or post ———————————————————————————————————————————————————

test.describe('recording a comment received by e-mail', () => {
  test('a moderator records it for the municipality that sent it; mistakes are explained', async ({ request, page, newPage }) => {
    test.slow();
    const body = `Občina predlaga enotna vzorčna javna naročila za digitalne storitve ${unique('eposta')}`;
    await signIn(page, people.moderator);
    await page.goto('/moderacija/nova');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vnos pripombe, prejete po e-pošti ali pošti');
    await expect(page.getByRole('group', { name: 'Prejeta prek' }).getByRole('radio', { name: 'e-pošta', exact: true })).toBeChecked();
    await expectNoAxeViolations(page);
    const submit = page.getByRole('button', { name: 'Vnesi pripombo' });

    // Nothing filled in.
    expect(await submitForm(page, submit)).toBe(400);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText(texts.errorSummary);
    await expect(summary.getByRole('link', { name: texts.organisationRequired })).toHaveAttribute('href', '#organizacija');
    await expect(summary.getByRole('link', { name: texts.receivedOnRequired })).toHaveAttribute('href', '#datum');
    await expect(summary.getByRole('link', { name: texts.bodyRequired })).toHaveAttribute('href', '#besedilo');
    await expectNoAxeViolations(page);

    // Everything but the organisation.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate());
    await page.getByLabel('Poglavje').selectOption({ label: CHAPTERS.support.label });
    await page.getByLabel('Odstavek', { exact: true }).fill('3');
    await page.getByLabel('Besedilo pripombe').fill(body);
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.organisationRequired]);
    // What was typed is kept.
    await expect(page.getByLabel('Besedilo pripombe')).toHaveValue(body);
    await expect(page.getByLabel('Poglavje')).toHaveValue(CHAPTERS.support.slug);
    await expect(page.getByLabel('Odstavek', { exact: true })).toHaveValue('3');

    // A date in the future is refused.
    await page.getByLabel('Organizacija pošiljateljica').selectOption({ label: 'Občina Kranjska Gora' });
    await page.getByLabel('Datum prejema').fill('1. 1. 2030');
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.receivedOnFuture]);
    // What was typed stays in the field.
    await expect(page.getByLabel('Datum prejema')).toHaveValue('1. 1. 2030');
    // A date written the ISO way or not at all a day: the message says how to write it.
    await page.getByLabel('Datum prejema').fill('3/2/2027');
    expect(await submitForm(page, submit)).toBe(400);
    await expect(summary.getByRole('listitem')).toHaveText([texts.receivedOnInvalid]);
    await expect(page.getByLabel('Datum prejema')).toHaveValue('3/2/2027');
    await expect(page.getByLabel('Organizacija pošiljateljica').locator('option:checked')).toHaveText('Občina Kranjska Gora');
    await expectNoAxeViolations(page);
    expect(await apiComment(request, body)).toBeUndefined();

    // Received today by e-mail: recorded and public at once, not late.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate());
    expect(await submitForm(page, submit)).toBe(303);
    await expect(page).toHaveURL(/\/moderacija\/pripombe\/\d+\?vneseno=1$/);
    const id = Number(/\/pripombe\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Obravnava pripombe št. ${id}`);
    await expect(page.getByRole('status')).toBeVisible();
    const comment = page.getByRole('region', { name: 'Pripomba', exact: true });
    await expect(comment).toContainText('Občina Kranjska Gora (občina)');
    await expect(comment).toContainText('Prejeta prek: e-pošta · Vnesel: Marko Moderator · k odstavku 8.3');
    await expect(comment).toContainText(body);
    await expect(comment.getByText(texts.late)).toHaveCount(0);
    await expect(page.getByText('vnos prejete pripombe – Marko Moderator')).toBeVisible();
    await expectNoAxeViolations(page);

    expect(await apiComment(request, body)).toMatchObject({
      id,
      chapter: CHAPTERS.support.slug,
      block: '8.3',
      organisation: { name: 'Občina Kranjska Gora', kind: 'municipality', code: '53' },
      late: false,
      status: 'new',
    });
    const reader = await newPage();
    await reader.goto(`/osnutek/${CHAPTERS.support.slug}`);
    const block = reader.locator('#odstavek-8-3');
    await block.locator('summary').filter({ hasText: /^Pripombe k odstavku 8\.3 \(\d+\)$/ }).click();
    const card = block.getByRole('article').filter({ hasText: body });
    await expect(card.getByRole('heading')).toHaveText('Občina Kranjska Gora');
    await expect(card.getByText(texts.late)).toHaveCount(0);
    await reader.context().close();

    // The queue marks how it was received.
    await page.goto(`/moderacija?${new URLSearchParams({ text: body })}`);
    await expect(queue(page).row(body).locator('.tag')).toHaveText(['e-pošta']);
    await expect(queue(page).row(body).getByRole('cell').nth(3)).toHaveText('Občina Kranjska Gora');
  });

  test('a received date in the future or one that does not exist is refused', async ({ request, page }) => {
    const body = `Pripomba z nemogočim datumom ${unique('datum')}`;
    await signIn(page, people.moderator);
    await page.goto('/moderacija/nova');
    await page.getByLabel('Organizacija pošiljateljica').selectOption({ label: 'Občina Kranjska Gora' });
    await page.getByRole('radio', { name: 'pošta', exact: true }).check();
    await page.getByLabel('Poglavje').selectOption({ label: CHAPTERS.support.label });
    await page.getByLabel('Odstavek', { exact: true }).fill('4');
    await page.getByLabel('Besedilo pripombe').fill(body);

    // Tomorrow (in Ljubljana) is in the future, whatever the hour of the day.
    await page.getByLabel('Datum prejema').fill(ljubljanaDate(1));
    const tomorrow = await submitForm(page, page.getByRole('button', { name: 'Vnesi pripombo' }));
    expect(tomorrow, `status for tomorrow's date (${ljubljanaDate(1)}) at ${new Date().toISOString()}`).toBe(400);
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([texts.receivedOnFuture]);

    // 30 February: the browser's date field cannot send it, but a plain form post (or a browser
    // without a date picker) can; it must not become 2 March.
    const organisationId = await page.getByLabel('Organizacija pošiljateljica').locator('option', { hasText: /^Občina Kranjska Gora$/ }).getAttribute('value');
    const impossible = await postForm(page, '/moderacija/nova', { organisationId: organisationId!, receivedVia: 'post', receivedOn: '30. 2. 2026', chapter: CHAPTERS.support.slug, block: '4', kind: 'comment', body: `${body} (30. 2.)` });
    expect(impossible.status(), 'status for 30. 2. 2026').toBe(400);
    expect(await impossible.text()).toContain(texts.receivedOnInvalid);
    expect(await apiComment(request, `${body} (30. 2.)`), 'a comment "received" on 30 February').toBeUndefined();
  });
});

// ——— statistics and the report —————————————————————————————————————————————————————————————

test.describe('statistics and the report', () => {
  test('statistics: each chart an SVG with a data table; the heat map leads to the queue filtered by block', async ({ request, page, as }) => {
    const body = `Pripomba za statistiko ${unique('statistika')}`;
    await submitAsBled(await as('bled', { javaScriptEnabled: false }), request, [{ chapter: 'implementation', block: 2, body }]);
    await signIn(page, people.moderator);
    expect((await page.goto('/moderacija/statistika'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistika pripomb');

    const charts = page.locator('figure');
    await expect(charts.locator('figcaption')).toHaveText([
      'Pripombe po poglavjih',
      'Pripombe po vrsti organizacije',
      'Pripombe po stanju obravnave',
      'Oddane pripombe po dnevih',
    ]);
    for (const chart of await charts.all()) {
      const title = (await chart.locator('figcaption').textContent())!;
      await expect(chart.locator('svg'), title).toHaveCount(1);
      const table = chart.getByRole('table', { name: title });
      await expect(table, title).toBeVisible();
      // One bar per table row.
      const rows = await table.locator('tbody tr').count();
      expect(rows, title).toBeGreaterThan(0);
      await expect(chart.locator('svg rect'), title).toHaveCount(rows);
    }
    const perChapter = page.getByRole('table', { name: 'Pripombe po poglavjih' });
    await expect(perChapter.locator('tbody th')).toHaveCount(10);
    const chapterCount = Number(await perChapter.getByRole('row', { name: new RegExp(`^${CHAPTERS.implementation.label.replace(/\./g, '\\.')}`) }).getByRole('cell').textContent());
    expect(chapterCount).toBeGreaterThanOrEqual(1);
    const municipalities = Number(await page.getByRole('table', { name: 'Pripombe po vrsti organizacije' }).getByRole('row', { name: /^občina/ }).getByRole('cell').textContent());
    expect(municipalities).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);

    const cell = page.getByRole('link', { name: /^Odstavek 10\.2: \d+ pripomb/ });
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    await cell.click();
    await expect(page).toHaveURL(/\/moderacija\?block=10\.2$/);
    const q = queue(page);
    await expect(q.filters.getByLabel('Odstavek (npr. 3.14)')).toHaveValue('10.2');
    await expect(q.row(body)).toHaveCount(1);
    for (const block of await q.rows.locator('td:nth-child(3)').allTextContents()) expect(block).toBe('10.2');
    await expectNoAxeViolations(page);
  });

  test("the report's totals agree with its own CSV and XLSX", async ({ request }) => {
    // Nothing else writes to this worker's database while the test runs: the page, the CSV and the
    // XLSX are read one after another and describe the same comments.
    const totalsOf = (html: string) => ({
      // Figures are written with a dot between thousands (1.234).
      total: Number(/Skupaj ([\d.]+) javn/.exec(html)?.[1].replaceAll('.', '')),
      byStatus: Object.fromEntries([...html.matchAll(/data-total-status="(\w+)"[^>]*>([\d.]+)</g)].map((m) => [m[1], Number(m[2].replaceAll('.', ''))])),
      byKind: Object.fromEntries([...html.matchAll(/data-total-kind="(\w+)"[^>]*>([\d.]+)</g)].map((m) => [m[1], Number(m[2].replaceAll('.', ''))])),
    });
    const totals = totalsOf(await (await request.get('/porocilo')).text());
    const csv = parseCsv(await (await request.get('/porocilo.csv')).text());
    const xlsx = readXlsx(await (await request.get('/porocilo.xlsx')).body());
    // The public reads one row for everything without a stance yet.
    const labels: Record<string, string> = { pending: 'še v obravnavi', accepted: 'upoštevana', partially_accepted: 'delno upoštevana', rejected: 'ni upoštevana', noted: 'vzeta na znanje' };
    expect(Object.keys(totals.byStatus)).toEqual(Object.keys(labels));
    expect(Object.values(totals.byStatus).reduce((a, b) => a + b, 0)).toBe(totals.total);

    const rows = csv.slice(1);
    expect(rows).toHaveLength(totals.total);
    const decision = csv[0].indexOf('Stališče');
    const kind = csv[0].indexOf('Vrsta organizacije');
    for (const [status, label] of Object.entries(labels)) {
      expect(rows.filter((r) => r[decision] === label).length, status).toBe(totals.byStatus[status]);
    }
    for (const [key, label] of Object.entries({ municipality: 'občina', association: 'združenje občin', other: 'drugo' })) {
      expect(rows.filter((r) => r[kind] === label).length, key).toBe(totals.byKind[key]);
    }
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);

    // The XLSX has the same rows (as text: no formula guard needed), and its totals sheet the same figures.
    const lines = (v: string) => v.replace(/\r\n?/g, '\n');
    // (The CSV's formula guard and the invisible mark that keeps paragraph numbers text are CSV-only.)
    expect(xlsx.sheets[0].map((r) => r.map(lines))).toEqual(csv.map((r) => r.map((v) => lines(v.replace(/^'(?=[=+\-@\t\r])/, '').replace(/^\u200B(?=\d)/, '')))));
    const sheet = Object.fromEntries(xlsx.sheets[1].filter((r) => r.length === 2 && r[0]).map((r) => [r[0], r[1]]));
    for (const [status, label] of Object.entries(labels)) expect(sheet[label], status).toBe(String(totals.byStatus[status]));
    expect(sheet['Skupaj']).toBe(String(totals.total));
  });
});
