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

/**
 * Where an area's pages have always answered an error code with another status (the account and
 * moderation forms answer what was typed wrong with 400, not 422), they say so once, here.
 */
export type Statuses = Partial<Record<ErrorCode, number>>;

/** A domain error as the page shows it. */
export function errorState(error: DomainError, t: Dictionary, values: Record<string, string> = {}, statuses: Statuses = {}): FormState {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields ?? {})) errors[field] = message(t);
  const message = error.message?.(t);
  if (message && Object.keys(errors).length === 0) errors._form = message;
  return { status: statuses[error.code] ?? STATUS_OF[error.code], message, errors, values: keptValues(values) };
}

/** A schema built for a dictionary (its messages in that language), or one without messages of its own. */
export type SchemaFor<S extends z.ZodType> = S | ((t: Dictionary) => S);

export type Submitted<T> = { ok: true; value: T; values: Record<string, string> } | ({ ok: false; code: ErrorCode } & FormState);

/**
 * The usual POST: read and validate the form, then run `command` with the typed input. A schema
 * failure is `invalid` (422 unless `statuses` says otherwise) with the fields' messages; a command's
 * error answers its code's status. A page that already read the form passes its `values`.
 */
export async function submitForm<S extends z.ZodType, T>(
  context: { request: Request; locals: { t: Dictionary } },
  schema: SchemaFor<S>,
  command: (input: z.infer<S>, values: Record<string, string>) => Promise<Result<T>> | Result<T>,
  options: { statuses?: Statuses; values?: Record<string, string> } = {},
): Promise<Submitted<T>> {
  const { statuses = {} } = options;
  const values = options.values ?? (await readForm(context.request));
  const t = context.locals.t;
  const parsed = parseForm(typeof schema === 'function' ? (schema as (t: Dictionary) => S)(t) : schema, values);
  if (!parsed.ok) return { ok: false, code: 'invalid', status: statuses.invalid ?? STATUS_OF.invalid, errors: parsed.errors, values: parsed.values };
  const result = await command(parsed.data, values);
  if (result.ok) return { ok: true, value: result.value, values: parsed.values };
  return { ok: false, code: result.error.code, ...errorState(result.error, t, values, statuses) };
}
