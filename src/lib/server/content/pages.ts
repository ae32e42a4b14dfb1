import { listPublicComments, type PublicComment } from '../comments/queries.ts';
import { listConsultations, type Consultation } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { changeCounts, compareVersions, comparisonRows, type ComparisonRow } from './comparison.ts';
import type { Chapter } from './content-files.ts';
import { currentVersion, findChapter, findVersion, listChapters, listVersions } from './content.ts';
import type { DraftVersion } from './versions.ts';

/**
 * What the pages of the consultations' texts show (the list of consultations, a consultation,
 * versions, an older version, a comparison): one read model each.
 */

export interface ConsultationSummary {
  consultation: Consultation;
  /** Its current draft; undefined while it is in preparation without one. */
  version: DraftVersion | undefined;
  chapters: number;
}

export interface HomePage {
  /** Open and in preparation, the soonest to close first. */
  open: ConsultationSummary[];
  /** Closed ones (with their reports), the most recently closed first. */
  closed: ConsultationSummary[];
}

/** The home page: every consultation that is not archived, open ones first. */
export async function homePage(db: Db): Promise<HomePage> {
  const summaries = await Promise.all(
    (await listConsultations(db)).map(async (consultation): Promise<ConsultationSummary> => {
      const version = await currentVersion(consultation);
      return { consultation, version, chapters: version ? (await listChapters(consultation.slug, version.id)).length : 0 };
    }),
  );
  const closesAt = (s: ConsultationSummary) => s.version?.closesAt.getTime() ?? Infinity;
  const isOpen = (s: ConsultationSummary) => s.consultation.status === 'open' || s.consultation.status === 'preparation';
  return {
    open: summaries.filter(isOpen).sort((a, b) => closesAt(a) - closesAt(b)),
    closed: summaries.filter((s) => !isOpen(s)).sort((a, b) => closesAt(b) - closesAt(a)),
  };
}

export interface ConsultationPage {
  consultation: Consultation;
  version: DraftVersion | undefined;
  chapters: Chapter[];
}

/** A consultation's own page: what it is, its current draft and chapters (none while in preparation). */
export async function consultationPage(consultation: Consultation): Promise<ConsultationPage> {
  const version = await currentVersion(consultation);
  return { consultation, version, chapters: version ? await listChapters(consultation.slug, version.id) : [] };
}

export interface VersionsPage {
  /** Newest first, each with the version before it (to compare with) and whether it is current. */
  versions: Array<{ version: DraftVersion; previous: DraftVersion | undefined; isCurrent: boolean }>;
}

export async function versionsPage(consultation: Consultation): Promise<VersionsPage> {
  const versions = await listVersions(consultation.slug);
  const current = await currentVersion(consultation);
  return {
    versions: versions.map((version, i) => ({ version, previous: versions[i - 1], isCurrent: version.id === current?.id })).reverse(),
  };
}

export interface VersionPage {
  version: DraftVersion;
  isCurrent: boolean;
  chapters: Chapter[];
}

/** An older version's own page: its chapters. Undefined for no such version. */
export async function versionPage(consultation: Consultation, id: string): Promise<VersionPage | undefined> {
  const version = await findVersion(consultation.slug, id);
  if (!version) return undefined;
  const current = await currentVersion(consultation);
  if (version.id === current?.id) return { version, isCurrent: true, chapters: [] };
  return { version, isCurrent: false, chapters: await listChapters(consultation.slug, version.id) };
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
 * …/verzije/<version>/<other>: a comparison of two versions of the consultation, or a chapter of an
 * older version with the comments written on it. Undefined when neither exists.
 */
export async function versionSubpage(db: Db, consultation: Consultation, versionId: string, other: string): Promise<ComparisonPage | OlderChapterPage | undefined> {
  const from = await findVersion(consultation.slug, versionId);
  const current = await currentVersion(consultation);
  if (!from || !current) return undefined;
  const to = await findVersion(consultation.slug, other);
  const chapter = to ? undefined : await findChapter(consultation.slug, from.id, other);
  if (!to && !chapter) return undefined;
  const written = await listPublicComments(db, { consultationId: consultation.id, versionId: from.id, chapterSlug: chapter?.slug, currentVersionId: current.id });
  const commentsByKey = new Map<string, PublicComment[]>();
  for (const c of written) if (c.blockKey) commentsByKey.set(c.blockKey, [...(commentsByKey.get(c.blockKey) ?? []), c]);
  if (!to) return { kind: 'chapter', version: from, isCurrent: from.id === current.id, chapter: chapter!, commentsByKey };

  const comparison = await compareVersions(consultation.slug, from.id, to.id);
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
