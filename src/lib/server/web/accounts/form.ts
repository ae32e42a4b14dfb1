import type { z } from 'astro/zod';
import type { Dictionary } from '../../../../i18n/index.ts';
import type { DomainError, Result } from '../../../result.ts';
import { errorState, submitForm, type FormState, type SchemaFor, type Statuses, type Submitted } from '../form-handling.ts';

/**
 * The account pages' edge: they answer a refused form as they always have — 400 for what was typed
 * (not 422) and for a refusal with a reason, 429 while throttled (`closed`: not now); a page may
 * answer a code otherwise (sign-in: a wrong password is 401; an expired link 410).
 */
export type { Statuses };

export const ACCOUNT_STATUS: Statuses = { invalid: 400, conflict: 400, closed: 429 };

export type AccountSubmitted<T> = Submitted<T>;

/** `submitForm` with the account pages' statuses; a refusal carries its code for the page to act on. */
export function submitAccountForm<S extends z.ZodType, T>(
  context: { request: Request; locals: { t: Dictionary } },
  schema: SchemaFor<S>,
  command: (input: z.infer<S>, values: Record<string, string>) => Promise<Result<T>> | Result<T>,
  statuses: Statuses = {},
): Promise<AccountSubmitted<T>> {
  return submitForm(context, schema, command, { statuses: { ...ACCOUNT_STATUS, ...statuses } });
}

/** A domain error as an account page shows it, with the page's statuses. */
export function refusedState(error: DomainError, t: Dictionary, values: Record<string, string> = {}, statuses: Statuses = {}): FormState {
  return errorState(error, t, values, { ...ACCOUNT_STATUS, ...statuses });
}
