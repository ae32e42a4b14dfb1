import { compareChapter, type ComparisonEntry } from './anchoring.ts';
import type { Chapter } from './content-files.ts';
import { listChapters } from './content.ts';

/**
 * What changed from one draft version to another, chapter by chapter and block by block, and how
 * the comparison page shows it: runs of unchanged blocks without comments collapse into one line.
 */

export interface ChapterChanges {
  chapter: Chapter;
  entries: ComparisonEntry[];
}

const comparisons = new Map<string, Promise<ChapterChanges[]>>();

/** Chapter by chapter, block by block, what changed from one version to another (computed once). */
export function compareVersions(consultation: string, fromId: string, toId: string): Promise<ChapterChanges[]> {
  const key = `${consultation}/${fromId}→${toId}`;
  let result = comparisons.get(key);
  if (!result) {
    result = Promise.all([listChapters(consultation, fromId), listChapters(consultation, toId)]).then(([before, after]) =>
      after.map((chapter) => ({
        chapter,
        entries: compareChapter(before.find((c) => c.slug === chapter.slug)?.rendered.blocks ?? [], chapter.rendered.blocks),
      })),
    );
    comparisons.set(key, result);
  }
  return result;
}

export type ComparisonRow<C> =
  | { kind: 'run'; from: string; to: string }
  /** `comments`: those written on the block's earlier text (none for an added block). */
  | { kind: 'entry'; entry: ComparisonEntry; comments: C[] };

/** The entries of a chapter as shown: unchanged blocks without comments collapse into runs. */
export function comparisonRows<C>(entries: ComparisonEntry[], commentsByKey: Map<string, C[]>): ComparisonRow<C>[] {
  const rows: ComparisonRow<C>[] = [];
  for (const entry of entries) {
    const last = rows.at(-1);
    const comments = entry.type === 'added' ? [] : (commentsByKey.get(entry.before.key) ?? []);
    if (entry.type === 'unchanged' && comments.length === 0) {
      if (last?.kind === 'run') last.to = entry.after.number;
      else rows.push({ kind: 'run', from: entry.after.number, to: entry.after.number });
    } else rows.push({ kind: 'entry', entry, comments });
  }
  return rows;
}

/** How many blocks changed, were added and were removed, over all chapters. */
export function changeCounts(chapters: ChapterChanges[]): Record<Exclude<ComparisonEntry['type'], 'unchanged'>, number> {
  const count = (type: ComparisonEntry['type']) => chapters.reduce((n, c) => n + c.entries.filter((e) => e.type === type).length, 0);
  return { changed: count('changed'), added: count('added'), removed: count('removed') };
}
