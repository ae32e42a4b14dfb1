/**
 * Keeping comments attached to the text across draft versions. A comment stores the key,
 * fingerprint and text (quote) of the block it was written against; in a new version it is matched:
 *   1. the same key: `unchanged` if the fingerprint is the same too, else `changed`;
 *   2. the same fingerprint anywhere (the block moved and its derived key was reassigned): `unchanged`;
 *   3. the most similar block, first in the same chapter, then anywhere: `changed` if similar enough;
 *   4. otherwise `removed`, keeping its quote.
 * Similarity is the Dice coefficient over the longest common subsequence of words, so small edits
 * score high, rewrites low, and a paragraph split in two or merged into another still finds its
 * better half or its new whole.
 */

import type { AnchorStatus } from '../../enums.ts';

export type { AnchorStatus };

export interface AnchorBlock {
  key: string;
  number: string;
  fingerprint: string;
  text: string;
}

export interface AnchorChapter {
  slug: string;
  blocks: AnchorBlock[];
}

export interface Anchor {
  status: AnchorStatus;
  chapterSlug: string | null;
  block: AnchorBlock | null;
  similarity: number;
}

/** Below this a block is not "the same paragraph, edited" but a different one. */
export const SIMILARITY_THRESHOLD = 0.5;

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 1 for the same words in the same order, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 && y.length === 0) return 1;
  return (2 * lcsLength(x, y)) / (x.length + y.length);
}

/** A cheap upper bound (shared words, ignoring order), to avoid the quadratic measure on hopeless pairs. */
function overlapBound(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w);
    if (n) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return a.length + b.length === 0 ? 1 : (2 * shared) / (a.length + b.length);
}

function bestMatch(quote: string, blocks: AnchorBlock[]): { block: AnchorBlock; score: number } | undefined {
  const quoteWords = words(quote);
  const candidates = blocks
    .map((block) => ({ block, bound: overlapBound(quoteWords, words(block.text)) }))
    .filter((c) => c.bound >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.bound - a.bound)
    .slice(0, 5);
  let best: { block: AnchorBlock; score: number } | undefined;
  for (const { block } of candidates) {
    const score = similarity(quote, block.text);
    if (!best || score > best.score) best = { block, score };
  }
  return best && best.score >= SIMILARITY_THRESHOLD ? best : undefined;
}

export function findAnchor(
  comment: { chapterSlug: string | null; key: string; fingerprint: string; quote: string },
  chapters: AnchorChapter[],
): Anchor {
  const home = chapters.find((c) => c.slug === comment.chapterSlug);
  const ordered = home ? [home, ...chapters.filter((c) => c !== home)] : chapters;

  for (const chapter of ordered) {
    const block = chapter.blocks.find((b) => b.key === comment.key);
    if (block) {
      const same = block.fingerprint === comment.fingerprint;
      return { status: same ? 'unchanged' : 'changed', chapterSlug: chapter.slug, block, similarity: same ? 1 : similarity(comment.quote, block.text) };
    }
  }
  for (const chapter of ordered) {
    const block = chapter.blocks.find((b) => b.fingerprint === comment.fingerprint);
    if (block) return { status: 'unchanged', chapterSlug: chapter.slug, block, similarity: 1 };
  }
  const local = home ? bestMatch(comment.quote, home.blocks) : undefined;
  if (local) return { status: 'changed', chapterSlug: home!.slug, block: local.block, similarity: local.score };
  let global: { chapter: AnchorChapter; block: AnchorBlock; score: number } | undefined;
  for (const chapter of chapters) {
    if (chapter === home) continue;
    const found = bestMatch(comment.quote, chapter.blocks);
    if (found && (!global || found.score > global.score)) global = { chapter, ...found };
  }
  if (global) return { status: 'changed', chapterSlug: global.chapter.slug, block: global.block, similarity: global.score };
  return { status: 'removed', chapterSlug: comment.chapterSlug, block: null, similarity: 0 };
}

export type ComparisonEntry =
  | { type: 'unchanged'; before: AnchorBlock; after: AnchorBlock }
  | { type: 'changed'; before: AnchorBlock; after: AnchorBlock }
  | { type: 'added'; after: AnchorBlock }
  | { type: 'removed'; before: AnchorBlock };

/**
 * Block by block, what became of a chapter between two versions, in the new version's order with
 * removed blocks where they stood. Each old block is matched as a comment on it would be.
 */
export function compareChapter(before: AnchorBlock[], after: AnchorBlock[]): ComparisonEntry[] {
  const chapter: AnchorChapter = { slug: '', blocks: after };
  const matchOf = new Map<string, { block: AnchorBlock; status: AnchorStatus }>();
  const taken = new Set<string>();
  const removed: AnchorBlock[] = [];
  for (const block of before) {
    const anchor = findAnchor({ chapterSlug: '', key: block.key, fingerprint: block.fingerprint, quote: block.text }, [chapter]);
    // One new block answers to one old block; a second claimant (a merge) is shown as removed here,
    // while comments on it still find the merged block.
    if (anchor.block && !taken.has(anchor.block.key)) {
      taken.add(anchor.block.key);
      matchOf.set(anchor.block.key, { block, status: anchor.status });
    } else {
      removed.push(block);
    }
  }
  const entries: ComparisonEntry[] = [];
  const removedAfter = new Map<string, AnchorBlock[]>();
  // Put each removed block after the new position of its nearest preceding surviving old block.
  for (const gone of removed) {
    const index = before.indexOf(gone);
    let anchorKey = '';
    for (let i = index - 1; i >= 0; i--) {
      const survivor = [...matchOf.entries()].find(([, m]) => m.block === before[i]);
      if (survivor) {
        anchorKey = survivor[0];
        break;
      }
    }
    removedAfter.set(anchorKey, [...(removedAfter.get(anchorKey) ?? []), gone]);
  }
  for (const gone of removedAfter.get('') ?? []) entries.push({ type: 'removed', before: gone });
  for (const block of after) {
    const match = matchOf.get(block.key);
    if (!match) entries.push({ type: 'added', after: block });
    else entries.push({ type: match.status === 'unchanged' ? 'unchanged' : 'changed', before: match.block, after: block });
    for (const gone of removedAfter.get(block.key) ?? []) entries.push({ type: 'removed', before: gone });
  }
  return entries;
}
