import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { CONSULTATION_STATUSES } from '../../enums.ts';

/**
 * What an administrator (or the operator at the command line) gives to create a consultation, with
 * the messages in the reader's language. The slug is the consultation's address
 * (/posvetovanja/<slug>) and its folder under content/.
 */

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const MAX_TITLE = 200;
export const MAX_SHORT_TITLE = 40;
export const MAX_CASE_NUMBER = 40;
export const MAX_DESCRIPTION = 2000;

function requiredText(max: number, required: string, tooLong: string) {
  return z
    .string({ error: required })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong }));
}

export const consultationInput = perDictionary((t) => {
  const m = t.consultationAdmin.errors;
  return z.object({
    slug: z
      .string({ error: m.slugRequired })
      .transform((v) => v.trim())
      .pipe(z.string().min(1, { error: m.slugRequired, abort: true }).regex(SLUG_PATTERN, { error: m.slugInvalid })),
    title: requiredText(MAX_TITLE, m.titleRequired, m.tooLong(MAX_TITLE)),
    shortTitle: requiredText(MAX_SHORT_TITLE, m.shortTitleRequired, m.tooLong(MAX_SHORT_TITLE)),
    caseNumber: requiredText(MAX_CASE_NUMBER, m.caseNumberRequired, m.tooLong(MAX_CASE_NUMBER)),
    description: requiredText(MAX_DESCRIPTION, m.descriptionRequired, m.tooLong(MAX_DESCRIPTION)),
    invited: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim())
      .pipe(z.string().max(MAX_DESCRIPTION, { error: m.tooLong(MAX_DESCRIPTION) }))
      .transform((v) => (v === '' ? null : v)),
    /** The code of a government organisation of the directory; the ministry (MDP) when not given. */
    owner: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim() || 'MDP'),
  });
});

export type ConsultationInput = z.output<ReturnType<typeof consultationInput>>;

/** A status as a form or the command line names it. */
export const consultationStatus = z.enum(CONSULTATION_STATUSES);
