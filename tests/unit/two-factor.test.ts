import { generateHOTP } from '@oslojs/otp';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/platform/demo.ts';
import { createLucia } from '../../src/lib/server/accounts/sessions.ts';
import { resetTwoFactor } from '../../src/lib/server/accounts/two-factor/admin.ts';
import { disableTwoFactor } from '../../src/lib/server/accounts/two-factor/disable.ts';
import { confirmSetup, setupView } from '../../src/lib/server/accounts/two-factor/enrol.ts';
import { renewRecoveryCodes } from '../../src/lib/server/accounts/two-factor/recovery.ts';
import { checkTotp, formatKey, openKey, qrCodeSvg, sealKey, timeStep, totpUri } from '../../src/lib/server/accounts/two-factor/secret.ts';
import { completePendingLogin, findPendingLogin, PENDING_LOGIN_MAX_FAILURES, startPendingLogin } from '../../src/lib/server/accounts/two-factor/sign-in.ts';
import { stepAfterPassword, twoFactorSetupRedirect, twoFactorStatus } from '../../src/lib/server/accounts/two-factor/status.ts';
import { ACCOUNT_FREE_CODE_FAILURES, codeWaitMinutes } from '../../src/lib/server/accounts/two-factor/verify.ts';
import { answered, fieldsOf, messageOf } from './account-forms.ts';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { organisationId, seededDatabase, userId } from './helpers.ts';

const IP = '192.0.2.20';
const NOW = new Date('2026-11-25T10:00:10Z');
const BLED = 'bled@posvet.test';

/** The code an authenticator app shows `offsetSteps` steps from `at`. */
function codeAt(key: Uint8Array, at: Date, offsetSteps = 0): string {
  return generateHOTP(key, BigInt(timeStep(at) + offsetSteps), 6);
}

const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

/** A member of Bled with 2FA set up at NOW; returns their key and recovery codes. */
async function enrolled(db: Db, email = BLED) {
  const id = await userId(db, email);
  const view = (await setupView(db, { id, email }))!;
  const key = decodeBase32IgnorePadding(view.key.replace(/ /g, ''));
  const outcome = await confirmSetup(db, { id }, { code: codeAt(key, NOW) }, undefined, IP, NOW);
  if (!outcome.ok) throw new Error(JSON.stringify(fieldsOf(outcome)));
  return { id, key, recoveryCodes: outcome.value.recoveryCodes };
}

async function auditActions(db: Db, targetId: number): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').where('target_type', '=', 'user').where('target_id', '=', String(targetId)).orderBy('id').execute();
  return rows.map((r) => r.action);
}

describe('TOTP keys at rest', () => {
  it('are encrypted under TWO_FACTOR_KEY, bound to their user, and unreadable under another key', () => {
    const key = new Uint8Array(20).map((_, i) => i * 7);
    const sealed = sealKey(key, 5, 'a long configured key of the portal');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain(formatKey(key).replace(/ /g, '').slice(0, 8));
    expect(openKey(sealed, 5, 'a long configured key of the portal')).toEqual(key);
    expect(openKey(sealed, 6, 'a long configured key of the portal')).toBeNull();
    expect(openKey(sealed, 5, 'another key')).toBeNull();
    expect(openKey(sealed, 5, undefined)).toBeNull();
  });

  it('are stored readable when no key is configured', () => {
    const key = new Uint8Array(20).fill(1);
    expect(sealKey(key, 5, undefined)).toMatch(/^plain:[A-Z2-7]{32}$/);
    expect(openKey(sealKey(key, 5, undefined), 5, undefined)).toEqual(key);
  });

  it('are shown for typing in groups of four', () => {
    expect(formatKey(new Uint8Array(20))).toBe('AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA');
  });
});

describe('the QR code', () => {
  it('is inline SVG of fixed shape: no text of anyone, no style attributes, hidden from screen readers', () => {
    const uri = totpUri('ime."<script>"@obcina.si', new Uint8Array(20).fill(3));
    const svg = qrCodeSvg(uri);
    expect(svg.startsWith('<svg class="qr-code" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')).toBe(true);
    expect(svg).not.toMatch(/style|script|obcina|<text|href/i);
    expect(svg).toMatch(/^<svg [^>]*><rect fill="white" width="\d+" height="\d+"\/><path fill="black" d="[Mhvz0-9,-]+"\/><\/svg>$/);
  });
});

