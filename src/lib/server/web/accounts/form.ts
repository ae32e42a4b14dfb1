import type { z } from 'astro/zod';
import type { Dictionary } from '../../../../i18n/index.ts';
import type { DomainError, ErrorCode, Result } from '../../../result.ts';
import { errorState, submitForm, type FormState, type SchemaFor, type Submitted } from '../form-handling.ts';

/**
 * The account pages' edge: they answer a refused form as they always have — 400 for what was typed
 * (not 422), 429 while throttled (`closed`: not now); a page may answer a code otherwise (sign-in:
 * a wrong password is 401; an expired link 410).
 */
export type Statuses = Partial<Record<ErrorCode, number>>;

export const ACCOUNT_STATUS: Record<ErrorCode, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 400, closed: 429 };

export type AccountSubmitted<T> = { ok: true; value: T; values: Record<string, string> } | ({ ok: false; code: ErrorCode } & FormState);

/** `submitForm` with the account pages' statuses; a refusal carries its code for the page to act on. */
export async function submitAccountForm<S extends z.ZodType, T>(
  context: { request: Request; locals: { t: Dictionary } },
  schema: SchemaFor<S>,
  command: (input: z.infer<S>, values: Record<string, string>) => Promise<Result<T>> | Result<T>,
  statuses: Statuses = {},
): Promise<AccountSubmitted<T>> {
  let code: ErrorCode = 'invalid';
  const submitted: Submitted<T> = await submitForm(context, schema, async (input, values) => {
    const result = await command(input, values);
    if (!result.ok) code = result.error.code;
    return result;
  });
  if (submitted.ok) return submitted;
  return { ...submitted, code, status: { ...ACCOUNT_STATUS, ...statuses }[code] };
}

/** A domain error as an account page shows it, with the page's statuses. */
export function refusedState(error: DomainError, t: Dictionary, values: Record<string, string> = {}, statuses: Statuses = {}): FormState {
  return { ...errorState(error, t, values), status: { ...ACCOUNT_STATUS, ...statuses }[error.code] };
}
