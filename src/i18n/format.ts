import { TIME_ZONE } from '../lib/time.ts';

/**
 * Dates, times and numbers as each language writes them. The portal's dates are Ljubljana time
 * whatever the server's zone.
 */

const NBSP = '\u00A0';

interface Formats {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  collator: Intl.Collator;
}

const cache = new Map<string, Formats>();

function formats(locale: string): Formats {
  let f = cache.get(locale);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hourCycle: 'h23', hour: 'numeric', minute: '2-digit' }),
      number: new Intl.NumberFormat(locale, { useGrouping: 'always' }),
      collator: new Intl.Collator(locale),
    };
    cache.set(locale, f);
  }
  return f;
}

/**
 * 20. 9. 2022 in Ljubljana time, with a no-break space after each dot, so a date never splits across
 * lines (Slovenski pravopis: spaces after the dots of a date written in numerals).
 */
export function formatDate(date: Date, locale = 'sl'): string {
  return formats(locale)
    .date.formatToParts(date)
    .map((p) => (p.type === 'literal' ? p.value.replace(/\s+/g, NBSP) : p.value))
    .join('');
}

/** 14.05: the hour and minute separated by a dot, as Slovenian writes the time of day. */
export function formatTime(date: Date, locale = 'sl'): string {
  const parts = Object.fromEntries(formats(locale).time.formatToParts(date).map((p) => [p.type, p.value]));
  return locale === 'sl' ? `${parts.hour}.${parts.minute}` : `${parts.hour}:${parts.minute}`;
}

/** 20. 9. 2022 14.05 — the date kept together, an ordinary space before the time. */
export function formatDateTime(date: Date, locale = 'sl'): string {
  return `${formatDate(date, locale)} ${formatTime(date, locale)}`;
}

/** 20. 9. 2022 14.05 with ordinary spaces, for files a spreadsheet reads (CSV). */
export function formatDateTimePlain(date: Date, locale = 'sl'): string {
  return formatDateTime(date, locale).replaceAll(NBSP, ' ');
}

/** 5.000, 12.345: the language's thousands separator, always (also in four-digit numbers). */
export function formatNumber(n: number, locale = 'sl'): string {
  return formats(locale).number.format(n);
}

/** Sorting names as the language sorts them (č after c, š after s, ž after z). */
export function collatorFor(locale = 'sl'): Intl.Collator {
  return formats(locale).collator;
}
