import { dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import { passwordChangeInput, signInInput } from '../../src/lib/server/accounts/input.ts';
import { changePassword } from '../../src/lib/server/accounts/password-change.ts';
import { attemptLogin } from '../../src/lib/server/accounts/sign-in.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { refusedState, type Statuses } from '../../src/lib/server/web/accounts/form.ts';
import { parseForm } from '../../src/lib/server/web/forms.ts';

/** The account use cases as their pages answer them: the form's schema, the command, the status. */

export const t = dictionary();

/** A refusal as the page shows it (status, errors per field, what was typed); a success as it is. */
export function answered<T>(result: Result<T>, statuses: Statuses = {}, values: Record<string, string> = {}) {
  return result.ok ? result : { ok: false as const, ...refusedState(result.error, t, values, statuses) };
}

/** The text of a refusal: its message, else its first field's. */
export function messageOf(result: Result<unknown>): string | undefined {
  if (result.ok) return undefined;
  return (result.error.message ?? Object.values(result.error.fields ?? {})[0])?.(t);
}

/** A refusal's messages per field. */
export function fieldsOf(result: Result<unknown>): Record<string, string> {
  return result.ok ? {} : Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([field, message]) => [field, message(t)]));
}

/** /prijava: the form's schema (400), then the password check (401, 429). */
export async function login(db: Db, values: Record<string, string>, ip: string) {
  const parsed = parseForm(signInInput(t), values);
  if (!parsed.ok) return { ok: false as const, status: 400, errors: parsed.errors, values: parsed.values };
  return answered(await attemptLogin(db, parsed.data, ip), { forbidden: 401 }, values);
}

/** The password form of /moj-racun (400, 429 while throttled). */
export async function changePasswordForm(db: Db, user: { id: number; email: string }, values: Record<string, string>, sessionToken: string, ip: string) {
  return answered(await changePassword(db, user, passwordChangeInput.parse(values), sessionToken, ip), {}, values);
}