describe('codes from the app', () => {
  const key = new Uint8Array(20).map((_, i) => 255 - i);

  it('are accepted one step either side of now, not two', () => {
    expect(checkTotp(key, codeAt(key, NOW), NOW, null)).toEqual({ kind: 'ok', step: timeStep(NOW) });
    expect(checkTotp(key, codeAt(key, NOW, -1), NOW, null)).toEqual({ kind: 'ok', step: timeStep(NOW) - 1 });
    expect(checkTotp(key, codeAt(key, NOW, 1), NOW, null)).toEqual({ kind: 'ok', step: timeStep(NOW) + 1 });
    expect(checkTotp(key, codeAt(key, NOW, -2), NOW, null).kind).toBe('wrong');
    expect(checkTotp(key, codeAt(key, NOW, 2), NOW, null).kind).toBe('wrong');
    expect(checkTotp(key, '000000', NOW, null).kind).toBe(codeAt(key, NOW) === '000000' ? 'ok' : 'wrong');
  });

  it('are refused once their time step (or a later one) was used', () => {
    const step = timeStep(NOW);
    expect(checkTotp(key, codeAt(key, NOW), NOW, step).kind).toBe('reused');
    expect(checkTotp(key, codeAt(key, NOW, -1), NOW, step).kind).toBe('reused');
    expect(checkTotp(key, codeAt(key, NOW, 1), NOW, step)).toEqual({ kind: 'ok', step: step + 1 });
  });
});

describe('setting up', () => {
  it('keeps the same key until confirmed, and turns on only with a right code', async () => {
    const { db } = await seededDatabase();
    const id = await userId(db, BLED);
    const first = (await setupView(db, { id, email: BLED }))!;
    const again = (await setupView(db, { id, email: BLED }))!;
    expect(again.key).toBe(first.key);
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/Posvet:bled%40posvet\.test\?/);
    const key = decodeBase32IgnorePadding(first.key.replace(/ /g, ''));

    const wrong = await confirmSetup(db, { id }, { code: codeAt(key, NOW, 3) }, undefined, IP, NOW);
    expect(wrong.ok).toBe(false);
    expect((await twoFactorStatus(db, { id, role: 'member' })).enabled).toBe(false);
    const malformed = await confirmSetup(db, { id }, { code: '12ab' }, undefined, IP, NOW);
    expect(fieldsOf(malformed).code).toBe('Koda iz aplikacije ima šest številk.');

    const lucia = createLucia(db);
    const current = await lucia.createSession(id, { ip: IP, userAgent: null });
    const other = await lucia.createSession(id, { ip: IP, userAgent: null });
    // Apps may show the code as "123 456".
    const code = codeAt(key, NOW);
    const right = await confirmSetup(db, { id }, { code: `${code.slice(0, 3)} ${code.slice(3)}` }, current.id, IP, NOW);
    expect(right.ok).toBe(true);
    if (!right.ok) return;
    expect(right.value.recoveryCodes).toHaveLength(10);
    expect(new Set(right.value.recoveryCodes).size).toBe(10);
    for (const c of right.value.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await twoFactorStatus(db, { id, role: 'member' })).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await setupView(db, { id, email: BLED })).toBeNull();
    // Sessions made before 2FA end, except the one that turned it on.
    expect((await lucia.validateSession(current.id)).session).not.toBeNull();
    expect((await lucia.validateSession(other.id)).session).toBeNull();
    // Only hashes of the recovery codes are stored.
    const dump = JSON.stringify(await sql`select * from two_factor_recovery_codes`.execute(db));
    for (const c of right.value.recoveryCodes) expect(dump).not.toContain(c.replace(/-/g, ''));
    expect(await auditActions(db, id)).toEqual(['two_factor.failed', 'two_factor.enabled']);
  });
});

