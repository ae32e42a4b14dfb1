/**
 * What a file's name and first bytes may be. Names come from the browser and are only ever shown and
 * offered for saving: never used as a path (the file on disk has a random storage key).
 */

export const MAX_NAME_LENGTH = 120;
const FALLBACK = 'priloga';
// Characters Windows refuses in a file name, and path separators.
const RESERVED = /[<>:"/\\|?*]/g;
// Control and formatting characters (incl. bidirectional overrides such as U+202E, which can make
// "gpj.pdf" look like "pdf.jpg").
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * A name safe to show and to offer for saving: the last part of any path, Unicode NFC, no control
 * or formatting characters, spaces collapsed, no leading dots, at most 120 characters, ending in
 * ".pdf" (added when it is not there).
 */
export function sanitiseName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/\.pdf$/i, '').replace(/[.\s]+$/, '');
  const stem = Array.from(name).slice(0, MAX_NAME_LENGTH - 4).join('').trim() || FALLBACK;
  return `${stem}.pdf`;
}

/** The magic bytes every PDF starts with (ISO 32000: the header line "%PDF-1.x"). */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
export const MAGIC_LENGTH = PDF_MAGIC.byteLength;

/**
 * Is this the start of a PDF? Judged by content, never by name or the browser's type: the first five
 * bytes must be "%PDF-". (A check of our own rather than `file-type`: we accept exactly one type,
 * whose signature is these five bytes, and can test them as the first chunk streams past without
 * buffering or another dependency.)
 */
export function isPdfStart(head: Uint8Array): boolean {
  return head.byteLength >= MAGIC_LENGTH && Buffer.from(head.subarray(0, MAGIC_LENGTH)).equals(PDF_MAGIC);
}

/** "1,2 MB", "340 kB", "900 B" — sizes as Slovenian readers write them (decimal comma, SI units). */
export function formatSize(bytes: number): string {
  const one = (n: number) => n.toLocaleString('sl-SI', { maximumFractionDigits: 1, minimumFractionDigits: n < 10 ? 1 : 0 });
  if (bytes >= 1_000_000) return `${one(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} B`;
}
