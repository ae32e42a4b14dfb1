import type { AnchorStatus } from '../../enums.ts';
import { routes } from '../../routes.ts';
import type { Block } from './blocks.ts';
import type { CommentAnchor } from '../comments/input.ts';
import { windowLookup, type ConsultationWindow, type WindowLookup } from '../comments/consultation-window.ts';
import { anchorOnce } from '../comments/reanchor.ts';
import { readChapterFiles, readVersionFiles, type Chapter } from './content-files.ts';
import { currentOf, nextBoundary, type DraftVersion } from './versions.ts';

export type { DraftVersion } from './versions.ts';

/**
 * The strategy text: draft versions and their chapters from content/ (read by content-files.ts),
 * each version and chapter read and rendered once; the content is fixed for the life of the process.
 */

export { windowState, type WindowState } from '../comments/consultation-window.ts';

let versionsCache: Promise<DraftVersion[]> | undefined;
const chaptersCache = new Map<string, Promise<Chapter[]>>();

/** All versions, oldest first. */
export function listVersions(): Promise<DraftVersion[]> {
  versionsCache ??= Promise.resolve().then(readVersionFiles);
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
    chapters = listVersions().then((versions) => (versions.some((v) => v.id === versionId) ? readChapterFiles(versionId) : []));
    chaptersCache.set(versionId, chapters);
  }
  return chapters;
}

export async function findChapter(versionId: string, slug: string): Promise<Chapter | undefined> {
  return (await listChapters(versionId)).find((c) => c.slug === slug);
}

export async function findVersion(id: string): Promise<DraftVersion | undefined> {
  return (await listVersions()).find((v) => v.id === id);
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

export interface VersionNote {
  /** Label of the version the comment was written on, e.g. "Osnutek 1". */
  label: string;
  status: AnchorStatus;
  /** The comparison between that version and the current one. */
  comparison: string;
  currentBlock: string | null;
}

/** For a comment written on an older version: where it came from and what became of its block. */
export async function versionNoteFor(
  comment: { versionId: string; anchorStatus: AnchorStatus | null; currentBlockNumber: string | null; chapterSlug: string | null },
  current: DraftVersion,
): Promise<VersionNote | undefined> {
  if (comment.versionId === current.id || !comment.anchorStatus) return undefined;
  const written = await findVersion(comment.versionId);
  if (!written) return undefined;
  return {
    label: written.label,
    status: comment.anchorStatus,
    comparison: routes.versionDiff(written.id, current.id, comment.chapterSlug ?? undefined),
    currentBlock: comment.currentBlockNumber,
  };
}
