import { join } from 'node:path';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, Scale } from '../support/server.ts';
import { harness, postForm, query, type Harness } from './helpers.ts';

/**
 * Two-factor sign-in on the production server with REQUIRE_2FA_ROLES=moderator,admin: the gate
 * before setup, no session from a password alone, codes single-use, wrong codes throttled,
 * recovery codes single-use. Each test has a person of its own.
 */

const PORT = 4600;
const PASSWORD = 'bench password that is long enough';
const SETUP = '/moj-racun/dvostopenjska-prijava';
const PENDING_COOKIE = 'posvet_prijava_koda';

let h: Harness;
let dbPath: string;
let scale: Scale;
let server: RunningServer;

beforeAll(async () => {
  h = await harness(PORT, 0, { REQUIRE_2FA_ROLES: 'moderator,admin' });
  ({ dbPath, scale, server } = h);
});

afterAll(async () => h?.cleanup());

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

async function get(path: string, cookie = ''): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie } });
}

function post(path: string, form: Record<string, string>, cookie = ''): Promise<Response> {
  return postForm(server, path, form, cookie);
}

/** name → value of the cookies a response sets (an empty value clears one). */
function setCookies(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return cookies;
}

const step = () => Math.floor(Date.now() / 30_000);
const code = (key: Uint8Array, at = step()) => generateHOTP(key, BigInt(at), 6);

/** Turns 2FA on for the person of the session cookie; returns the key and the recovery codes. */
async function setUp(cookie: string): Promise<{ key: Uint8Array; recoveryCodes: string[]; step: number }> {
  const page = await get(SETUP, cookie);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<svg class="qr-code" aria-hidden="true"/);
  const shown = /data-testid="totp-key"[^>]*>([A-Z2-7 ]+)</.exec(html)?.[1];
  expect(shown, 'the key in groups of four').toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const key = decodeBase32IgnorePadding(shown!.replace(/ /g, ''));

  const wrong = await post(SETUP, { intent: 'enable', code: code(key, step() + 5) }, cookie);
  expect(wrong.status).toBe(400);
  const at = step();
  const done = await post(SETUP, { intent: 'enable', code: code(key, at) }, cookie);
  expect(done.status).toBe(200);
  const recoveryCodes = [...(await done.text()).matchAll(/<li[^>]*><code[^>]*>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})<\/code><\/li>/g)].map((m) => m[1]);
  expect(recoveryCodes).toHaveLength(10);
  return { key, recoveryCodes, step: at };
}

