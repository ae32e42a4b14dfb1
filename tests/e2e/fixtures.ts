import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test as base, expect, type APIRequestContext, type APIResponse, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { serverDatabase } from '../support/database.ts';
import { startServer } from '../support/process.ts';

/*
 * What every end-to-end spec shares. Each Playwright worker starts its own production server on a
 * database of its own (a SQLite file, or a database on the test cluster in the PostgreSQL round;
 * migrated and seeded with the demo data by the start script), so a test never
 * sees what another worker wrote; `baseURL`, `page` and `request` point at that server. Specs import
 * `test` and `expect` from here, never from @playwright/test.
 */

export { expect };

export const DEMO_PASSWORD = 'posvet-demo-2030';

/** The demo accounts (src/lib/server/platform/demo data), all with DEMO_PASSWORD. */
export const people = {
  admin: 'admin@posvet.test',
  moderator: 'moderator@posvet.test',
  /** The second moderator of DS 2030 (approves what the first drafts). */
  moderatorka: 'moderatorka@posvet.test',
  bled: 'bled@posvet.test',
  ljubljana: 'ljubljana@posvet.test',
  zmos: 'zmos@posvet.test',
  sos: 'sos@posvet.test',
} as const;
export type Who = keyof typeof people;

export interface Server {
  url: string;
  /** This worker's directory: the database, the mail, the server's log. */
  dir: string;
  /** The server's database: a SQLite file, or in the PostgreSQL round a postgres:// address (tests/support/database.ts `query` reads both). */
  databasePath: string;
  /** Where the outbox writes mail (.eml files). */
  mailDir: string;
}

let current: Server | undefined;

function server(): Server {
  if (!current) throw new Error('the worker has no server yet: use the fixtures from tests/e2e/fixtures.ts');
  return current;
}

/** This worker's server, e.g. http://127.0.0.1:4330 — for contexts and Origin headers. */
export function baseURL(): string {
  return server().url;
}

/** Where this worker's server writes its mail. */
export function mailDir(): string {
  return server().mailDir;
}

let counter = 0;
/** A text no other test (or worker, or run) writes: label, time, worker and a counter; letters, digits and hyphens. */
export function unique(label = 'e2e'): string {
  return `${label}-${Date.now().toString(36)}-${test.info().workerIndex}-${++counter}`;
}

/** A unique e-mail address for a person invited by a test. */
export function uniqueEmail(label: string): string {
  return `${unique(label)}@obcina-e2e.si`.toLowerCase();
}

/** Signs in through the /prijava form (opening it unless the page is on it) and waits until the browser has left it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), baseURL()).pathname.startsWith('/prijava')) await page.goto('/prijava');
  await page.getByLabel('E-naslov').fill(email);
  await page.getByLabel('Geslo', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Prijava', exact: true }).click();
  await expect(page).not.toHaveURL(/\/prijava/);
}

/** A same-origin form post with the cookies of a page or context, as the browser would send it; redirects not followed. */
export function postForm(
  from: APIRequestContext | { request: APIRequestContext },
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const request = 'request' in from ? from.request : from;
  return request.post(path, { form, headers: { Origin: baseURL(), ...headers }, maxRedirects: 0 });
}

/** Clicks a form's submit button; returns the HTTP status of its POST (303 on success), once the next page has loaded. */
export async function submitForm(page: Page, button: Locator): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await button.click();
  const status = (await response).status();
  await page.waitForLoadState();
  return status;
}

export interface PageOptions extends BrowserContextOptions {
  /** Signed in as a demo person, or as {email, password}; anonymous when left out. JavaScript is on unless this says otherwise. */
  as?: Who | { email: string; password: string };
}

export type NewPage = (options?: PageOptions) => Promise<Page>;

interface TestFixtures {
  /** A text unique to this test, to mark what it writes. */
  marker: string;
  /** Another person in the same test: a page in a browser context of its own (closed after the test). */
  newPage: NewPage;
  /** A demo person signed in on a page of their own: `await as('bled')`, `await as('moderator', { javaScriptEnabled: false })`. */
  as: (who: Who, options?: BrowserContextOptions) => Promise<Page>;
}

interface WorkerFixtures {
  server: Server;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      // The config makes one directory per run; a worker restarted after a failure (same parallelIndex)
      // finds its predecessor's database there and goes on with it.
      const runDir = (process.env.POSVET_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'posvet-e2e-')));
      const dir = join(runDir, `worker-${workerInfo.parallelIndex}`);
      mkdirSync(dir, { recursive: true });
      const port = Number(process.env.E2E_PORT ?? 4329) + workerInfo.parallelIndex;
      // In the PostgreSQL round, a database of this run and worker on the test cluster.
      const { location: databasePath } = await serverDatabase(dir, `e2e_${basename(runDir).replace(/\W/g, '_').toLowerCase()}_${workerInfo.parallelIndex}`);
      const mailDir = join(dir, 'mail');
      const running = await startServer(databasePath, port, { NODE_ENV: 'test', MAIL_DIR: mailDir });
      current = { url: running.url, dir, databasePath, mailDir };
      await use(current);
      current = undefined;
      const exit = await running.stop('SIGTERM');
      writeFileSync(join(dir, `server-${workerInfo.workerIndex}.log`), running.output());
      if (exit !== 0) console.error(`posvet e2e: the server of worker ${workerInfo.workerIndex} exited with ${exit}; see ${dir}`);
    },
    { scope: 'worker', auto: true, timeout: 90_000 },
  ],

  baseURL: async ({ server }, use) => use(server.url),

  marker: async ({}, use, testInfo) => use(`e2e-${Date.now().toString(36)}-${testInfo.workerIndex}-${++counter}`),

  newPage: async ({ browser, server }, use) => {
    const contexts: Array<Awaited<ReturnType<typeof browser.newContext>>> = [];
    await use(async ({ as, ...options } = {}) => {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: true, ...options });
      contexts.push(context);
      const page = await context.newPage();
      if (as) typeof as === 'string' ? await signIn(page, people[as]) : await signIn(page, as.email, as.password);
      return page;
    });
    for (const context of contexts) await context.close().catch(() => {});
  },

  as: async ({ newPage }, use) => use((who, options = {}) => newPage({ ...options, as: who })),
});
