import type { Browser, Page } from '@playwright/test';
import { baseURL, expect } from '../fixtures.ts';
import type { Payload, SeededComment, StorageState } from './xss-seed.ts';

/*
 * How xss.spec.ts looks at a page: a watched page records dialogs, script errors and requests to a
 * payload's address; a check collects everything a payload could have become on the page and the
 * texts that must be there, and asserts once that nothing is wrong.
 */

/** Everything but whitespace: paragraphs, line breaks and indentation do not matter. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** What a CSV cell holds for a value: a formula-like start gets an apostrophe. */
export const csvGuarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export interface Watched {
  page: Page;
  /** The run's marker, which payload addresses and attributes carry. */
  run: string;
  dialogs: string[];
  /** Console errors and uncaught exceptions that speak of scripts, and requests to payload addresses. */
  problems: string[];
}

export const SUSPICIOUS_CONSOLE = /script|xss|alert|javascript:|eval|refused to (execute|load|frame|apply)|content security policy/i;

export function watch(page: Page, run: string): Watched {
  const watched: Watched = { page, run, dialogs: [], problems: [] };
  page.on('dialog', async (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && SUSPICIOUS_CONSOLE.test(message.text())) watched.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    // The test's own navigations carry the marker in filters and paths; nothing else may.
    const ours = request.isNavigationRequest() && request.frame() === page.mainFrame() && new URL(url).origin === new URL(baseURL()).origin;
    if (ours) return;
    let suspicious = url.includes(run) || /alert|javascript:/i.test(url);
    try {
      const { hostname, pathname, protocol } = new URL(url);
      suspicious ||= ['xss.example', 'x.example', 'a.b'].includes(hostname) || /\/x$/.test(pathname) || !/^(https?|data|blob):$/.test(protocol);
    } catch {
      suspicious = true;
    }
    if (suspicious) watched.problems.push(`request: ${request.method()} ${url}`);
  });
  return watched;
}

/** A page in a context of its own: anonymous, or signed in with a saved session. Close with close(w). */
export async function watchedPage(browser: Browser, run: string, state?: StorageState): Promise<Watched> {
  const context = await browser.newContext({ baseURL: baseURL(), storageState: state });
  return watch(await context.newPage(), run);
}

export async function close(w: Watched): Promise<void> {
  await w.page.context().close();
}

/**
 * Everything on the page that a payload could have become: elements that should never be there,
 * event handlers and script URLs, any attribute carrying the run's marker where no user text
 * belongs, a flag set by a payload's script.
 */
