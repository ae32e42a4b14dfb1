/**
 * Comment bodies are plain text. For display they become paragraphs of text and links — data, not
 * HTML — which components render with Astro's escaping. Nothing a person typed is ever parsed as HTML.
 */
export type Segment = { type: 'text'; text: string } | { type: 'link'; href: string; text: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    let href = match[0];
    try {
      href = new URL(match[0]).href;
      segments.push({ type: 'link', href, text: match[0] });
    } catch {
      segments.push({ type: 'text', text: match[0] });
    }
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}

/** Paragraphs split at blank lines; single line breaks are kept within a paragraph. */
export function paragraphs(text: string): Segment[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(linkify);
}
