import { TIME_ZONE } from '../lib/time.ts';
import { sl } from './sl.ts';

export { plural, type PluralForms } from './sl.ts';

export const lang = 'sl';
export const t = sl;

const dateFormat = new Intl.DateTimeFormat('sl', { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('sl', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** 20. 9. 2022 */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** 20. 9. 2022 14:05 */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date).replace(', ', ' ');
}

export const collator = new Intl.Collator('sl');
