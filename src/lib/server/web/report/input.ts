import { z } from 'astro/zod';
import type { Dictionary } from '../../../../i18n/index.ts';
import { isoDateToLocal, ljubljanaToday, parseDate } from '../../../time.ts';
import type { PublishInput } from '../../report/publish.ts';

/**
 * The publish form as people fill it in: the date written as Slovenian writes it ("15. 3. 2027",
 * also 2027-03-15), turned into the calendar day publish.ts takes; messages in the reader's language.
 */
export function publishForm(t: Dictionary) {
  const e = t.reportVersions.fieldErrors;
  const m = t.reportVersions.publishErrors;
  const text = (required: string, max: number) => z.string({ error: required }).trim().min(1, required).max(max, e.tooLong);
  return z.object({
    documentNumber: text(m.documentNumber, 60),
    place: text(m.place, 60),
    documentDate: z
      .string({ error: e.invalidDate })
      .transform((value) => parseDate(value) ?? '')
      .refine((value) => value !== '', e.invalidDate),
    signatoryName: text(m.signatoryName, 120),
    signatoryTitle: text(m.signatoryTitle, 120),
    latestSeen: z.coerce.number({ error: e.required }).int().min(0),
  }) satisfies z.ZodType<PublishInput>;
}

/** What the empty form shows: Ljubljana, today (as people write it), the newest number it saw. */
export function publishDefaults(latest: number, now = new Date()): Record<string, string> {
  return {
    place: 'Ljubljana',
    documentDate: isoDateToLocal(ljubljanaToday(now)),
    latestSeen: String(latest),
  };
}
