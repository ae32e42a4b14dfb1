import { getCollection, type CollectionEntry } from 'astro:content';
import { ljubljanaTimeToInstant } from '../time.ts';
import { renderChapter, type Block, type RenderedChapter } from './blocks.ts';
import type { CommentAnchor, ConsultationWindow } from './comments.ts';

/**
 * The strategy text: draft versions and their chapters from content/, rendered into numbered blocks.
 * Rendering happens once per chapter and version; the content is fixed for the life of the process.
 */

export interface DraftVersion {
  id: string;
  label: string;
  publishedAt: Date;
  opensAt: Date;
  /** First instant after the window: submissions at or after it are late. */
  closesAt: Date;
  /** The last minute of the window, as authors wrote it (for "do 31. 1. 2027"). */
  lastDay: Date;
  changeNote: string;
}

export interface Chapter {
  versionId: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  rendered: RenderedChapter;
}

export type WindowState = 'not-open' | 'open' | 'closed';

function toVersion(entry: CollectionEntry<'versions'>): DraftVersion {
  const { data } = entry;
  const lastMinute = ljubljanaTimeToInstant(data.closesAt);
  return {
    id: entry.id,
    label: data.label,
    publishedAt: ljubljanaTimeToInstant(`${data.publishedAt}T00:00`),
    opensAt: ljubljanaTimeToInstant(data.opensAt),
    closesAt: new Date(lastMinute.getTime() + 60_000),
    lastDay: lastMinute,
    changeNote: data.changeNote,
  };
}

let versionsCache: Promise<DraftVersion[]> | undefined;
const chaptersCache = new Map<string, Promise<Chapter[]>>();

/** All versions, oldest first. */
export function listVersions(): Promise<DraftVersion[]> {
  versionsCache ??= getCollection('versions').then((entries) =>
    entries.map(toVersion).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime()),
  );
  return versionsCache;
}

/** The newest version already published: the one people read and comment on. */
export async function currentVersion(now = new Date()): Promise<DraftVersion> {
  const published = (await listVersions()).filter((v) => v.publishedAt <= now);
  const current = published.at(-1) ?? (await listVersions())[0];
  if (!current) throw new Error('content/ holds no draft version');
  return current;
}

export function windowState(version: DraftVersion, now = new Date()): WindowState {
  if (now < version.opensAt) return 'not-open';
  return now < version.closesAt ? 'open' : 'closed';
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
  return { versionId: version.id, opensAt: version.opensAt, closesAt: version.closesAt, lastDay: version.lastDay };
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
