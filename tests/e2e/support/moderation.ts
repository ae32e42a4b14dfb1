import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { readMail as readMailIn } from '../../support/mail.ts';
import { expect, mailDir, postForm } from '../fixtures.ts';
import { openDataPages } from './open-data.ts';

/**
 * What the moderation specs share: the interface's texts, the chapters they write on, the open-data
 * API, Občina Bled's comments to act on, the queue, the stance forms and a stance made public.
 */

export const texts = {
  moderation: 'Moderacija',
  forbidden: 'Dostop zavrnjen',
  signIn: 'Prijava',
  errorSummary: 'Prišlo je do težave',
  saved: 'Spremembe so shranjene.',
  nothingSelected: 'Izberite vsaj eno pripombo.',
  responseRequired: 'Vpišite obrazložitev. Obvezna je za vsa stališča razen „upoštevana“.',
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

export const CHAPTERS = {
  economy: { slug: 'digitalna-preobrazba-gospodarstva', label: '4. Digitalna preobrazba gospodarstva' },
  society: { slug: 'pot-v-pametno-druzbo-5-0', label: '5. Pot v pametno družbo 5.0' },
  support: { slug: 'podporno-okolje', label: '8. Podporno okolje' },
  implementation: { slug: 'izvajanje-in-spremljanje', label: '10. Izvajanje in spremljanje' },
} as const;

export interface ApiComment {
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

/** Today in Ljubljana as people type it into a form ("3. 2. 2027"), with a day offset. */
export function ljubljanaDate(offsetDays = 0): string {
  const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana' }).format(new Date(Date.now() + offsetDays * 86_400_000)).split('-').map(Number);
  return `${d}. ${m}. ${y}`;
}

export async function apiComments(request: APIRequestContext, query = ''): Promise<ApiComment[]> {
  return openDataPages<ApiComment>(request, query);
}

/** The public comment (per the API) with exactly this text, or undefined. */
export async function apiComment(request: APIRequestContext, body: string, chapter?: string): Promise<ApiComment | undefined> {
  const found = (await apiComments(request, chapter ? `?chapter=${chapter}` : '')).filter((c) => c.body === body);
  expect(found.length, `at most one public comment reads "${body}"`).toBeLessThanOrEqual(1);
  return found[0];
}

export interface NewComment {
  chapter: keyof typeof CHAPTERS;
  block: number;
  body: string;
  kind?: 'Pripomba' | 'Vprašanje';
}

/**
 * Občina Bled (signed in on `bled`, a page of its own without JavaScript) submits comments through
 * the plain form of each block's own page; returns their ids, read from the open-data API.
 */
export async function submitAsBled(bled: Page, request: APIRequestContext, comments: NewComment[]): Promise<number[]> {
  for (const c of comments) {
    const path = `/posvetovanja/ds2030/osnutek/${CHAPTERS[c.chapter].slug}/${c.block}`;
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
export function readMail(to: string, subject: string) {
  return readMailIn(mailDir(), to, subject);
}

/** The queue's filter form, bulk form, rows and count. */
export function queue(page: Page) {
  return {
    filters: page.getByRole('search', { name: 'Filtri' }),
    bulk: page.getByRole('group', { name: 'Dejanje za izbrane pripombe' }),
    rows: page.locator('tr[data-queue-row]'),
    row: (text: string) => page.locator('tr[data-queue-row]').filter({ hasText: text }),
    count: page.getByRole('status').filter({ hasText: /^Najden|^Nobena/ }),
  };
}

/** Opens the queue filtered by a text (through the GET form). */
export async function filterQueue(page: Page, text: string, extra: (filters: Locator) => Promise<void> = async () => {}) {
  // The comments the tests write are on DS 2030's draft: its queue.
  await page.goto('/moderacija?posvetovanje=ds2030');
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
export async function expectChanged(page: Page, n: number): Promise<void> {
  const h = n % 100;
  const [verb, noun] =
    h === 1 ? ['Spremenjena je', 'pripomba'] : h === 2 ? ['Spremenjeni sta', 'pripombi'] : h === 3 || h === 4 ? ['Spremenjene so', 'pripombe'] : ['Spremenjenih je', 'pripomb'];
  const banner = page.locator('.success-banner[role="status"]');
  await expect(banner, `bulk.done(${n})`).toHaveText(`${verb} ${n} ${noun}.`);
}

/** The stance form of a comment's moderation page (a predlog stališča). */
export function stanceForm(page: Page) {
  return {
    choice: (label: string) => page.getByRole('group', { name: 'Stališče do pripombe' }).getByRole('radio', { name: label, exact: true }),
    response: page.getByLabel('Obrazložitev stališča (javna po objavi)'),
    save: page.getByRole('button', { name: 'Shrani predlog stališča' }),
  };
}

/** The review of a predlog stališča: approve, or return with a note. */
export function reviewForm(page: Page) {
  return {
    note: page.getByLabel('Opomba za predlagatelja'),
    approve: page.getByRole('button', { name: 'Odobri', exact: true }),
    return: page.getByRole('button', { name: 'Vrni v dopolnitev' }),
  };
}

/**
 * Makes a stance public as the ministry does, through the pages' forms posted directly: the
 * moderator drafts it, the administrator (a second person) approves it and publishes it (this
 * comment only, on its consultation's publishing page).
 */
export async function publishStance(
  moderator: Page | APIRequestContext,
  admin: Page | APIRequestContext,
  id: number,
  status: 'accepted' | 'partially_accepted' | 'rejected' | 'noted',
  response = '',
  consultation = 'ds2030',
): Promise<void> {
  const path = `/moderacija/pripombe/${id}`;
  const steps: Array<[Page | APIRequestContext, string, Record<string, string>]> = [
    [moderator, path, { intent: 'draft', status, response }],
    [admin, path, { intent: 'review', verdict: 'approve', reviewNote: '' }],
    [admin, `/moderacija/objava?posvetovanje=${consultation}`, { objavi: 'vse', ids: String(id) }],
  ];
  for (const [who, where, form] of steps) {
    const response = await postForm(who, where, form);
    expect(response.status(), `${form.intent ?? 'publish'} on ${id}`).toBe(303);
  }
}
