import type { AnchorStatus } from '../../enums.ts';
import { routes } from '../../routes.ts';
import type { Block } from './blocks.ts';
import type { CommentAnchor } from '../comments/input.ts';
import { windowLookup, type ConsultationWindow, type WindowLookup } from '../comments/consultation-window.ts';
import { anchorOnce } from '../comments/reanchor.ts';
import { listConsultations, type ConsultationRef } from '../consultations/consultations.ts';
import { getDb, type Db } from '../platform/db.ts';
import { readChapterFiles, readConsultationFiles, readVersionFiles, type Chapter } from './content-files.ts';
import { currentOf, nextBoundary, type DraftVersion } from './versions.ts';

export type { DraftVersion } from './versions.ts';

/**
 * The consultations' texts: each consultation's draft versions and their chapters from
 * content/<consultation>/ (read by content-files.ts), each version and chapter read and rendered
 * once; the content is fixed for the life of the process.
 */

export { windowState, type WindowState } from '../comments/consultation-window.ts';

const versionsCache = new Map<string, Promise<DraftVersion[]>>();
const chaptersCache = new Map<string, Promise<Chapter[]>>();

/** A consultation's versions, oldest first; none for one in preparation. */
export function listVersions(consultation: string): Promise<DraftVersion[]> {
  let versions = versionsCache.get(consultation);
  if (!versions) {
    versions = Promise.resolve().then(() => readVersionFiles(consultation));
    versionsCache.set(consultation, versions);
  }
  return versions;
}

/**
 * The newest version of the consultation already published: the one people read and comment on.
 * The first time a version is current in this process, the consultation's comments written on older
 * versions are anchored to it (once; concurrent requests wait for the same work), so a draft
 * published while the server runs takes over on time, without a restart.
 */
export async function currentVersion(consultation: ConsultationRef, now = new Date()): Promise<DraftVersion | undefined> {
  const version = currentOf(await listVersions(consultation.slug), now);
  if (!version) return undefined;
  await anchorOnce(consultation.id, version.id, async () => (await listChapters(consultation.slug, version.id)).map((c) => ({ slug: c.slug, blocks: c.rendered.blocks })));
  return version;
}

let consultationFolders: string[] | undefined;

/** When the pages' words next change by the clock alone, in any consultation (see versions.ts). */
export async function nextContentBoundary(now = new Date()): Promise<number> {
  // The folders are read once, like the rest of content/ (this is asked for every page the cache keeps).
  consultationFolders ??= readConsultationFiles().map((c) => c.slug);
  const all = await Promise.all(consultationFolders.map((slug) => listVersions(slug)));
  return nextBoundary(all.flat(), now);
}

/** The chapters of a consultation's version in their order, each rendered once. */
export function listChapters(consultation: string, versionId: string): Promise<Chapter[]> {
  const key = `${consultation}/${versionId}`;
  let chapters = chaptersCache.get(key);
  if (!chapters) {
    chapters = listVersions(consultation).then((versions) => (versions.some((v) => v.id === versionId) ? readChapterFiles(consultation, versionId) : []));
    chaptersCache.set(key, chapters);
  }
  return chapters;
}

export async function findChapter(consultation: string, versionId: string, slug: string): Promise<Chapter | undefined> {
  return (await listChapters(consultation, versionId)).find((c) => c.slug === slug);
}

export async function findVersion(consultation: string, id: string): Promise<DraftVersion | undefined> {
  return (await listVersions(consultation)).find((v) => v.id === id);
}

/** The comment window of a consultation's version, in the shape the comments module takes. */
export function windowOf(consultation: ConsultationRef, version: DraftVersion): ConsultationWindow {
  return {
    consultationId: consultation.id,
    consultationStatus: consultation.status,
    versionId: version.id,
    label: version.label,
    opensAt: version.opensAt,
    closesAt: version.closesAt,
    lastDay: version.lastDay,
  };
}

/**
 * The window of every version of every consultation: what is done with a comment is ruled by its own
 * version's window and its consultation's status.
 */
export async function versionWindows(db: Db = getDb()): Promise<WindowLookup> {
  const windows: ConsultationWindow[] = [];
  for (const consultation of await listConsultations(db, { archived: true })) {
    for (const version of await listVersions(consultation.slug)) windows.push(windowOf(consultation, version));
  }
  return windowLookup(windows);
}

/** What a comment on a block of the current version is anchored to. */
export function blockAnchor(consultation: ConsultationRef, version: DraftVersion, chapter: Chapter, block: Block): CommentAnchor {
  return {
    window: windowOf(consultation, version),
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

/** For a comment written on an older version of the current one's consultation: where it came from and what became of its block. */
export async function versionNoteFor(
  comment: { versionId: string; anchorStatus: AnchorStatus | null; currentBlockNumber: string | null; chapterSlug: string | null },
  current: DraftVersion,
): Promise<VersionNote | undefined> {
  if (comment.versionId === current.id || !comment.anchorStatus) return undefined;
  const written = await findVersion(current.consultation, comment.versionId);
  if (!written) return undefined;
  return {
    label: written.label,
    status: comment.anchorStatus,
    comparison: routes.versionDiff(current.consultation, written.id, current.id, comment.chapterSlug ?? undefined),
    currentBlock: comment.currentBlockNumber,
  };
}
