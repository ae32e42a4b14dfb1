import type { Message } from '../i18n/index.ts';

/**
 * What a use case answers: its value, or one of a small closed set of errors. Domain modules speak
 * only this; the web edge (src/lib/server/web/form-handling.ts) turns an error into an HTTP status
 * and the reader's language. Messages are functions of the dictionary, so the domain holds no text.
 */

export const ERROR_CODES = [
  /** The input breaks a rule: `fields` says which field and why. */
  'invalid',
  /** This actor may not do this. */
  'forbidden',
  /** No such thing (or not visible to this actor). */
  'not_found',
  /** The thing's state does not allow it (already withdrawn, decided, stale edit…). */
  'conflict',
  /** The consultation window does not allow it now (answered 422: the form is fine, the moment is not). */
  'closed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name → why its value was refused. `_form` is the form as a whole. */
export type FieldMessages = Record<string, Message>;

export interface DomainError {
  code: ErrorCode;
  /** Shown above the form or on the page; absent when the field messages say it all. */
  message?: Message;
  fields?: FieldMessages;
}

export type Result<T = undefined> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): { ok: true; value: T };
export function ok(): { ok: true; value: undefined };
export function ok<T>(value?: T) {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message?: Message, fields?: FieldMessages): { ok: false; error: DomainError } {
  return { ok: false, error: { code, ...(message ? { message } : {}), ...(fields ? { fields } : {}) } };
}

/** An `invalid` error for the given fields. */
export function invalid(fields: FieldMessages, message?: Message): { ok: false; error: DomainError } {
  return fail('invalid', message, fields);
}
