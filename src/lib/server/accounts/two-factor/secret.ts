import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { renderSVG } from 'uqr';
import type { Message } from '../../../../i18n/index.ts';
import { config } from '../../platform/config.ts';
import { hashToken } from '../../platform/tokens.ts';

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
const ISSUER = 'Posvet';

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

export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normaliseRecoveryCode(code)}`);
}

/** A 6-digit code as typed: spaces are allowed (some apps show "123 456"). */
export function normaliseTotpCode(code: string): string {
  return code.replace(/\s/g, '');
}

/** Why a typed code from the app is refused before it is checked, or undefined. */
export function totpCodeProblem(code: string): Message | undefined {
  const normalised = normaliseTotpCode(code);
  if (!normalised) return (t) => t.twoFactor.errors.codeRequired;
  if (!/^\d{6}$/.test(normalised)) return (t) => t.twoFactor.errors.codeFormat;
  return undefined;
}
