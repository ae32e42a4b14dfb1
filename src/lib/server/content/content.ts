import { getCollection, type CollectionEntry } from 'astro:content';
import { compareChapter, type ComparisonEntry } from './anchoring.ts';
import { renderChapter, type Block, type RenderedChapter } from './blocks.ts';
import type { CommentAnchor } from '../comments/input.ts';
import { windowLookup, type ConsultationWindow, type WindowLookup } from '../comments/consultation-window.ts';
import { anchorOnce } from '../comments/reanchor.ts';
import { currentOf, nextBoundary, sortVersions, toVersion, type DraftVersion } from './versions.ts';

export type { DraftVersion } from './versions.ts';

/**
 * The strategy text: draft versions and their chapters from content/, rendered into numbered blocks.
 * Rendering happens once per chapter and version; the content is fixed for the life of the process.
 */

export interface Chapter {
  versionId: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  rendered: RenderedChapter;
}

export { windowState, type WindowState } from '../comments/consultation-window.ts';

let versionsCache: Promise<DraftVersion[]> | undefined;
const chaptersCache = new Map<string, Promise<Chapter[]>>();

/** All versions, oldest first. */
export function listVersions(): Promise<DraftVersion[]> {
  versionsCache ??= getCollection('versions').then((entries: CollectionEntry<'versions'>[]) =>
    sortVersions(entries.map((entry) => toVersion(entry.id, entry.data))),
  );
  return versionsCache;
}

/**
 * The newest version already published: the one people read and comment on. The first time a
 * version is current in this process, comments written on older versions are anchored to it
 * (once; concurrent requests wait for the same work), so a draft published while the server runs
 * takes over on time, without a restart.
 */
export async function currentVersion(now = new Date()): Promise<DraftVersion> {
  const version = currentOf(await listVersions(), now);
  await anchorOnce(version.id, async () => (await listChapters(version.id)).map((c) => ({ slug: c.slug, blocks: c.rendered.blocks })));
  return version;
}

/** When the pages' words next change by the clock alone (see versions.ts). */
export async function nextContentBoundary(now = new Date()): Promise<number> {
  return nextBoundary(await listVersions(), now);
}

/** The chapters of a version in their order, each rendered once. */
export function listChapters(versionId: string): Promise<Chapter[]> {
  let chapters = chaptersCache.get(versionId);
  if (!chapters) {
    chapters = getCollection('chapters', (entry) => entry.id.startsWith(`${versionId}/`)).then((entries) =>
      entries
        .map((entry) => ({
          versionId,
          slug: entry.id.slice(versionId.length + 1),
          number: entry.data.number,
          title: entry.data.title,
          summary: entry.data.summary,
          rendered: renderChapter(entry.body ?? '', entry.data.number),
        }))
        .sort((a, b) => a.number - b.number),
    );
    chaptersCache.set(versionId, chapters);
  }
  return chapters;
}

export async function findChapter(versionId: string, slug: string): Promise<Chapter | undefined> {
  return (await listChapters(versionId)).find((c) => c.slug === slug);
}

/** The comment window of a version, in the shape the comments module takes. */
export function windowOf(version: DraftVersion): ConsultationWindow {
  return { versionId: version.id, label: version.label, opensAt: version.opensAt, closesAt: version.closesAt, lastDay: version.lastDay };
}

/** The window of every version by id: what is done with a comment is ruled by its own version's window. */
export async function versionWindows(): Promise<WindowLookup> {
  return windowLookup((await listVersions()).map(windowOf));
}

/** What a comment on a block of the current version is anchored to. */
export function blockAnchor(version: DraftVersion, chapter: Chapter, block: Block): CommentAnchor {
  return {
    window: windowOf(version),
    scope: 'block',
    chapter: { slug: chapter.slug, number: chapter.number },
    block: { key: block.key, number: block.number, fingerprint: block.fingerprint, text: block.text },
  };
}

export async function findVersion(id: string): Promise<DraftVersion | undefined> {
  return (await listVersions()).find((v) => v.id === id);
}

export interface VersionNote {
  /** Label of the version the comment was written on, e.g. "Osnutek 1". */
  label: string;
  status: 'unchanged' | 'changed' | 'removed';
  /** The comparison between that version and the current one. */
  comparison: string;
  currentBlock: string | null;
}

/** For a comment written on an older version: where it came from and what became of its block. */
export async function versionNoteFor(
  comment: { versionId: string; anchorStatus: 'unchanged' | 'changed' | 'removed' | null; currentBlockNumber: string | null; chapterSlug: string | null },
  current: DraftVersion,
): Promise<VersionNote | undefined> {
  if (comment.versionId === current.id || !comment.anchorStatus) return undefined;
  const written = (await listVersions()).find((v) => v.id === comment.versionId);
  if (!written) return undefined;
  return {
    label: written.label,
    status: comment.anchorStatus,
    comparison: `/verzije/${written.id}/${current.id}${comment.chapterSlug ? `#poglavje-${comment.chapterSlug}` : ''}`,
    currentBlock: comment.currentBlockNumber,
  };
}

const comparisons = new Map<string, Promise<Array<{ chapter: Chapter; entries: ComparisonEntry[] }>>>();

/** Chapter by chapter, block by block, what changed from one version to another (computed once). */
export function compareVersions(fromId: string, toId: string) {
  const key = `${fromId}→${toId}`;
  let result = comparisons.get(key);
  if (!result) {
    result = Promise.all([listChapters(fromId), listChapters(toId)]).then(([before, after]) =>
      after.map((chapter) => ({
        chapter,
        entries: compareChapter(before.find((c) => c.slug === chapter.slug)?.rendered.blocks ?? [], chapter.rendered.blocks),
      })),
    );
    comparisons.set(key, result);
  }
  return result;
}
