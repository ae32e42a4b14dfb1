import { z } from 'astro/zod';
import { perDictionary, type Message } from '../../../i18n/index.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';

/**
 * The account forms as typed input: the schemas the web edge parses a posted form with (their
 * messages in the reader's language), and the rules the use cases apply to what was typed.
 */

const EMAIL = z.email();

/** E-mail addresses are compared and stored lower-case and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Why a typed e-mail address is refused, or undefined. */
export function emailProblem(email: string): Message | undefined {
  const trimmed = email.trim();
  if (!trimmed) return (t) => t.account.errors.emailRequired;
  if (trimmed.length > 254 || !EMAIL.safeParse(trimmed).success) return (t) => t.account.errors.emailInvalid;
  return undefined;
}

/** Why a typed name is refused, or undefined. */
export function nameProblem(name: string): Message | undefined {
  const trimmed = name.trim();
  if (!trimmed) return (t) => t.account.errors.nameRequired;
  if (trimmed.length > 120) return (t) => t.account.errors.nameTooLong;
  return undefined;
}

/** An e-mail field: checked as above, then trimmed and lower-cased. */
export const emailField = perDictionary((t) =>
  z
    .string({ error: t.account.errors.emailRequired })
    .superRefine((value, ctx) => {
      const problem = emailProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem(t) });
    })
    .transform(normaliseEmail),
);

export const signInInput = perDictionary((t) =>
  z.object({
    email: emailField(t),
    password: z
      .string({ error: t.account.errors.passwordRequired })
      .min(1, { error: t.account.errors.passwordRequired })
      .max(MAX_PASSWORD_LENGTH, { error: t.account.errors.loginFailed }),
  }),
);
export type SignInInput = z.infer<ReturnType<typeof signInInput>>;

export const emailInput = perDictionary((t) => z.object({ email: emailField(t) }));

const text = z.string().default('');

/** A new password with its repetition (the rules need the account's e-mail: the use case applies them). */
export const newPasswordInput = z.object({ password: text, passwordConfirm: z.string().optional() });
export const passwordChangeInput = newPasswordInput.extend({ currentPassword: text });
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;
export const nameInput = z.object({ name: text });
export const invitationAcceptInput = newPasswordInput.extend({ name: text });
export type InvitationAcceptInput = z.infer<typeof invitationAcceptInput>;
