/**
 * Highlighted matches, safely: FTS5's highlight() marks each match with two private-use characters
 * (never HTML); the text is cut to an excerpt, HTML-escaped, and only then are the sentinels turned
 * into <mark> — balanced, so that a sentinel a person typed into a comment can never leave a tag
 * open or close one that was not opened. No text from a user reaches the page unescaped.
 */
import { foldText } from './fold.ts';

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A highlighted text (with sentinels) as HTML: escaped, its matches in <mark>. */
export function markedHtml(highlighted: string): string {
  let open = false;
  let html = '';
  for (const part of highlighted.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += '</mark>';
      open = false;
    } else html += escapeHtml(part);
  }
  return open ? `${html}</mark>` : html;
}

/**
 * A text with every occurrence of the terms marked by the sentinels, as FTS5's highlight() marks
 * them on SQLite (used on PostgreSQL, where the query only finds the rows): the terms are found in
 * the folded text (fold.ts: case and diacritics ignored), the original characters are marked, and
 * overlapping occurrences are marked once.
 */
export function markTerms(text: string, terms: readonly string[]): string {
  const chars = [...text];
  let folded = '';
  /** For each UTF-16 unit of `folded`, the index in `chars` it comes from. */
  const from: number[] = [];
  chars.forEach((char, i) => {
    const f = foldText(char);
    folded += f;
    for (let u = 0; u < f.length; u++) from.push(i);
  });
  const spans: Array<[number, number]> = [];
  for (const term of new Set(terms.map(foldText).filter(Boolean))) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      let end = from[at + term.length - 1]! + 1;
      // Marks that fold to nothing (a combining caron after its letter) stay with their letter.
      while (end < chars.length && foldText(chars[end]!) === '') end++;
      spans.push([from[at]!, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let html = '';
  let done = 0;
  for (let i = 0; i < spans.length; i++) {
    let [start, end] = spans[i]!;
    if (start < done) continue;
    while (i + 1 < spans.length && spans[i + 1]![0] < end) end = Math.max(end, spans[++i]![1]);
    html += chars.slice(done, start).join('') + MARK_OPEN + chars.slice(start, end).join('') + MARK_CLOSE;
    done = end;
  }
  return html + chars.slice(done).join('');
}

/** Does a highlighted text hold a match? */
export function hasMatch(highlighted: string | null | undefined): boolean {
  return !!highlighted && highlighted.includes(MARK_OPEN);
}

/**
 * Up to `length` characters of a highlighted text around its first match (the whole text if it is
 * short enough), cut at spaces, with „…“ where text was left out; as HTML.
 */
export function excerptHtml(highlighted: string, length = 320): string {
  const chars = [...highlighted.replace(/\s+/g, ' ').trim()];
  if (chars.length <= length) return markedHtml(chars.join(''));
  const first = Math.max(0, chars.indexOf(MARK_OPEN));
  let start = Math.max(0, Math.min(first - Math.floor(length / 4), chars.length - length));
  let end = Math.min(chars.length, start + length);
  if (start > 0) {
    const space = chars.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  if (end < chars.length) {
    const space = chars.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const carriedOpen = chars.slice(0, start).lastIndexOf(MARK_OPEN) > chars.slice(0, start).lastIndexOf(MARK_CLOSE);
  const body = (carriedOpen ? MARK_OPEN : '') + chars.slice(start, end).join('');
  return `${start > 0 ? '…' : ''}${markedHtml(body)}${end < chars.length ? '…' : ''}`;
}
