import { hash, verify } from '@node-rs/argon2';
import type { Message } from '../../../i18n/index.ts';
import type { FieldMessages } from '../../result.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// argon2id (the package's default algorithm) with OWASP's recommended minimum cost: 19 MiB, t=2, p=1.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when there is no account, so a missing account takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that nobody has');
  return decoyHash;
}

function isTrivial(password: string): boolean {
  const lower = password.toLowerCase();
  if (/^(.)\1+$/.test(lower)) return true;
  // Runs such as 123456789012 or abcdefghijkl.
  const sequence = '01234567890123456789abcdefghijklmnopqrstuvwxyzqwertzuiopasdfghjklyxcvbnm';
  return lower.length >= MIN_PASSWORD_LENGTH && sequence.includes(lower);
}

/** Why a new password is not acceptable; undefined when it is fine. Never logs it. */
export function passwordProblem(password: string, email: string): Message | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return (t) => t.account.passwordRules.tooShort(MIN_PASSWORD_LENGTH);
  if (password.length > MAX_PASSWORD_LENGTH) return (t) => t.account.passwordRules.tooLong(MAX_PASSWORD_LENGTH);
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if ((address && lower.includes(address)) || (localPart.length >= 4 && lower.includes(localPart))) return (t) => t.account.passwordRules.containsEmail;
  if (COMMON_PASSWORDS.has(lower) || isTrivial(password)) return (t) => t.account.passwordRules.tooCommon;
  return undefined;
}

/** A new password (and its repetition, when the form has one) as typed. */
export interface NewPassword {
  password: string;
  passwordConfirm?: string;
}

/** What is wrong with a new password, per field: required, the rules above, the repetition. */
export function newPasswordProblems(input: NewPassword, email: string): FieldMessages {
  if (!input.password) return { password: (t) => t.account.errors.newPasswordRequired };
  const problem = passwordProblem(input.password, email);
  if (problem) return { password: problem };
  if (input.passwordConfirm !== undefined && input.password !== input.passwordConfirm) return { passwordConfirm: (t) => t.account.errors.passwordsDiffer };
  return {};
}