/** The password step; returns the pending-login cookie (and checks that no session came with it). */
async function passwordStep(email: string): Promise<string> {
  const response = await post('/prijava', { email, password: PASSWORD });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/prijava/koda');
  const cookies = setCookies(response);
  expect(cookies.posvet_seja ?? '', 'no session after the password alone').toBe('');
  expect(cookies[PENDING_COOKIE]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${PENDING_COOKIE}=`))!;
  expect(line).toMatch(/HttpOnly/i);
  expect(line).toMatch(/Max-Age=300/i);
  return `${PENDING_COOKIE}=${cookies[PENDING_COOKIE]}`;
}

async function sessionsOf(email: string): Promise<number> {
  return (await query(dbPath, (db) => db.get<{ n: number }>('select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?', email)))!.n;
}

async function auditOf(email: string): Promise<string[]> {
  // The user's id as text: audit targets are text, not all of them numbers.
  const rows = await query(dbPath, (db) => db.all<{ action: string }>('select a.action from audit_log a join users u on cast(u.id as text) = a.target_id where u.email = ? order by a.id', email));
  return rows.map((r) => r.action);
}

// ——— tests —————————————————————————————————————————————————————————————————————————————————

describe('two-factor sign-in required for moderators and administrators', () => {
  it('a moderator without 2FA cannot reach /moderacija before setting it up', async () => {
    const cookie = scale.moderatorCookie;
    const blocked = await get('/moderacija', cookie);
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe(`${SETUP}?vrnitev=%2Fmoderacija`);
    await blocked.arrayBuffer();
    for (const path of ['/moderacija/statistika', '/', '/moj-racun', '/posvetovanja/ds2030/osnutek/uvod']) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toMatch(/^\/moj-racun\/dvostopenjska-prijava\?vrnitev=/);
    }
    // Forms, too.
    const posted = await post('/moderacija/nova', { body: 'x' }, cookie);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toMatch(/^\/moj-racun\/dvostopenjska-prijava/);
    // Setup, sign-out and the legal pages stay open.
    for (const path of ['/dostopnost', '/zasebnost', '/odjava']) expect((await get(path, cookie)).status, path).toBe(200);

    // The password step also leads there (with a session: setting up needs one).
    const login = await post('/prijava?vrnitev=%2Fmoderacija', { email: 'moderator@bench.test', password: PASSWORD });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe(`${SETUP}?vrnitev=%2Fmoderacija`);
    expect(setCookies(login).posvet_seja).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    await setUp(cookie);
    const open = await get('/moderacija', cookie);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain('<h1');
    // Turning it on ended the moderator's other sessions (the one from the password step above).
    expect(await sessionsOf('moderator@bench.test')).toBe(1);
    expect(await auditOf('moderator@bench.test')).toEqual(expect.arrayContaining(['two_factor.failed', 'two_factor.enabled']));
  });

  it('after setup, a password alone gives no session; a right code does; a reused code is refused; wrong codes are throttled', async () => {
    const email = 'admin@bench.test';
    const { key, recoveryCodes, step: used } = await setUp(scale.adminCookie);
    const sessionsBefore = await sessionsOf(email);

    // The password alone: a pending login, not a session.
    const pending = await passwordStep(email);
    expect(await sessionsOf(email)).toBe(sessionsBefore);
    const page = await get('/prijava/koda', pending);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('name="code"');
    // Without the cookie (or with a made-up one) there is nothing to complete.
    expect((await get('/prijava/koda')).headers.get('location')).toBe('/prijava');
    expect((await get('/prijava/koda', `${PENDING_COOKIE}=${'x'.repeat(43)}`)).headers.get('location')).toBe('/prijava?sporocilo=koda-potekla');

    // Malformed code forms get a 4xx with a message and change nothing.
    for (const form of [{}, { code: '' }, { code: '12345' }, { code: '<script>' }, { code: '1'.repeat(5000) }, { recoveryCode: '' }] as Record<string, string>[]) {
      const response = await post('/prijava/koda', form, pending);
      expect(response.status, JSON.stringify(form).slice(0, 40)).toBe(400);
      expect(await response.text()).toContain('error-summary');
    }

    // The code that turned 2FA on does not sign in; the next step's code does.
    const setupCode = await post('/prijava/koda', { code: code(key, used) }, pending);
    expect(setupCode.status).toBe(401);
    expect(await setupCode.text()).toContain('Ta koda je že bila uporabljena.');
    const next = code(key, used + 1);
    const signedIn = await post('/prijava/koda', { code: next }, pending);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/moj-racun');
    const session = setCookies(signedIn).posvet_seja;
    expect(session).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // The pending-login cookie is cleared.
    expect(signedIn.headers.getSetCookie().find((l) => l.startsWith(`${PENDING_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect((await get('/admin', `posvet_seja=${session}`)).status).toBe(200);
    // The pending login is used up.
    expect((await post('/prijava/koda', { code: next }, pending)).headers.get('location')).toBe('/prijava?sporocilo=koda-potekla');

    // The same code is refused for a new sign-in.
    const again = await passwordStep(email);
    const reused = await post('/prijava/koda', { code: next }, again);
    expect(reused.status).toBe(401);
    expect(await reused.text()).toContain('Ta koda je že bila uporabljena.');
    expect(setCookies(reused).posvet_seja ?? '').toBe('');

    // Wrong codes: the fifth of a pending login sends the person back to the password step.
    const wrong = code(key, used + 20);
    for (let i = 0; i < 3; i++) expect((await post('/prijava/koda', { code: wrong }, again)).status).toBe(401);
    const fifth = await post('/prijava/koda', { code: wrong }, again);
    expect(fifth.status).toBe(303);
    expect(fifth.headers.get('location')).toBe('/prijava?sporocilo=koda-prevec-napak');
    expect((await post('/prijava/koda', { recoveryCode: recoveryCodes[0] }, again)).headers.get('location')).toBe('/prijava?sporocilo=koda-potekla');

    // Per account: past ten wrong codes, even a right recovery code must wait.
    const third = await passwordStep(email);
    for (let i = 0; i < 4; i++) expect((await post('/prijava/koda', { code: wrong }, third)).status).toBe(401);
    expect((await post('/prijava/koda', { code: wrong }, third)).headers.get('location')).toBe('/prijava?sporocilo=koda-prevec-napak');
    const fourth = await passwordStep(email);
    const throttled = await post('/prijava/koda', { recoveryCode: recoveryCodes[0] }, fourth);
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toMatch(/Preveč napačnih kod\. Poskusite znova čez \d+ (minuto|minuti|minute|minut)\./);
    expect(setCookies(throttled).posvet_seja ?? '').toBe('');

    expect(await sessionsOf(email)).toBe(sessionsBefore + 1);
    const audit = await auditOf(email);
    expect(audit.filter((a) => a === 'two_factor.failed').length).toBeGreaterThanOrEqual(11);
    expect(audit).toEqual(expect.arrayContaining(['two_factor.enabled', 'two_factor.challenged', 'login.two_factor_succeeded', 'two_factor.pending_login_voided']));
  });

  it('a recovery code works once', async () => {
    // A member opts in (their role does not require it).
    const email = (await query(dbPath, (db) => db.get<{ email: string }>("select email from users where role = 'member' order by id limit 1")))!.email;
    const login = await post('/prijava', { email, password: PASSWORD });
    expect(login.headers.get('location')).toBe('/moj-racun');
    const { recoveryCodes } = await setUp(`posvet_seja=${setCookies(login).posvet_seja}`);

    const first = await passwordStep(email);
    const used = await post('/prijava/koda', { recoveryCode: recoveryCodes[7].toUpperCase() }, first);
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe(`${SETUP}?sporocilo=koda-za-obnovitev-porabljena`);
    const session = setCookies(used).posvet_seja;
    const status = await get(SETUP, `posvet_seja=${session}`);
    expect(await status.text()).toContain('Imate še 9 neuporabljenih kod za obnovitev.');

    const second = await passwordStep(email);
    const refused = await post('/prijava/koda', { recoveryCode: recoveryCodes[7] }, second);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Koda za obnovitev ni pravilna ali je že bila uporabljena.');
    expect(setCookies(refused).posvet_seja ?? '').toBe('');
    // Another, unused one still works.
    expect((await post('/prijava/koda', { recoveryCode: recoveryCodes[2] }, second)).status).toBe(303);
    expect((await auditOf(email)).filter((a) => a === 'two_factor.recovery_code_used')).toHaveLength(2);
  });
});
