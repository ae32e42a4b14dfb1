/**
 * The interface's languages. A page takes its dictionary from `Astro.locals.t` (set per request by
 * the middleware); code outside a request (the CLI, mail) asks `dictionary(locale)`. Domain modules
 * take no text at all: their errors are messages, `(t) => t.area.key`, rendered at the edge.
 */
import { sl } from './sl/index.ts';

export { collatorFor, formatDate, formatDateTime, formatDateTimePlain, formatNumber, formatTime } from './format.ts';
export { counted, listForm, plural, versionCase, type PluralForms } from './sl/shared.ts';

export const LOCALES = ['sl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sl';

/** A dictionary's shape: the Slovenian one's keys and signatures, with any text in place of its strings. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

export type Dictionary = Widen<typeof sl>;

const dictionaries: Record<Locale, Dictionary> = { sl };

/** The dictionary of a language (the default: Slovenian). */
export function dictionary(locale: Locale = DEFAULT_LOCALE): Dictionary {
  return dictionaries[locale];
}

/** A text that depends on the reader's language: what domain errors and flash messages carry. */
export type Message = (t: Dictionary) => string;

/**
 * Builds a value once per dictionary — a zod schema with its messages in that language — rather
 * than on every request. Domain modules export their schemas this way: `commentInput(t)`.
 */
export function perDictionary<T>(build: (t: Dictionary) => T): (t: Dictionary) => T {
  const cache = new WeakMap<Dictionary, T>();
  return (t) => {
    let value = cache.get(t);
    if (value === undefined) cache.set(t, (value = build(t)));
    return value;
  };
}

export const lang: Locale = DEFAULT_LOCALE;

/** Sorting as Slovenian sorts (for lists built outside a request). */
export const collator = new Intl.Collator('sl');
