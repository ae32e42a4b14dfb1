/**
 * Near-duplicate detection without a database (issue 15): a text's MinHash signature over its word
 * shingles, LSH bands that find the candidates, and the grouping itself. Pure and deterministic.
 *
 * - Normalised: lower case, diacritics removed (NFD), anything not a letter or digit a space.
 * - Shingles: three consecutive words; a text of fewer than four words uses its set of words.
 *   At most MAX_SHINGLES per text (a 10,000-character comment costs what 2,000 shingles cost).
 * - A text with no words (empty, punctuation, emoji) has no signature and is never grouped.
 * - A group forms around its representative (the earliest text): a text joins the group whose
 *   representative is most similar (≥ threshold), never a group through one of its other members,
 *   so unrelated texts never chain.
 */

export const SIGNATURE_SIZE = 128;
/** LSH: the signature's first BANDS × ROWS values, cut into bands; texts sharing a band are candidates. */
export const BANDS = 16;
export const ROWS = 4;
export const MAX_SHINGLES = 2_000;
export const DEFAULT_THRESHOLD = 0.6;

export type Signature = Uint32Array;

/** The text compared: the comment and its proposed wording. */
export function comparedText(c: { body: string; proposed_text: string | null }): string {
  return c.proposed_text ? `${c.body}\n${c.proposed_text}` : c.body;
}

/** Lower case, no diacritics, words separated by single spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function shingles(text: string): Set<string> {
  const words = normalise(text).split(' ').filter(Boolean);
  if (words.length < 4) return new Set(words);
  const found = new Set<string>();
  for (let i = 0; i + 3 <= words.length && found.size < MAX_SHINGLES; i++) found.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return found;
}

/** FNV-1a over the string's UTF-16 code units. */
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a good 32-bit mix. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seeds of the signature's hash functions: fixed, so signatures stored yesterday still compare. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x6d2b79f5)));

/** The text's MinHash signature, or null when it has no words. */
export function signatureOf(text: string): Signature | null {
  const set = shingles(text);
  if (set.size === 0) return null;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of set) {
    const base = hashString(shingle);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(base ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two texts' shingles: the share of equal signature values. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** The signature's LSH buckets, one per band: the band's number and a 32-bit hash of its values. */
export function bucketsOf(signature: Signature): number[] {
  const buckets: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix(band + 1);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[band * ROWS + r]!);
    buckets.push(h);
  }
  return buckets;
}

/** As stored (a BLOB) and back. */
export function signatureToBytes(signature: Signature): Uint8Array {
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength).slice();
}
export function signatureFromBytes(bytes: Uint8Array): Signature {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}

/** Where a text goes: into the group of representative `head` with this similarity, or on its own. */
export type Placement = { head: number; similarity: number } | null;

/**
 * The best representative among candidates: the most similar ≥ threshold, the earliest on a tie
 * (candidates come in order of their place in the sequence).
 */
export function bestHead(signature: Signature, candidates: Iterable<{ id: number; signature: Signature }>, threshold: number): Placement {
  let best: Placement = null;
  for (const candidate of candidates) {
    const s = similarity(signature, candidate.signature);
    if (s >= threshold && (!best || s > best.similarity)) best = { head: candidate.id, similarity: s };
  }
  return best;
}

/**
 * The in-memory grouper (groupTexts, and regroupAll over stored signatures): texts come in order;
 * each is compared with the heads (representatives and lone texts) sharing a bucket with it.
 */
export class Grouper {
  private readonly buckets = new Map<number, number[]>();
  private readonly heads = new Map<number, Signature>();
  private readonly order = new Map<number, number>();
  private readonly threshold: number;
  constructor(threshold: number) {
    this.threshold = threshold;
  }

  /** A head that takes new members (a representative, or a lone text). */
  addHead(id: number, signature: Signature): void {
    this.order.set(id, this.order.size);
    this.heads.set(id, signature);
    bucketsOf(signature).forEach((bucket, band) => {
      const key = band * 2 ** 32 + bucket;
      const list = this.buckets.get(key);
      if (list) list.push(id);
      else this.buckets.set(key, [id]);
    });
  }

  /** Places the next text: with the best head, or as a new head itself. */
  place(id: number, signature: Signature): Placement {
    const seen = new Set<number>();
    bucketsOf(signature).forEach((bucket, band) => {
      for (const head of this.buckets.get(band * 2 ** 32 + bucket) ?? []) seen.add(head);
    });
    const candidates = [...seen].sort((a, b) => this.order.get(a)! - this.order.get(b)!).map((h) => ({ id: h, signature: this.heads.get(h)! }));
    const placed = bestHead(signature, candidates, this.threshold);
    if (!placed) this.addHead(id, signature);
    return placed;
  }
}

/** Groups of ≥ 2 near-identical texts (each sorted by id, groups by their first id); the earliest id represents. */
export function groupTexts(items: readonly { id: number; text: string }[], options: { threshold?: number } = {}): number[][] {
  const grouper = new Grouper(options.threshold ?? DEFAULT_THRESHOLD);
  const members = new Map<number, number[]>();
  for (const item of [...items].sort((a, b) => a.id - b.id)) {
    const signature = signatureOf(item.text);
    if (!signature) continue;
    const placed = grouper.place(item.id, signature);
    if (placed) members.get(placed.head)!.push(item.id);
    else members.set(item.id, [item.id]);
  }
  return [...members.values()].filter((g) => g.length >= 2).sort((a, b) => a[0]! - b[0]!);
}
