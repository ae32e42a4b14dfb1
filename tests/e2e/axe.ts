import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { baseURL } from './fixtures.ts';

/**
 * axe checks the markup, and the markup is the same whichever database is behind the portal: the
 * scans run in the SQLite round and not again in the PostgreSQL round (tests/run.ts), where the
 * same journeys check what the database does.
 */
const scanned = !process.env.TEST_POSTGRES_URL;

/** WCAG 2.1 A and AA, as the law (ZDSMA, EN 301 549) requires of public-sector sites. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!scanned) return;
  // Legacy mode runs axe in the page itself instead of opening a blank page to collect frame results
  // (our pages have no frames): the same rules, in about half the time on a busy machine.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}

/**
 * axe runs in the page, so it needs JavaScript. For a page seen without JavaScript, its HTML as the
 * browser got it is checked in a JavaScript-enabled page that loads no script (no island hydrates).
 */
export async function expectNoAxeViolationsWithoutJs(page: Page): Promise<void> {
  if (!scanned) return;
  const html = await page.content();
  const target = new URL(page.url());
  const context = await page.context().browser()!.newContext({ baseURL: baseURL(), javaScriptEnabled: true });
  await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
  await context.route(
    (url) => url.pathname === target.pathname && url.search === target.search,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const copy = await context.newPage();
  await copy.goto(target.href);
  await expectNoAxeViolations(copy);
  await context.close();
}
