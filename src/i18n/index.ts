import { TIME_ZONE } from '../lib/time.ts';
import { sl } from './sl.ts';

export { formatNumber, plural, pluralForms, versionCase, type PluralForms } from './sl.ts';

export const lang = 'sl';
export const t = sl;

const NBSP = '\u00A0';

const dateFormat = new Intl.DateTimeFormat('sl', { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('sl', { timeZone: TIME_ZONE, hourCycle: 'h23', hour: 'numeric', minute: '2-digit' });

/**
 * 20. 9. 2022 in Ljubljana time, with a no-break space after each dot, so a date never splits across
 * lines (Slovenski pravopis: spaces after the dots of a date written in numerals).
 */
export function formatDate(date: Date): string {
  return dateFormat
    .formatToParts(date)
    .map((p) => (p.type === 'literal' ? p.value.replace(/\s+/g, NBSP) : p.value))
    .join('');
}

/** 14.05: the hour and minute separated by a dot, as Slovenian writes the time of day. */
export function formatTime(date: Date): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}.${parts.minute}`;
}

/** 20. 9. 2022 14.05 — the date kept together, an ordinary space before the time. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${formatTime(date)}`;
}

/** 20. 9. 2022 14.05 with ordinary spaces, for files a spreadsheet reads (CSV). */
export function formatDateTimePlain(date: Date): string {
  return formatDateTime(date).replaceAll(NBSP, ' ');
}

export const collator = new Intl.Collator('sl');
