/**
 * Highlighted matches, safely: FTS5's highlight() marks each match with two private-use characters
 * (never HTML); the text is cut to an excerpt, HTML-escaped, and only then are the sentinels turned
 * into <mark> — balanced, so that a sentinel a person typed into a comment can never leave a tag
 * open or close one that was not opened. No text from a user reaches the page unescaped.
 */
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
