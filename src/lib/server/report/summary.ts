import { COMMENT_KINDS, MODERATION_STATUSES, ORGANISATION_KINDS, type ReportSection } from '../../enums.ts';
import { absolute, routes } from '../../routes.ts';
import { listVersions } from '../content/content.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import type { SnapshotSource } from './snapshot.ts';

/**
 * What a report snapshot says besides its rows — the introduction's facts, the sections with their
 * counts, the participants — computed once from the stored rows by aggregate queries (never by
 * reading the rows) and stored with the version as JSON.
 */

export type Counts = Record<string, number>;

export interface ReportSectionSummary {
  section: ReportSection;
  /** The chapter's slug for a chapter section (also the HTML page's address), null otherwise. */
  chapterSlug: string | null;
  chapterNumber: number | null;
  chapterTitle: string | null;
  count: number;
  /** By moderation status (new, in_review, accepted, …): only the statuses present. */
  byStatus: Counts;
}

export interface ReportParticipant {
  name: string;
  shortName: string;
  kind: string;
  code: string;
  /** Comments it submitted (in the report). */
  comments: number;
  /** Joint positions it confirmed as a named municipality. */
  confirmedJoint: number;
}

export interface ReportSummary {
  consultation: { slug: string; title: string; shortTitle: string; caseNumber: string; description: string; invited: string | null; ownerName: string };
  /** The draft comments are placed in, and every version consulted on (oldest first). */
  draft: { id: string; label: string };
  drafts: Array<{ id: string; label: string; publishedAt: string; opensAt: string; lastDay: string; caseNumber: string }>;
  /** Where the consultation was published (its page under PUBLIC_URL). */
  url: string;
  /** When the snapshot was taken (ISO 8601). */
  takenAt: string;
  total: number;
  late: number;
  byStatus: Counts;
  byKind: Counts;
  byOrganisationKind: Counts;
  participation: {
    /** Municipalities that submitted a comment or confirmed a joint position, of all in the directory. */
    municipalities: number;
    municipalitiesInDirectory: number;
    /** Associations that submitted a comment (their short names). */
    associations: string[];
    organisations: number;
  };
  sections: ReportSectionSummary[];
  participants: ReportParticipant[];
}

const toCounts = (rows: Array<{ key: string | null; n: number | bigint }>, keys: readonly string[]): Counts => {
  const counts: Counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const r of rows) if (r.key !== null) counts[r.key] = Number(r.n);
  return counts;
};

export async function summarise(db: Db, reportVersionId: number, source: SnapshotSource, takenAt: Date): Promise<ReportSummary> {
  const rows = db.selectFrom('report_rows').where('report_version_id', '=', reportVersionId);
  const grouped = async (column: 'status' | 'kind' | 'organisation_kind') =>
    (await rows.select([`${column} as key`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(column).execute()) as Array<{ key: string; n: number }>;
  const total = Number((await rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const late = Number((await rows.where('late', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const sectionRows = await rows
    .select(['section', 'chapter_slug', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['section', 'chapter_slug', 'status'])
    .execute();
  const sections: ReportSectionSummary[] = source.chapters.map((ch) => ({ section: 'chapter', chapterSlug: ch.slug, chapterNumber: ch.number, chapterTitle: ch.title, count: 0, byStatus: {} }));
  const draft: ReportSectionSummary = { section: 'draft', chapterSlug: null, chapterNumber: null, chapterTitle: null, count: 0, byStatus: {} };
  const lateSection: ReportSectionSummary = { ...draft, section: 'late', byStatus: {} };
  for (const r of sectionRows) {
    const target = r.section === 'chapter' ? sections.find((s) => s.chapterSlug === r.chapter_slug) : r.section === 'draft' ? draft : lateSection;
    if (!target) continue;
    target.count += Number(r.n);
    target.byStatus[r.status] = (target.byStatus[r.status] ?? 0) + Number(r.n);
  }
  if (draft.count) sections.push(draft);
  if (lateSection.count) sections.push(lateSection);

  // Participants: organisations with comments in the snapshot, and municipalities that confirmed a
  // joint position in it (bounded by the directory, a few hundred rows).
  const commented = await rows
    .select(['organisation_code as code', 'organisation_name as name', 'organisation_short_name as shortName', 'organisation_kind as kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['organisation_code', 'organisation_name', 'organisation_short_name', 'organisation_kind'])
    .execute();
  const confirmed = await db
    .selectFrom('joint_position_members as j')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .where('j.status', '=', 'confirmed')
    .where('j.comment_id', 'in', (eb) => eb.selectFrom('report_rows').select('comment_id').where('report_version_id', '=', reportVersionId))
    .select(['o.code', 'o.name', 'o.short_name as shortName', 'o.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['o.code', 'o.name', 'o.short_name', 'o.kind'])
    .execute();
  const participants = new Map<string, ReportParticipant>();
  for (const c of commented) participants.set(c.code, { name: c.name, shortName: c.shortName, kind: c.kind, code: c.code, comments: Number(c.n), confirmedJoint: 0 });
  for (const c of confirmed) {
    const found = participants.get(c.code) ?? { name: c.name, shortName: c.shortName, kind: c.kind, code: c.code, comments: 0, confirmedJoint: 0 };
    found.confirmedJoint = Number(c.n);
    participants.set(c.code, found);
  }
  const list = [...participants.values()].sort((a, b) => ORGANISATION_KINDS.indexOf(a.kind as never) - ORGANISATION_KINDS.indexOf(b.kind as never) || a.name.localeCompare(b.name, 'sl'));
  const directory = await db.selectFrom('organisations').where('kind', '=', 'municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const drafts = await listVersions(source.consultation.slug);
  const { consultation, version } = source;
  return {
    consultation: {
      slug: consultation.slug,
      title: consultation.title,
      shortTitle: consultation.shortTitle,
      caseNumber: consultation.caseNumber,
      description: consultation.description,
      invited: consultation.invited,
      ownerName: consultation.ownerName,
    },
    draft: { id: version.id, label: version.label },
    drafts: drafts
      .filter((v) => v.publishedAt.getTime() <= takenAt.getTime())
      .map((v) => ({ id: v.id, label: v.label, publishedAt: v.publishedAt.toISOString(), opensAt: v.opensAt.toISOString(), lastDay: v.lastDay.toISOString(), caseNumber: v.caseNumber })),
    url: absolute(config.publicUrl, routes.consultation(consultation.slug)),
    takenAt: takenAt.toISOString(),
    total,
    late,
    byStatus: toCounts(await grouped('status'), MODERATION_STATUSES),
    byKind: toCounts(await grouped('kind'), COMMENT_KINDS),
    byOrganisationKind: toCounts(await grouped('organisation_kind'), ORGANISATION_KINDS.filter((k) => k !== 'government')),
    participation: {
      municipalities: list.filter((p) => p.kind === 'municipality').length,
      municipalitiesInDirectory: Number(directory.n),
      associations: list.filter((p) => p.kind === 'association' && p.comments > 0).map((p) => p.shortName),
      organisations: list.length,
    },
    sections,
    participants: list,
  };
}

/** The key of a moderation status's public label (t.comments.publicStatuses): no published stance yet is „še v obravnavi“. */
export function publicStatusOf(status: string): string {
  return status === 'new' || status === 'in_review' ? 'pending' : status;
}

/** Counts as the public reads them: comments without a published stance are one group, „še v obravnavi“. */
export function publicCounts(byStatus: Counts): Counts {
  const { new: fresh = 0, in_review: reviewing = 0, ...decided } = byStatus;
  return { pending: fresh + reviewing, ...decided };
}

