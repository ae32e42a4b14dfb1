import type { z } from 'astro/zod';
import type { Dictionary } from '../../../i18n/index.ts';
import type { DomainError, ErrorCode, Result } from '../../result.ts';
import { keptValues, parseForm, readForm } from './forms.ts';

/**
 * The edge between a posted form and a use case: read the form, validate it with a schema in the
 * reader's language, run the command, and turn a domain error into what the page shows — the HTTP
 * status, a message, the errors per field and what the person typed (never passwords).
 */

/** The HTTP status that answers each domain error. */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 422,
};

/** What a page shows after a refused form. */
export interface FormState {
  status: number;
  /** Above the form (and first in the error summary). */
  message?: string;
  /** Field name → message; `_form` is the form as a whole. */
  errors: Record<string, string>;
  values: Record<string, string>;
}

export const EMPTY_FORM: FormState = { status: 200, errors: {}, values: {} };

/** A domain error as the page shows it. */
export function errorState(error: DomainError, t: Dictionary, values: Record<string, string> = {}): FormState {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields ?? {})) errors[field] = message(t);
  const message = error.message?.(t);
  if (message && Object.keys(errors).length === 0) errors._form = message;
  return { status: STATUS_OF[error.code], message, errors, values: keptValues(values) };
}

/** A schema built for a dictionary (its messages in that language), or one without messages of its own. */
export type SchemaFor<S extends z.ZodType> = S | ((t: Dictionary) => S);

export type Submitted<T> = { ok: true; value: T; values: Record<string, string> } | ({ ok: false } & FormState);

/**
 * The usual POST: read and validate the form, then run `command` with the typed input. A schema
 * failure answers 422 with the fields' messages; a command's error answers its status.
 */
export async function submitForm<S extends z.ZodType, T>(
  context: { request: Request; locals: { t: Dictionary } },
  schema: SchemaFor<S>,
  command: (input: z.infer<S>, values: Record<string, string>) => Promise<Result<T>> | Result<T>,
): Promise<Submitted<T>> {
  const values = await readForm(context.request);
  const t = context.locals.t;
  const parsed = parseForm(typeof schema === 'function' ? (schema as (t: Dictionary) => S)(t) : schema, values);
  if (!parsed.ok) return { ok: false, status: 422, errors: parsed.errors, values: parsed.values };
  const result = await command(parsed.data, values);
  if (result.ok) return { ok: true, value: result.value, values: parsed.values };
  return { ok: false, ...errorState(result.error, t, values) };
}
