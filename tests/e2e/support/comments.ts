import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, postForm } from '../fixtures.ts';
import { openDataPages } from './open-data.ts';

/** What the comment specs share: the interface's texts, the open-data API, the comment form, a block's comments. */

export const texts = {
  submitted: 'Pripomba je oddana in objavljena; potrdilo o prejemu smo poslali po e-pošti. Umaknete jo lahko do konca posvetovanja, dokler ministrstvo ne začne njene obravnave.',
  draftSaved: 'Pripomba je shranjena, a še ni oddana. Vidijo jo samo člani vaše organizacije.',
  withdrawn: 'Pripomba je umaknjena.',
  supportAdded: 'Vaša organizacija podpira to pripombo.',
  jointAnswered: 'Odgovor je shranjen.',
  bodyRequired: 'Vpišite besedilo pripombe.',
  errorSummary: 'Prišlo je do težave',
  signInToComment: 'Za oddajo pripombe se prijavite.',
  cannotComment: 'Pripombe oddajajo predstavniki občin in združenj. Vaša vloga ne omogoča oddaje pripomb.',
  onBehalfOf: 'Skupno stališče v imenu občin članic (neobvezno)',
  notFound: 'Strani ni mogoče najti',
};

/** Names of the demo people: the public never sees who wrote a comment, only the organisation. */
export const PEOPLE = ['Ana Administratorka', 'Marko Moderator', 'Lea Novak', 'Blaž Kranjc', 'Zala Horvat', 'Simon Zupan'];
export const DEMO_DRAFT = 'Osnutek pripombe (še ni oddan)';

export interface ApiComment {
  id: number;
  /** The consultation's slug. */
  consultation: string;
  url: string;
  chapter: string | null;
  block: string | null;
  blockKey: string | null;
  kind: 'comment' | 'amendment' | 'question';
  organisation: { name: string; kind: string; code: string };
  onBehalfOf: Array<{ name: string; code: string; confirmation: string }>;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  supporters: Array<{ name: string; code: string }>;
}

/** "1 pripomba", "2 pripombi", "3 pripombe", "5 pripomb" — Slovenian has four forms (also 101, 102…). */
export function pripombe(n: number): string {
  const h = n % 100;
  return `${n} ${h === 1 ? 'pripomba' : h === 2 ? 'pripombi' : h === 3 || h === 4 ? 'pripombe' : 'pripomb'}`;
}

/** Every public comment the API lists with these filters (all its pages). */
export async function apiComments(request: APIRequestContext, query = ''): Promise<ApiComment[]> {
  return openDataPages<ApiComment>(request, query);
}

/** Public comments (per the API) whose body or rationale contains the marker. */
export async function apiCommentsWith(request: APIRequestContext, marker: string): Promise<ApiComment[]> {
  return (await apiComments(request)).filter((c) => c.body.includes(marker) || (c.rationale ?? '').includes(marker));
}

/** The one public comment with this marker. */
export async function apiComment(request: APIRequestContext, marker: string): Promise<ApiComment> {
  const found = await apiCommentsWith(request, marker);
  expect(found, `exactly one public comment with "${marker}"`).toHaveLength(1);
  return found[0];
}

export interface CommentInput {
  kind?: 'Pripomba' | 'Predlog spremembe besedila' | 'Vprašanje';
  body: string;
  rationale?: string;
  /** Member municipalities, for associations (short names as in the form). */
  members?: string[];
  intent?: 'submit' | 'draft';
}

/** Fills the comment form on the page as it is (block page or draft editing page). */
export async function fillCommentForm(page: Page, input: CommentInput): Promise<void> {
  await page.getByRole('radio', { name: input.kind ?? 'Pripomba', exact: true }).check();
  await page.getByLabel('Besedilo pripombe', { exact: true }).fill(input.body);
  if (input.rationale !== undefined) await page.getByLabel('Obrazložitev (neobvezno)').fill(input.rationale);
  for (const member of input.members ?? []) {
    await page.getByRole('group', { name: texts.onBehalfOf }).getByLabel(member, { exact: true }).check();
  }
}

/** Opens a block's own page (the plain form), fills it and presses "Oddaj pripombo" or "Shrani za pozneje". */
export async function submitOnBlockPage(page: Page, path: string, input: CommentInput): Promise<void> {
  await page.goto(path);
  await fillCommentForm(page, input);
  await page.getByRole('button', { name: input.intent === 'draft' ? 'Shrani za pozneje' : 'Oddaj pripombo' }).click();
  if (input.intent === 'draft') {
    await expect(page).toHaveURL(/\/organizacija\/pripombe\?sporocilo=osnutek-shranjen$/);
  } else {
    await expect(page).toHaveURL(new RegExp(`${path}\\?sporocilo=pripomba-oddana$`));
    await expect(page.getByRole('status')).toHaveText(texts.submitted);
  }
}

/** Posts the block form directly with the page's cookies, as the browser would (same Origin). */
export function postComment(page: Page, path: string, fields: Record<string, string>) {
  return postForm(page, path, { kind: 'comment', intent: 'submit', returnTo: path, idempotencyKey: randomUUID(), ...fields });
}

/** A block of a chapter page, its comments opened (native <details>, works without JavaScript). */
export async function openBlockComments(page: Page, anchor: string, number: string): Promise<Locator> {
  const block = page.locator(`#${anchor}`);
  const summary = block.locator('summary').filter({ hasText: new RegExp(`^Pripombe k odstavku ${number.replace('.', '\\.')} \\(\\d+\\)$`) });
  await summary.click();
  return block;
}

/** The number n in "Pripombe k odstavku X (n)". */
export async function shownCount(block: Locator): Promise<number> {
  const text = await block.locator('summary').textContent();
  return Number(/\((\d+)\)$/.exec(text ?? '')?.[1]);
}

/** Records (and dismisses) every dialog the page opens — alert, confirm, prompt; the test expects none. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}
