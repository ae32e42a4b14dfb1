/**
 * What a person types into a search box, turned into a safe FTS5 query for the trigram indexes.
 *
 * Words are split on anything that is not a letter or a digit, so FTS5 syntax typed by a user
 * (`"`, `*`, `-`, `(`, `:`, `^`, NEAR, AND, OR) is never syntax: punctuation separates words and
 * the operators' words become quoted strings like any other. Each word is lower-cased and stemmed
 * lightly for Slovenian (a common ending stripped, the stem kept at three letters or more), so that
 * „občina“ becomes „občin“ and, as a substring, matches „občine“, „občinam“, „občini“. The words
 * are joined by AND. The trigram index cannot match fewer than three letters: such words are left
 * out when others remain; a query of only such words is `short` (the public search asks for three
 * letters, the moderators' queue falls back to a bounded LIKE over the consultation's comments).
 */

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 8;
export const MAX_TERM_CHARS = 40;
export const MIN_TERM_CHARS = 3;

export type SearchQuery =
  | { kind: 'empty' }
  /** Only words of one or two letters: nothing the index can match. `text` is what was typed, bounded. */
  | { kind: 'short'; text: string }
  /** `match` goes to FTS5 MATCH as a bound parameter. */
  | { kind: 'terms'; terms: string[]; match: string };

// Longest first within each list; a stem keeps at least four letters, else (second pass) three.
const ENDINGS = [
  'ijami', 'ijah', 'ijam', 'ijem', 'ijo', 'ija', 'ije', 'iji', 'iju', 'ami', 'ega', 'emu', 'imi', 'ih', 'im', 'om', 'em', 'am', 'ah', 'ov', 'ev',
  'ji', 'ja', 'jo', 'ju', 'je', 'a', 'e', 'i', 'o', 'u',
].sort((a, b) => b.length - a.length);

/** A word's light stem: „občina“, „občine“, „občinam“ → „občin“; „strategija“ → „strateg“. */
export function stem(word: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  const letters = [...word];
  for (const minimum of [4, MIN_TERM_CHARS]) {
    for (const ending of ENDINGS) {
      if (word.endsWith(ending) && letters.length - [...ending].length >= minimum) return letters.slice(0, letters.length - [...ending].length).join('');
    }
  }
  return word;
}

/** An FTS5 string: double quotes doubled inside double quotes (the words hold none, but never trust that). */
export function ftsString(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The words of a text: runs of letters and digits (combining marks kept with their letter), lower-case. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('sl').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

export function parseSearchQuery(input: string | null | undefined): SearchQuery {
  const text = [...(input ?? '').trim()].slice(0, MAX_QUERY_CHARS).join('');
  const words = wordsOf(text);
  if (words.length === 0) return { kind: 'empty' };
  const terms: string[] = [];
  for (const word of words) {
    if ([...word].length < MIN_TERM_CHARS) continue;
    const term = [...stem(word)].slice(0, MAX_TERM_CHARS).join('');
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  if (terms.length === 0) return { kind: 'short', text };
  return { kind: 'terms', terms, match: terms.map(ftsString).join(' AND ') };
}
