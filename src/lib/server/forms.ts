import type { z } from 'astro/zod';

/**
 * Form handling shared by every page: read a POSTed form, validate it with a zod schema whose
 * messages are Slovenian, and hand back either the data or the errors per field plus what the
 * person typed (never passwords), so the page can show an error summary and keep their input.
 */

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
}

export interface FormSuccess<T> {
  ok: true;
  data: T;
  values: Record<string, string>;
}

const SECRET_FIELDS = /password|geslo/i;
const MAX_FIELD_LENGTH = 20_000;

/** The form's text fields, trimmed of nothing (the schema decides), with control characters removed. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || name in values) continue;
    // Browsers send a textarea's line breaks as CR LF: one line break is one character to people,
    // and to our length limits. Keep tabs; drop other control characters and stray NULs.
    values[name] = value
      .replace(/\r\n?/g, '\n')
      .slice(0, MAX_FIELD_LENGTH)
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  }
  return values;
}

/** What to echo back into the form: everything but secrets. */
export function keptValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELDS.test(name)));
}

export function parseForm<S extends z.ZodType>(schema: S, values: Record<string, string>): FormSuccess<z.infer<S>> | FormFailure {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values: keptValues(values) };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: keptValues(values) };
}

export function failure(errors: FieldErrors, values: Record<string, string>): FormFailure {
  return { ok: false, errors, values: keptValues(values) };
}

/**
 * Reads a request's form body; a body that is not a form yields an empty one rather than a crash.
 * It reads a clone, so the page can still answer with Astro.rewrite('/404') afterwards.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  try {
    return formValues(await request.clone().formData());
  } catch {
    return {};
  }
}
