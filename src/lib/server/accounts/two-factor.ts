import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { z } from 'astro/zod';
import { renderSVG } from 'uqr';
import { t } from '../../../i18n/index.ts';
import { can, mustSetUpTwoFactorFirst, safeReturnPath, TWO_FACTOR_SETUP_PATH, type Actor } from './access.ts';
import { recordAudit } from '../platform/audit.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { failure, type FormFailure } from '../web/forms.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import type { Role } from '../platform/schema.ts';
import { endSessions } from './sessions.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';

/**
 * Two-factor sign-in with TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app speaks) through @oslojs/otp, plus single-use recovery codes.
 *
 * - The TOTP key must be readable by the server to check codes. With TWO_FACTOR_KEY configured it is
 *   stored AES-256-GCM-encrypted (bound to the user id), so a copy of the database alone does not
 *   yield it; without, it is stored as it is ('plain:'), as the README says.
 * - Recovery codes have 80 random bits and are stored only as SHA-256 hashes; each works once.
 * - After the password, a person with 2FA gets no session but a pending login: a random token in an
 *   HttpOnly cookie, stored hashed, valid 5 minutes, single use, 5 wrong codes and it is gone.
 * - Wrong codes are also counted per account over time (independent of pending logins).
 * - A code is accepted one step either side of now (clock skew), and never twice: the last accepted
 *   time step is stored and only later steps are accepted.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (±30 s of clock skew). */
export const TOTP_SKEW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const PENDING_LOGIN_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes per pending login; then it is void and the person starts again with the password. */
export const PENDING_LOGIN_MAX_FAILURES = 5;
/** Wrong codes per account (since its last right one, within a day) before waiting is imposed. */
export const ACCOUNT_FREE_CODE_FAILURES = 10;
const MAX_WAIT_MINUTES = 60;
const LOOKBACK_MS = 24 * 60 * 60 * 1000;
const ISSUER = 'Posvet';

const m = t.twoFactor;

// ——— keys ——————————————————————————————————————————————————————————————————————————————————

/** A new TOTP key: 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

function encryptionKey(keyText: string): Buffer {
  // Any configured text becomes a 256-bit key; it should itself be long and random.
  return createHash('sha256').update(`posvet-totp-v1\u0000${keyText}`, 'utf8').digest();
}

/** How a TOTP key is stored: encrypted under TWO_FACTOR_KEY when that is set. */
export function sealKey(key: Uint8Array, userId: number, keyText: string | undefined = config.twoFactorKey): string {
  if (!keyText) return `plain:${encodeBase32UpperCaseNoPadding(key)}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(keyText), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`, 'utf8'));
  const sealed = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return `enc:v1:${sealed.toString('base64url')}`;
}

/** The stored TOTP key, or null when it cannot be read (encrypted under another key, or damaged). */
export function openKey(stored: string, userId: number, keyText: string | undefined = config.twoFactorKey): Uint8Array | null {
  try {
    if (stored.startsWith('plain:')) return decodeBase32IgnorePadding(stored.slice('plain:'.length));
    if (!stored.startsWith('enc:v1:') || !keyText) return null;
    const sealed = Buffer.from(stored.slice('enc:v1:'.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(keyText), sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(`user:${userId}`, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]));
  } catch {
    return null;
  }
}

/** The key as people type it into an app: base32, in groups of four. */
export function formatKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
}

