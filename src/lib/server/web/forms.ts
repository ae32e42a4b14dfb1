import { isUtf8 } from 'node:buffer';
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

/** The largest form body we read: a 10,000-character comment with its other fields fits many times over. */
export const MAX_FORM_BYTES = 256 * 1024;

/** The boundary parameter of a multipart content type. */
function multipartBoundary(type: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(type);
  return match?.[1] ?? match?.[2];
}

/**
 * Are a multipart body's field names and text values UTF-8? The parser would quietly turn other
 * bytes into U+FFFD. Each part between boundaries is checked as bytes: a text field whole, a file
 * (which our forms do not have, and which is dropped) only its headers.
 */
function multipartTextIsUtf8(bytes: Uint8Array, boundary: string): boolean {
  // One character per byte, so parts can be cut by string search and turned back into their bytes.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const parts = raw.split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break; // the closing delimiter; what follows is not read
    const headerEnd = part.indexOf('\r\n\r\n');
    const head = headerEnd === -1 ? part : part.slice(0, headerEnd);
    const checked = /;\s*filename\*?=/i.test(head) ? head : part;
    if (!isUtf8(Buffer.from(checked, 'latin1'))) return false;
  }
  return true;
}

/**
 * Reads a request's form body, URL-encoded or multipart alike. A body that is not a form, is not
 * valid UTF-8, or is larger than MAX_FORM_BYTES yields no fields (so validation answers with its
 * messages) rather than a crash or a half-decoded value. It reads a clone, so the page can still
 * answer with Astro.rewrite() afterwards.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  try {
    const copy = request.clone();
    const type = copy.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      if (Number(copy.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return {};
      const bytes = new Uint8Array(await copy.arrayBuffer());
      const boundary = multipartBoundary(type);
      if (bytes.byteLength > MAX_FORM_BYTES || !boundary || !multipartTextIsUtf8(bytes, boundary)) return {};
      return formValues(await new Response(bytes, { headers: { 'content-type': type } }).formData());
    }
    if (!type.startsWith('application/x-www-form-urlencoded')) return {};
    const bytes = new Uint8Array(await copy.arrayBuffer());
    if (bytes.byteLength > MAX_FORM_BYTES) return {};
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const params = new URLSearchParams(text);
    // Percent-escapes that are not UTF-8 decode to U+FFFD: refuse them rather than store mangled text.
    for (const [name, value] of params) if (name.includes('\uFFFD') || value.includes('\uFFFD')) return {};
    const form = new FormData();
    for (const [name, value] of params) form.append(name, value);
    return formValues(form);
  } catch {
    return {};
  }
}