describe('signing in with a second factor', () => {
  it('the password step leads to a code step; a right code completes it once; the same code is refused later', async () => {
    const { db } = await seededDatabase();
    const { id, key } = await enrolled(db);
    expect(await stepAfterPassword(db, id)).toBe('code');

    // The code that turned 2FA on cannot sign in.
    const t1 = await startPendingLogin(db, id, '/organizacija', IP, NOW);
    const sameCode = await completePendingLogin(db, t1, { code: codeAt(key, NOW) }, IP, later(NOW, 5));
    expect(sameCode.ok).toBe(false);
    expect(fieldsOf(sameCode).code).toBe('Ta koda je že bila uporabljena. Počakajte, da aplikacija pokaže novo kodo.');

    const at = later(NOW, 30);
    const ok = await completePendingLogin(db, t1, { code: codeAt(key, at) }, IP, at);
    expect(ok).toEqual({ ok: true, value: { userId: id, returnTo: '/organizacija', usedRecoveryCode: false } });
    // The pending login is used up…
    expect(await completePendingLogin(db, t1, { code: codeAt(key, at, 1) }, IP, at)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // …and that code does not work for another one.
    const t2 = await startPendingLogin(db, id, '/', IP, at);
    const reused = await completePendingLogin(db, t2, { code: codeAt(key, at) }, IP, later(at, 10));
    expect(reused.ok).toBe(false);
    expect(await findPendingLogin(db, t2, later(at, 10))).toBeDefined();
    expect((await completePendingLogin(db, t2, { code: codeAt(key, at, 1) }, IP, later(at, 30))).ok).toBe(true);
    // The token is stored only as a hash.
    const dump = JSON.stringify(await sql`select * from two_factor_pending_logins`.execute(db));
    expect(dump).not.toContain(t1);
    expect(dump).not.toContain(t2);
  });

  it('a pending login lasts five minutes', async () => {
    const { db } = await seededDatabase();
    const { id, key } = await enrolled(db);
    const token = await startPendingLogin(db, id, '/', IP, NOW);
    const at = later(NOW, 5 * 60 + 1);
    expect(await completePendingLogin(db, token, { code: codeAt(key, at) }, IP, at)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await completePendingLogin(db, 'made-up-token-made-up-token', { code: codeAt(key, at) }, IP, at)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a recovery code works once', async () => {
    const { db } = await seededDatabase();
    const { id, recoveryCodes } = await enrolled(db);
    const code = recoveryCodes[3];
    const t1 = await startPendingLogin(db, id, '/', IP, NOW);
    // Typed in capitals and without dashes, it still counts.
    const first = await completePendingLogin(db, t1, { recoveryCode: code.toUpperCase().replace(/-/g, ' ') }, IP, NOW);
    expect(first).toMatchObject({ ok: true, value: { usedRecoveryCode: true } });
    const t2 = await startPendingLogin(db, id, '/', IP, NOW);
    const second = await completePendingLogin(db, t2, { recoveryCode: code }, IP, NOW);
    expect(second.ok).toBe(false);
    expect(fieldsOf(second).recoveryCode).toBe('Koda za obnovitev ni pravilna ali je že bila uporabljena.');
    expect((await twoFactorStatus(db, { id, role: 'member' })).recoveryCodesLeft).toBe(9);
    expect(await auditActions(db, id)).toContain('two_factor.recovery_code_used');
  });

  it('five wrong codes void the pending login; the account then waits after ten', async () => {
    const { db } = await seededDatabase();
    const { id, key } = await enrolled(db);
    const at = later(NOW, 60);
    const wrong = codeAt(key, at, 5);
    const t1 = await startPendingLogin(db, id, '/', IP, at);
    for (let i = 1; i < PENDING_LOGIN_MAX_FAILURES; i++) {
      const outcome = await completePendingLogin(db, t1, { code: wrong }, IP, at);
      expect(answered(outcome, { forbidden: 401 })).toMatchObject({ ok: false, status: 401 });
    }
    expect(await completePendingLogin(db, t1, { code: wrong }, IP, at)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Even the right code no longer opens this pending login.
    expect(await completePendingLogin(db, t1, { code: codeAt(key, at) }, IP, at)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const t2 = await startPendingLogin(db, id, '/', IP, at);
    for (let i = 0; i < ACCOUNT_FREE_CODE_FAILURES - PENDING_LOGIN_MAX_FAILURES; i++) await completePendingLogin(db, t2, { code: wrong }, IP, at);
    expect(await codeWaitMinutes(db, id, at)).toBe(1);
    const t3 = await startPendingLogin(db, id, '/', IP, at);
    const throttled = await completePendingLogin(db, t3, { code: codeAt(key, at) }, IP, at);
    expect(answered(throttled, { forbidden: 401 })).toMatchObject({ ok: false, status: 429, errors: { _form: 'Preveč napačnih kod. Poskusite znova čez 1 minuto.' } });
    // Once the wait is over, the right code works and the count starts again.
    const after = later(at, 61);
    expect((await completePendingLogin(db, t3, { code: codeAt(key, after) }, IP, after)).ok).toBe(true);
    expect(await codeWaitMinutes(db, id, after)).toBe(0);
    const failed = (await auditActions(db, id)).filter((a) => a === 'two_factor.failed').length;
    expect(failed).toBe(ACCOUNT_FREE_CODE_FAILURES);
  });
});

describe('turning it off and resetting it', () => {
  it('turning off needs the current password and a code', async () => {
    const { db } = await seededDatabase();
    const { id, key } = await enrolled(db);
    const at = later(NOW, 30);
    const noPassword = await disableTwoFactor(db, { id }, { currentPassword: '', code: codeAt(key, at) }, IP, at);
    expect(fieldsOf(noPassword).currentPassword).toBe('Vpišite trenutno geslo.');
    const wrongPassword = await disableTwoFactor(db, { id }, { currentPassword: 'napačno geslo 123', code: codeAt(key, at) }, IP, at);
    expect(fieldsOf(wrongPassword).currentPassword).toBe('Trenutno geslo ni pravilno.');
    const wrongCode = await disableTwoFactor(db, { id }, { currentPassword: DEMO_PASSWORD, code: codeAt(key, at, 4) }, IP, at);
    expect(wrongCode.ok).toBe(false);
    expect((await twoFactorStatus(db, { id, role: 'member' })).enabled).toBe(true);
    expect((await disableTwoFactor(db, { id }, { currentPassword: DEMO_PASSWORD, code: codeAt(key, at) }, IP, at)).ok).toBe(true);
    expect((await twoFactorStatus(db, { id, role: 'member' })).enabled).toBe(false);
    expect(await stepAfterPassword(db, id)).toBe('none');
    expect(Number((await db.selectFrom('two_factor_recovery_codes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    expect(await auditActions(db, id)).toContain('two_factor.disabled');
  });

  it('new recovery codes replace the old ones', async () => {
    const { db } = await seededDatabase();
    const { id, key, recoveryCodes } = await enrolled(db);
    const at = later(NOW, 30);
    const renewed = await renewRecoveryCodes(db, { id }, { renewCode: codeAt(key, at) }, IP, at);
    expect(renewed.ok).toBe(true);
    const token = await startPendingLogin(db, id, '/', IP, at);
    expect((await completePendingLogin(db, token, { recoveryCode: recoveryCodes[0] }, IP, at)).ok).toBe(false);
    if (renewed.ok) expect((await completePendingLogin(db, token, { recoveryCode: renewed.value.recoveryCodes[0] }, IP, at)).ok).toBe(true);
  });

  it('an administrator resets another person’s 2FA: their sessions end, it is audited', async () => {
    const { db } = await seededDatabase();
    const { id } = await enrolled(db);
    const sdp = await organisationId(db, 'MDP');
    const admin = { id: await userId(db, 'admin@posvet.test'), role: 'admin' as const, organisationId: sdp, organisationKind: 'government' };
    const moderator = { id: await userId(db, 'moderator@posvet.test'), role: 'moderator' as const, organisationId: sdp, organisationKind: 'government' };
    const lucia = createLucia(db);
    const session = await lucia.createSession(id, { ip: IP, userAgent: null });

    expect(messageOf(await resetTwoFactor(db, moderator, id, IP))).toBe('Tega dejanja ne smete izvesti.');
    expect((await resetTwoFactor(db, admin, admin.id, IP)).ok).toBe(false);
    expect(await resetTwoFactor(db, admin, id, IP)).toEqual({ ok: true });
    expect((await twoFactorStatus(db, { id, role: 'member' })).enabled).toBe(false);
    expect((await lucia.validateSession(session.id)).session).toBeNull();
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'two_factor.reset').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: admin.id, target_id: String(id) });
    expect((await resetTwoFactor(db, admin, id, IP)).ok).toBe(false);
  });
});

describe('roles that must use it (REQUIRE_2FA_ROLES)', () => {
  it('send a person without it to the setup page from everywhere but setup, sign-out and the legal pages', async () => {
    const { db } = await seededDatabase();
    const moderator = { id: await userId(db, 'moderator@posvet.test'), role: 'moderator' as const };
    const required = ['moderator', 'admin'] as const;
    const url = (path: string) => new URL(path, 'http://posvet.test');
    expect(await stepAfterPassword(db, moderator.id, required)).toBe('setup');
    expect(await stepAfterPassword(db, moderator.id, [])).toBe('none');
    expect(await twoFactorSetupRedirect(db, moderator, url('/moderacija?stran=2'), required)).toBe(
      '/moj-racun/dvostopenjska-prijava?vrnitev=%2Fmoderacija%3Fstran%3D2',
    );
    for (const open of ['/moj-racun/dvostopenjska-prijava', '/odjava', '/dostopnost', '/zasebnost']) {
      expect(await twoFactorSetupRedirect(db, moderator, url(open), required), open).toBeNull();
    }
    expect(await twoFactorSetupRedirect(db, moderator, url('/moderacija'), [])).toBeNull();
    expect(await twoFactorSetupRedirect(db, null, url('/moderacija'), required)).toBeNull();
    const member = { id: await userId(db, BLED), role: 'member' as const };
    expect(await twoFactorSetupRedirect(db, member, url('/organizacija'), required)).toBeNull();

    await enrolled(db, 'moderator@posvet.test');
    expect(await twoFactorSetupRedirect(db, moderator, url('/moderacija'), required)).toBeNull();
    expect(await stepAfterPassword(db, moderator.id, required)).toBe('code');
  });
});