export function totpUri(email: string, key: Uint8Array): string {
  return createTOTPKeyURI(ISSUER, email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

// Exactly what uqr's renderSVG emits: numbers, fixed words and path commands — no text of anyone's.
const QR_SVG = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"><rect fill="white" width="\d+" height="\d+"\/><path fill="black" d="[Mhvz0-9,-]*"\/><\/svg>$/;

/**
 * The QR code of an otpauth URI as inline SVG markup. uqr draws it from the code's module matrix
 * with presentation attributes (no style attributes, which the CSP would block); the output is
 * checked against the fixed shape above before it is ever put into a page.
 */
export function qrCodeSvg(uri: string): string {
  const svg = renderSVG(uri, { ecc: 'M', border: 2 });
  if (!QR_SVG.test(svg)) throw new Error('unexpected QR code markup');
  return svg.replace('<svg ', '<svg class="qr-code" aria-hidden="true" focusable="false" ');
}

// ——— codes —————————————————————————————————————————————————————————————————————————————————

export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

export type TotpCheck = { kind: 'ok'; step: number } | { kind: 'reused' } | { kind: 'wrong' };

/**
 * Checks a 6-digit code against the key at `now`, one step either side; a code of a step at or
 * before `lastUsedStep` is refused as reused.
 */
export function checkTotp(key: Uint8Array, code: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const current = timeStep(now);
  let reused = false;
  for (let step = current - TOTP_SKEW_STEPS; step <= current + TOTP_SKEW_STEPS; step++) {
    if (!verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) reused = true;
    else return { kind: 'ok', step };
  }
  return reused ? { kind: 'reused' } : { kind: 'wrong' };
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code: 16 characters from an unambiguous alphabet of 31 (79 bits), in groups of four. */
export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 16; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** What a typed recovery code is compared as: lower case, without spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normaliseRecoveryCode(code)}`);
}

/** A 6-digit code as typed: spaces are allowed (some apps show "123 456"). */
function normaliseTotpCode(code: string): string {
  return code.replace(/\s/g, '');
}

const totpCodeField = z
  .string({ error: m.errors.codeRequired })
  .transform(normaliseTotpCode)
  .pipe(z.string().min(1, { error: m.errors.codeRequired }).regex(/^\d{6}$/, { error: m.errors.codeFormat }));

// ——— state —————————————————————————————————————————————————————————————————————————————————

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** Their role must use it (REQUIRE_2FA_ROLES). */
  required: boolean;
}

export function requiredFor(role: Role, requiredRoles: readonly Role[] = config.requireTwoFactorRoles): boolean {
  return requiredRoles.includes(role);
}

export async function twoFactorStatus(db: Db, user: { id: number; role: Role }): Promise<TwoFactorStatus> {
  const row = await db.selectFrom('two_factor').select('enabled_at').where('user_id', '=', user.id).executeTakeFirst();
  const enabledAt = row?.enabled_at ?? null;
  const left = enabledAt
    ? Number(
        (
          await db
            .selectFrom('two_factor_recovery_codes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', user.id)
            .where('used_at', 'is', null)
            .executeTakeFirst()
        )?.n ?? 0,
      )
    : 0;
  return { enabled: !!enabledAt, enabledAt, recoveryCodesLeft: left, required: requiredFor(user.role) };
}

async function isEnabled(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('two_factor').select('enabled_at').where('user_id', '=', userId).executeTakeFirst();
  return !!row?.enabled_at;
}

/**
 * The gate the middleware applies: where to send a signed-in person whose role requires 2FA and who
 * has not set it up, or null to let the request through. Costs a query only for those roles.
 */
export async function twoFactorSetupRedirect(
  db: Db,
  user: { id: number; role: Role } | null | undefined,
  url: URL,
  requiredRoles: readonly Role[] = config.requireTwoFactorRoles,
): Promise<string | null> {
  if (!user || !requiredRoles.includes(user.role)) return null;
  if (!mustSetUpTwoFactorFirst(user, false, requiredRoles, url.pathname)) return null;
  if (await isEnabled(db, user.id)) return null;
  return `${TWO_FACTOR_SETUP_PATH}?vrnitev=${encodeURIComponent(url.pathname + url.search)}`;
}

/** What happens after a right password: a code is asked, 2FA must be set up first, or nothing more. */
export async function stepAfterPassword(db: Db, userId: number, requiredRoles: readonly Role[] = config.requireTwoFactorRoles): Promise<'code' | 'setup' | 'none'> {
  if (await isEnabled(db, userId)) return 'code';
  const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirstOrThrow();
  return requiredRoles.includes(user.role) ? 'setup' : 'none';
}

// ——— setup —————————————————————————————————————————————————————————————————————————————————

export interface SetupView {
  /** Base32 key in groups of four, for typing into an app. */
  key: string;
  uri: string;
  svg: string;
}

/**
 * The key being set up for this person (made on first visit, kept until confirmed so that a reload
 * does not invalidate what they scanned), or null when 2FA is already on.
 */
export async function setupView(db: Db, user: { id: number; email: string }): Promise<SetupView | null> {
  let row = await db.selectFrom('two_factor').select(['secret', 'enabled_at']).where('user_id', '=', user.id).executeTakeFirst();
  if (row?.enabled_at) return null;
  let key = row ? openKey(row.secret, user.id) : null;
  if (!row || !key) {
    key = generateTotpKey();
    const secret = sealKey(key, user.id);
    await db
      .insertInto('two_factor')
      .values({ user_id: user.id, secret, enabled_at: null, last_used_step: null, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret }).where('two_factor.enabled_at', 'is', null))
      .execute();
    row = await db.selectFrom('two_factor').select(['secret', 'enabled_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    if (row.enabled_at) return null;
    key = openKey(row.secret, user.id)!;
  }
  const uri = totpUri(user.email, key);
  return { key: formatKey(key), uri, svg: qrCodeSvg(uri) };
}

async function replaceRecoveryCodes(db: Db, userId: number, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code), used_at: null, created_at: now.toISOString() })))
    .execute();
  return codes;
}

/** A refused code form; 429 when the account must wait before another code is checked. */
export type CodeFormFailure = FormFailure & { status?: 400 | 429 };
export type CodesOutcome = { ok: true; recoveryCodes: string[] } | CodeFormFailure;

class Refused extends Error {}

/**
 * Turns 2FA on once the person proves their app has the key with a current code. Returns the
 * recovery codes — the only time they exist outside the person's hands. Other sessions end.
 */
export async function confirmSetup(
  db: Db,
  user: { id: number },
  values: Record<string, string>,
  sessionToken: string | undefined,
  ip: string,
  now = new Date(),
): Promise<CodesOutcome> {
  const parsed = totpCodeField.safeParse(values.code ?? '');
  if (!parsed.success) return failure({ code: parsed.error.issues[0].message }, values);
  const row = await db.selectFrom('two_factor').selectAll().where('user_id', '=', user.id).executeTakeFirst();
  if (!row || row.enabled_at) return failure({ _form: m.errors.alreadyEnabled }, values);
  const key = openKey(row.secret, user.id);
  const check = key ? checkTotp(key, parsed.data, now, row.last_used_step) : ({ kind: 'wrong' } as const);
  if (check.kind !== 'ok') {
    await recordAudit(db, { actorUserId: user.id, action: 'two_factor.failed', targetType: 'user', targetId: user.id, after: { during: 'setup', reason: check.kind }, ip });
    return failure({ code: m.errors.codeWrong }, values);
  }
  try {
    const codes = await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('two_factor')
        .set({ enabled_at: now.toISOString(), last_used_step: check.step })
        .where('user_id', '=', user.id)
        .where('enabled_at', 'is', null)
        .where('secret', '=', row.secret)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Refused();
      const codes = await replaceRecoveryCodes(trx, user.id, now);
      await endSessions(trx, user.id, sessionToken);
      await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.enabled', targetType: 'user', targetId: user.id, ip });
      return codes;
    });
    return { ok: true, recoveryCodes: codes };
  } catch (error) {
    if (error instanceof Refused) return failure({ _form: m.errors.alreadyEnabled }, values);
    throw error;
  }
}

// ——— checking a code (sign-in, disabling, new recovery codes) —————————————————————————————

/** Whole minutes (at least 1) this account must wait before another code is checked, or 0. */
export async function codeWaitMinutes(db: Db, userId: number, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const lastSuccess = await db
    .selectFrom('two_factor_attempts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('user_id', '=', userId)
    .where('succeeded', '=', 1)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('two_factor_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last')])
    .where('user_id', '=', userId)
    .where('succeeded', '=', 0)
    .where('created_at', '>', from)
    .executeTakeFirst();
  const count = Number(row?.count ?? 0);
  if (count < ACCOUNT_FREE_CODE_FAILURES || !row?.last) return 0;
  const minutes = Math.min(2 ** (count - ACCOUNT_FREE_CODE_FAILURES), MAX_WAIT_MINUTES);
  const remaining = new Date(row.last).getTime() + minutes * 60_000 - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 60_000) : 0;
}

type CodeKind = 'totp' | 'recovery';
type CodeCheck =
  | { ok: true; kind: 'totp'; step: number }
  | { ok: true; kind: 'recovery'; codeId: number }
  | { ok: false; kind: CodeKind; reason: 'wrong' | 'reused' };

/** A typed code is a 6-digit TOTP code, or else a recovery code. */
function codeKind(code: string): CodeKind {
  return /^\d{6}$/.test(normaliseTotpCode(code)) ? 'totp' : 'recovery';
}

async function checkCode(db: Db, userId: number, code: string, now: Date, allowRecovery: boolean): Promise<CodeCheck> {
  const kind = codeKind(code);
  if (kind === 'totp') {
    const row = await db.selectFrom('two_factor').select(['secret', 'last_used_step']).where('user_id', '=', userId).where('enabled_at', 'is not', null).executeTakeFirst();
    const key = row ? openKey(row.secret, userId) : null;
    if (!row || !key) return { ok: false, kind, reason: 'wrong' };
    const check = checkTotp(key, normaliseTotpCode(code), now, row.last_used_step);
    return check.kind === 'ok' ? { ok: true, kind, step: check.step } : { ok: false, kind, reason: check.kind };
  }
  if (!allowRecovery || normaliseRecoveryCode(code).length !== 16) return { ok: false, kind, reason: 'wrong' };
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select(['id', 'used_at'])
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .executeTakeFirst();
  if (!row) return { ok: false, kind, reason: 'wrong' };
  if (row.used_at) return { ok: false, kind, reason: 'reused' };
  return { ok: true, kind, codeId: row.id };
}

/** Uses up what a right code consumed, in the caller's transaction; false when someone was first. */
async function consumeCode(trx: Db, userId: number, check: Extract<CodeCheck, { ok: true }>, now: Date): Promise<boolean> {
  if (check.kind === 'totp') {
    const updated = await trx
      .updateTable('two_factor')
      .set({ last_used_step: check.step })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', check.step)]))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
  const updated = await trx
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', check.codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

function codeError(kind: CodeKind, reason: 'wrong' | 'reused'): string {
  if (kind === 'recovery') return m.errors.recoveryWrong;
  return reason === 'reused' ? m.errors.codeReused : m.errors.codeWrong;
}

async function recordFailure(db: Db, userId: number, kind: CodeKind, reason: string, during: string, ip: string, now: Date): Promise<void> {
  await db.insertInto('two_factor_attempts').values({ user_id: userId, succeeded: 0, created_at: now.toISOString() }).execute();
  await recordAudit(db, { actorUserId: userId, action: 'two_factor.failed', targetType: 'user', targetId: userId, after: { during, kind, reason }, ip });
}

async function recordSuccess(db: Db, userId: number, check: Extract<CodeCheck, { ok: true }>, ip: string, now: Date): Promise<void> {
  await db.insertInto('two_factor_attempts').values({ user_id: userId, succeeded: 1, created_at: now.toISOString() }).execute();
  if (check.kind === 'recovery') {
    await recordAudit(db, { actorUserId: userId, action: 'two_factor.recovery_code_used', targetType: 'user', targetId: userId, ip });
  }
}

// ——— sign-in ———————————————————————————————————————————————————————————————————————————————

/** After a right password: a pending login (no session yet). Returns the token for the cookie. */
export async function startPendingLogin(db: Db, userId: number, returnTo: string, ip: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await db.transaction().execute(async (trx) => {
    // Old pending logins of this person are of no further use.
    await trx
      .deleteFrom('two_factor_pending_logins')
      .where('user_id', '=', userId)
      .where('expires_at', '<', new Date(now.getTime() - LOOKBACK_MS).toISOString())
      .execute();
    await trx
      .insertInto('two_factor_pending_logins')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        return_to: safeReturnPath(returnTo),
        failures: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + PENDING_LOGIN_LIFETIME_MS).toISOString(),
        used_at: null,
      })
      .execute();
    await recordAudit(trx, { actorUserId: userId, action: 'two_factor.challenged', targetType: 'user', targetId: userId, ip });
  });
  return token;
}

/** A pending login that can still be completed, or undefined. */
export async function findPendingLogin(db: Db, token: string | undefined, now = new Date()) {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom('two_factor_pending_logins as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('two_factor as f', 'f.user_id', 'p.user_id')
    .select(['p.id', 'p.user_id', 'p.return_to', 'p.failures'])
    .where('p.token_hash', '=', hashToken(token))
    .where('p.used_at', 'is', null)
    .where('p.expires_at', '>', now.toISOString())
    .where('p.failures', '<', PENDING_LOGIN_MAX_FAILURES)
    .where('u.status', '=', 'active')
    .where('f.enabled_at', 'is not', null)
    .executeTakeFirst();
}

export type SecondFactorOutcome =
  | { ok: true; userId: number; returnTo: string; usedRecoveryCode: boolean }
  /** No such pending login (never, expired, used): back to the password step. */
  | { ok: false; expired: true; lockedOut?: undefined }
  /** This was the last wrong code this pending login allowed: back to the password step. */
  | { ok: false; lockedOut: true; expired?: undefined }
  | (FormFailure & { status: 400 | 401 | 429; expired?: undefined; lockedOut?: undefined });

/**
 * The second step of signing in: a 6-digit code (field `code`) or a recovery code (field
 * `recoveryCode`) for the pending login. On success the pending login is used up; the caller
 * creates the session.
 */
export async function completePendingLogin(
  db: Db,
  token: string | undefined,
  values: Record<string, string>,
  ip: string,
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const pending = await findPendingLogin(db, token, now);
  if (!pending) return { ok: false, expired: true };
  const recovery = values.recoveryCode !== undefined;
  const field = recovery ? 'recoveryCode' : 'code';
  const code = (recovery ? values.recoveryCode : values.code ?? '').trim().slice(0, 100);
  if (!code) return { ...failure({ [field]: recovery ? m.errors.recoveryRequired : m.errors.codeRequired }, values), status: 400 };
  if (!recovery && !/^\d{6}$/.test(normaliseTotpCode(code))) return { ...failure({ code: m.errors.codeFormat }, values), status: 400 };

  const wait = await codeWaitMinutes(db, pending.user_id, now);
  if (wait > 0) return { ...failure({ _form: m.errors.throttled(wait) }, values), status: 429 };

  const check = await checkCode(db, pending.user_id, code, now, recovery);
  if (!check.ok) {
    const lockedOut = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('two_factor_pending_logins')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('id', '=', pending.id)
        .returning('failures')
        .executeTakeFirstOrThrow();
      await recordFailure(trx, pending.user_id, check.kind, check.reason, 'login', ip, now);
      if (row.failures >= PENDING_LOGIN_MAX_FAILURES) {
        await trx.updateTable('two_factor_pending_logins').set({ used_at: now.toISOString() }).where('id', '=', pending.id).execute();
        await recordAudit(trx, { actorUserId: pending.user_id, action: 'two_factor.pending_login_voided', targetType: 'user', targetId: pending.user_id, ip });
        return true;
      }
      return false;
    });
    if (lockedOut) return { ok: false, lockedOut: true };
    return { ...failure({ [field]: codeError(check.kind, check.reason) }, values), status: 401 };
  }

  const done = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('two_factor_pending_logins')
      .set({ used_at: now.toISOString() })
      .where('id', '=', pending.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return 'expired' as const;
    if (!(await consumeCode(trx, pending.user_id, check, now))) throw new Refused();
    await recordSuccess(trx, pending.user_id, check, ip, now);
    await recordAudit(trx, { actorUserId: pending.user_id, action: 'login.two_factor_succeeded', targetType: 'user', targetId: pending.user_id, ip });
    return 'ok' as const;
  }).catch(async (error) => {
    if (!(error instanceof Refused)) throw error;
    // The same code was used a moment ago by another request: a reuse like any other.
    await db.transaction().execute((trx) => recordFailure(trx, pending.user_id, check.kind, 'reused', 'login', ip, now));
    return 'reused' as const;
  });
  if (done === 'expired') return { ok: false, expired: true };
  if (done === 'reused') return { ...failure({ [field]: codeError(check.kind, 'reused') }, values), status: 401 };
  return { ok: true, userId: pending.user_id, returnTo: pending.return_to, usedRecoveryCode: check.kind === 'recovery' };
}

// ——— managing it ———————————————————————————————————————————————————————————————————————————

/**
 * Checks a code for a change to the person's own 2FA (throttled per account like sign-in) and, in
 * `change`, applies the change in the same transaction that uses up the code.
 */
async function withVerifiedCode<T>(
  db: Db,
  userId: number,
  code: string,
  allowRecovery: boolean,
  during: string,
  ip: string,
  now: Date,
  change: (trx: Db) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string; status: 400 | 429 }> {
  const wait = await codeWaitMinutes(db, userId, now);
  if (wait > 0) return { ok: false, error: m.errors.throttled(wait), status: 429 };
  const check = await checkCode(db, userId, code, now, allowRecovery);
  if (!check.ok) {
    await db.transaction().execute((trx) => recordFailure(trx, userId, check.kind, check.reason, during, ip, now));
    return { ok: false, error: codeError(check.kind, check.reason), status: 400 };
  }
  try {
    const value = await db.transaction().execute(async (trx) => {
      if (!(await consumeCode(trx, userId, check, now))) throw new Refused();
      await recordSuccess(trx, userId, check, ip, now);
      return change(trx);
    });
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { ok: false, error: codeError(check.kind, 'reused'), status: 400 };
  }
}

/** Turns 2FA off: needs the current password and a code from the app or a recovery code. */
export async function disableTwoFactor(
  db: Db,
  user: { id: number },
  values: Record<string, string>,
  ip: string,
  now = new Date(),
): Promise<{ ok: true } | CodeFormFailure> {
  const password = (values.currentPassword ?? '').slice(0, MAX_PASSWORD_LENGTH + 1);
  const code = (values.code ?? '').trim().slice(0, 100);
  const errors: Record<string, string> = {};
  if (!password) errors.currentPassword = t.account.errors.currentPasswordRequired;
  if (!code) errors.code = m.errors.codeOrRecoveryRequired;
  if (Object.keys(errors).length > 0) return failure(errors, values);
  if (!(await isEnabled(db, user.id))) return failure({ _form: m.errors.notEnabled }, values);
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (password.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(row.password_hash, password))) {
    return failure({ currentPassword: t.account.errors.currentPasswordWrong }, values);
  }
  const outcome = await withVerifiedCode(db, user.id, code, true, 'disable', ip, now, async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_factor_pending_logins').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_factor').where('user_id', '=', user.id).execute();
    await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.disabled', targetType: 'user', targetId: user.id, ip });
  });
  return outcome.ok ? { ok: true } : { ...failure({ code: outcome.error }, values), status: outcome.status };
}

/** New recovery codes in place of all earlier ones; needs a current code from the app. */
export async function renewRecoveryCodes(
  db: Db,
  user: { id: number },
  values: Record<string, string>,
  ip: string,
  now = new Date(),
): Promise<CodesOutcome> {
  const parsed = totpCodeField.safeParse(values.renewCode ?? '');
  if (!parsed.success) return failure({ renewCode: parsed.error.issues[0].message }, values);
  if (!(await isEnabled(db, user.id))) return failure({ _form: m.errors.notEnabled }, values);
  const outcome = await withVerifiedCode(db, user.id, parsed.data, false, 'renew_recovery_codes', ip, now, async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id, now);
    await recordAudit(trx, { actorUserId: user.id, action: 'two_factor.recovery_codes_renewed', targetType: 'user', targetId: user.id, ip });
    return codes;
  });
  return outcome.ok ? { ok: true, recoveryCodes: outcome.value } : { ...failure({ renewCode: outcome.error }, values), status: outcome.status };
}

/** People with 2FA on, for the administrators' list. */
export async function listTwoFactorUsers(db: Db) {
  return db
    .selectFrom('two_factor as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'o.name as organisation_name', 'f.enabled_at'])
    .where('f.enabled_at', 'is not', null)
    .orderBy('u.name')
    .execute();
}

export type ResetOutcome = { ok: true } | { ok: false; error: string };

/**
 * An administrator resets someone's 2FA (a lost phone): key, recovery codes and pending logins go,
 * every session of theirs ends; at their next sign-in they set it up again (if their role requires
 * it) or sign in with the password alone. Not for one's own account — that is what disabling is for.
 */
export async function resetTwoFactor(db: Db, actor: Actor, targetUserId: number, ip: string): Promise<ResetOutcome> {
  if (!can(actor, 'administer')) return { ok: false, error: t.access.notAllowed };
  if (actor.id === targetUserId) return { ok: false, error: m.admin.notYourself };
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('two_factor').where('user_id', '=', targetUserId).where('enabled_at', 'is not', null).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) return { ok: false, error: m.admin.notEnabled };
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', targetUserId).execute();
    await trx.deleteFrom('two_factor_pending_logins').where('user_id', '=', targetUserId).execute();
    await endSessions(trx, targetUserId);
    await recordAudit(trx, { actorUserId: actor.id, action: 'two_factor.reset', targetType: 'user', targetId: targetUserId, ip });
    return { ok: true };
  });
}

