import { listPublicComments, type PublicComment } from '../comments/queries.ts';
import type { Db } from '../platform/db.ts';
import { changeCounts, compareVersions, comparisonRows, type ComparisonRow } from './comparison.ts';
import type { Chapter } from './content-files.ts';
import { currentVersion, findChapter, findVersion, listChapters, listVersions } from './content.ts';
import type { DraftVersion } from './versions.ts';

/** What the pages of the strategy text show (home, versions, an older version, a comparison): one read model each. */

export interface HomePage {
  version: DraftVersion;
  chapters: Chapter[];
}

/** The home page: the current draft and its chapters. */
export async function homePage(): Promise<HomePage> {
  const version = await currentVersion();
  return { version, chapters: await listChapters(version.id) };
}

export interface VersionsPage {
  /** Newest first, each with the version before it (to compare with) and whether it is current. */
  versions: Array<{ version: DraftVersion; previous: DraftVersion | undefined; isCurrent: boolean }>;
}

export async function versionsPage(): Promise<VersionsPage> {
  const versions = await listVersions();
  const current = await currentVersion();
  return {
    versions: versions.map((version, i) => ({ version, previous: versions[i - 1], isCurrent: version.id === current.id })).reverse(),
  };
}

export interface VersionPage {
  version: DraftVersion;
  isCurrent: boolean;
  chapters: Chapter[];
}

/** An older version's own page: its chapters. Undefined for no such version. */
export async function versionPage(id: string): Promise<VersionPage | undefined> {
  const version = await findVersion(id);
  if (!version) return undefined;
  const current = await currentVersion();
  if (version.id === current.id) return { version, isCurrent: true, chapters: [] };
  return { version, isCurrent: false, chapters: await listChapters(version.id) };
}

export interface ComparisonPage {
  kind: 'comparison';
  from: DraftVersion;
  to: DraftVersion;
  counts: ReturnType<typeof changeCounts>;
  chapters: Array<{ chapter: Chapter; changes: number; rows: ComparisonRow<PublicComment>[] }>;
}

export interface OlderChapterPage {
  kind: 'chapter';
  version: DraftVersion;
  /** The chapter is in the current version (the notice then links to it). */
  isCurrent: boolean;
  chapter: Chapter;
  /** Public comments written on this version of the chapter, by the key of their block. */
  commentsByKey: Map<string, PublicComment[]>;
}

/**
 * /verzije/<version>/<other>: a comparison of two versions, or a chapter of an older version with
 * the comments written on it. Undefined when neither exists.
 */
export async function versionSubpage(db: Db, versionId: string, other: string): Promise<ComparisonPage | OlderChapterPage | undefined> {
  const from = await findVersion(versionId);
  if (!from) return undefined;
  const to = await findVersion(other);
  const chapter = to ? undefined : await findChapter(from.id, other);
  if (!to && !chapter) return undefined;
  const current = await currentVersion();
  const written = await listPublicComments(db, { versionId: from.id, chapterSlug: chapter?.slug, currentVersionId: current.id });
  const commentsByKey = new Map<string, PublicComment[]>();
  for (const c of written) if (c.blockKey) commentsByKey.set(c.blockKey, [...(commentsByKey.get(c.blockKey) ?? []), c]);
  if (!to) return { kind: 'chapter', version: from, isCurrent: from.id === current.id, chapter: chapter!, commentsByKey };

  const comparison = await compareVersions(from.id, to.id);
  return {
    kind: 'comparison',
    from,
    to,
    counts: changeCounts(comparison),
    chapters: comparison.map(({ chapter, entries }) => ({
      chapter,
      changes: entries.filter((e) => e.type !== 'unchanged').length,
      rows: comparisonRows(entries, commentsByKey),
    })),
  };
}