export async function injectedThings(page: Page, run: string): Promise<string[]> {
  return page.evaluate((run) => {
    const found: string[] = [];
    const describe = (el: Element) => `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 80)}"`).join('')}>`;
    const w = window as unknown as { __xss?: unknown };
    if (w.__xss !== undefined) found.push(`window.__xss was set to ${String(w.__xss)}`);
    const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'marquee', 'math', 'mglyph', 'animate', 'portal']);
    const allowedCarriers = new Set(['value', 'aria-label', 'title', 'placeholder', 'alt', 'label']);
    const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster', 'srcset', 'ping']);
    for (const el of document.querySelectorAll('*')) {
      const tag = el.localName;
      if (forbidden.has(tag)) found.push(`element ${describe(el)}`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push(`meta refresh ${describe(el)}`);
      if (tag === 'img' && /^x\b/.test(el.getAttribute('src') ?? '')) found.push(`img ${describe(el)}`);
      if (tag === 'script' && (/alert|__xss|xss/.test(el.textContent ?? '') || /xss/.test(el.getAttribute('src') ?? ''))) found.push(`script ${describe(el)} ${el.textContent?.slice(0, 80)}`);
      if (tag === 'style' && (el.textContent ?? '').includes(run)) found.push(`style element with the marker: ${el.textContent?.slice(0, 80)}`);
      if (tag === 'link' && /xss/.test(el.getAttribute('href') ?? '')) found.push(`link ${describe(el)}`);
      // Form controls inside a person's text can only come from a payload.
      if (['input', 'button', 'form', 'select', 'textarea'].includes(tag) && el.closest('.plain-text, .diff')) {
        found.push(`form control inside comment text ${describe(el)}`);
      }
      for (const attribute of el.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value;
        if (name.startsWith('on')) {
          if (/alert|xss|eval|__xss/i.test(value) || value.includes(run)) found.push(`event handler ${name} on ${describe(el)}`);
          continue;
        }
        if (urlAttributes.has(name) && /^(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
          found.push(`script URL in ${name} of ${describe(el)}`);
        }
        if (name === 'style' && /expression\(|javascript:|xss/i.test(value)) found.push(`style attribute ${describe(el)}`);
        if (!value.includes(run)) continue;
        if (allowedCarriers.has(name)) continue;
        if (name === 'content' && tag === 'meta' && !el.hasAttribute('http-equiv')) continue;
        if ((name === 'href' || name === 'action') && (tag === 'a' || tag === 'form')) {
          const url = new URL(value, location.href);
          if (url.protocol === 'http:' || url.protocol === 'https:') continue;
        }
        found.push(`attribute ${name} carries the marker on ${describe(el)}`);
      }
    }
    // Links the linkifier made: only http(s), never a script.
    for (const a of document.querySelectorAll('a[href]')) {
      const protocol = (a as HTMLAnchorElement).protocol;
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push(`link with ${protocol} ${describe(a)}`);
    }
    return found;
  }, run);
}

/**
 * The page's text as a reader gets it: text nodes outside script, style and form fields; in a
 * tracked-changes view only the proposed text (deletions and the screen-reader labels left out).
 */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skipped = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (['script', 'style', 'textarea', 'noscript', 'template', 'title', 'option', 'datalist'].includes(e.localName)) return true;
        if (e.closest('.diff') && (e.localName === 'del' || e.classList.contains('visually-hidden'))) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skipped(node.parentElement)) text += node.nodeValue;
    return text;
  });
}

export interface Expected {
  /** Texts that must be on the page in full. */
  full?: string[];
  /** Texts of which the page shows an excerpt: their first hundred characters must be there. */
  excerpt?: string[];
  /** A few texts that must be visible as one element's whole text (getByText, exact). */
  exact?: string[];
}

/** A short payload without line breaks or links: getByText with the exact string finds its paragraph. */
export const simple = (s: string) => s.length < 200 && /^[\x21-\x7E]+( [\x21-\x7E]+)*$/.test(s) && !/https?:\/\//.test(s);

/**
 * Waits until whatever a payload could set off after load has had its chance: every image has
 * loaded or failed (onerror), then two frames and a task have passed (ontoggle, SVG onbegin).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/**
 * Opens (or has opened) a page and checks it: no dialog, no problem, nothing injected, the texts
 * there. Everything wrong with the page is collected and asserted at once, so its report is whole.
 */
export async function checkPage(w: Watched, where: string, expected: Expected = {}, open?: (page: Page) => Promise<void>): Promise<void> {
  const { page } = w;
  w.dialogs.length = 0;
  w.problems.length = 0;
  const found: string[] = [];
  if (open) await open(page);
  else {
    const status = (await page.goto(where))?.status();
    if (status !== 200) found.push(`status ${status}`);
  }
  await settled(page);
  found.push(...(await injectedThings(page, w.run)).map((f) => `injected: ${f}`));
  const text = squash(await readableText(page));
  const missing = [
    ...(expected.full ?? []).filter((s) => !text.includes(squash(s))),
    ...(expected.excerpt ?? []).filter((s) => !text.includes(squash(s.slice(0, 100)))),
  ];
  found.push(...missing.map((s) => `payload text missing (or altered): ${s.slice(0, 120)}`));
  for (const s of expected.exact ?? []) {
    if (!(await page.getByText(s, { exact: true }).first().isVisible())) found.push(`not shown as text: "${s}"`);
  }
  found.push(...w.dialogs.map((d) => `dialog opened: ${d}`));
  found.push(...w.problems.map((p) => `script error or payload request: ${p}`));
  expect(found, `what is wrong on ${where}`).toEqual([]);
}

/** The texts of a comment a public page shows (the rationale is not in the report). */
export function publicTexts(c: SeededComment, { rationale = true } = {}): string[] {
  return [c.body, c.proposedText, rationale ? c.rationale : undefined, c.response].filter((p): p is Payload => !!p).map((p) => p.stored);
}

/**
 * A text as the XLSX can hold it: XML 1.0 forbids U+FFFE and U+FFFF and discourages C1 controls and
 * U+FDD0–U+FDEF, and the writer also drops U+FFFD; everything else is kept.
 */
export const xlsxForm = (s: string) => s.replace(/[\u007F-\u0084\u0086-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]/g, '');

/** The ways an XML writer may escape text: & < > always, quotes perhaps. */
export function xmlEscapings(s: string): string[] {
  const basic = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [basic, basic.replace(/"/g, '&quot;'), basic.replace(/"/g, '&quot;').replace(/'/g, '&apos;'), basic.replace(/"/g, '&quot;').replace(/'/g, '&#39;')];
}
