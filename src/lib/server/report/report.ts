import writeXlsxFile from 'write-excel-file/node';
import { formatDateTimePlain, type Dictionary } from '../../../i18n/index.ts';
import { DECISIONS, MODERATION_STATUSES, ORGANISATION_KINDS } from '../../enums.ts';
import { absolute, routes } from '../../routes.ts';
import { describeJoint } from '../comments/joint-standing.ts';
import { listPublicComments, type PublicComment } from '../comments/queries.ts';
import { toCsv } from '../platform/csv.ts';
import type { Db } from '../platform/db.ts';

/**
 * Poročilo o upoštevanju pripomb: every public comment, per chapter and block, with its
 * organisation, kind, text, decision and response, and totals — generated from the live data.
 */

export interface ReportChapter {
  slug: string;
  number: number;
  title: string;
}

export interface ReportGroup {
  chapter: ReportChapter | null;
  /** By where the block stands in the current version; `removed` collects comments whose block is gone. */
  blocks: Array<{ blockNumber: string | null; removed: boolean; comments: PublicComment[] }>;
}

export interface Report {
  generatedAt: Date;
  versionLabels: Record<string, string>;
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  byOrganisationKind: Array<{ kind: string; count: number }>;
  groups: ReportGroup[];
}

const blockOrder = (b: { blockNumber: string | null; removed: boolean }) => (b.removed ? 1e6 : b.blockNumber ? Number(b.blockNumber.split('.')[1]) : 0);

/**
 * `chapters` are the current version's; comments written on older versions are placed where their
 * block stands now (see anchoring.ts), and the report says which version each was written on.
 */
export async function buildReport(
  db: Db,
  consultationId: number,
  chapters: ReportChapter[],
  currentVersionId?: string,
  versionLabels: Record<string, string> = {},
): Promise<Report> {
  const comments = await listPublicComments(db, { consultationId, currentVersionId });
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const groups = new Map<string, ReportGroup>();
  for (const c of comments) {
    const slug = c.currentChapterSlug ?? c.chapterSlug;
    const chapter = (slug && bySlug.get(slug)) || null;
    const key = chapter?.slug ?? '';
    if (!groups.has(key)) groups.set(key, { chapter, blocks: [] });
    const group = groups.get(key)!;
    const removed = c.anchorStatus === 'removed';
    const blockNumber = removed ? null : c.currentBlockNumber ?? c.blockNumber;
    let block = group.blocks.find((b) => b.blockNumber === blockNumber && b.removed === removed);
    if (!block) group.blocks.push((block = { blockNumber, removed, comments: [] }));
    block.comments.push(c);
  }
  for (const group of groups.values()) group.blocks.sort((a, b) => blockOrder(a) - blockOrder(b));
  const ordered = [...groups.values()].sort((a, b) => (a.chapter?.number ?? 0) - (b.chapter?.number ?? 0));
  const count = <K extends string>(keys: readonly K[], pick: (c: PublicComment) => string) =>
    keys.map((key) => ({ key, count: comments.filter((c) => pick(c) === key).length }));
  return {
    generatedAt: new Date(),
    versionLabels,
    total: comments.length,
    byStatus: count(MODERATION_STATUSES, (c) => c.status).map(({ key, count }) => ({ status: key, count })),
    // Government bodies do not comment: they are the ones who answer.
    byOrganisationKind: count(ORGANISATION_KINDS.filter((kind) => kind !== 'government'), (c) => c.organisation.kind).map(({ key, count }) => ({ kind: key, count })),
    groups: ordered,
  };
}

/**
 * The totals as the public reads them: comments without a stance yet ("nova" and "v obravnavi" to
 * the moderators) are one row, "še v obravnavi", followed by the stances.
 */
export function publicStatusTotals(report: Report): Array<{ status: string; count: number }> {
  const count = (status: string) => report.byStatus.find((s) => s.status === status)?.count ?? 0;
  return [{ status: 'pending', count: count('new') + count('in_review') }, ...DECISIONS.map((status) => ({ status, count: count(status) }))];
}

/** The key of the public label of a moderation status (t.comments.publicStatuses). */
export function publicStatusOf(status: string): string {
  return status === 'new' || status === 'in_review' ? 'pending' : status;
}

const columns = (t: Dictionary) => {
  const r = t.report.columns;
  return [r.id, r.chapter, r.block, r.version, r.blockNow, r.organisation, r.organisationKind, r.kind, r.text, r.proposedText, r.rationale, r.onBehalfOf, r.supporters, r.decision, r.response, r.submittedAt, r.late, r.url];
};

function rowsOf(report: Report, baseUrl: string, t: Dictionary): string[][] {
  const rows: string[][] = [];
  for (const group of report.groups) {
    for (const block of group.blocks) {
      for (const c of block.comments) {
        rows.push([
          String(c.id),
          group.chapter ? `${group.chapter.number}. ${group.chapter.title}` : t.report.wholeDraft,
          c.blockNumber ?? '',
          report.versionLabels[c.versionId] ?? c.versionId,
          c.anchorStatus === 'removed' ? t.report.blockRemoved : (c.currentBlockNumber ?? c.blockNumber ?? ''),
          c.organisation.name,
          t.account.organisationKinds[c.organisation.kind] ?? c.organisation.kind,
          t.comments.kinds[c.kind],
          c.body,
          c.proposedText ?? '',
          c.rationale ?? '',
          // What the joint position says: being agreed, or for whom it speaks (joint-standing.ts).
          c.joint ? describeJoint(t, c.organisation.shortName, c.joint).line : '',
          c.supporters.map((s) => s.name).join(', '),
          t.comments.publicStatuses[publicStatusOf(c.status)] ?? c.status,
          c.response ?? '',
          formatDateTimePlain(new Date(c.submittedAt)),
          c.late ? t.report.yes : t.report.no,
          absolute(baseUrl, routes.comment(c.id)),
        ]);
      }
    }
  }
  return rows;
}

/** Columns holding a paragraph number ("3.4"): as written, and where the block stands now. */
const PARAGRAPH_COLUMNS = new Set([2, 4]);

/**
 * The report as a Slovenian office opens it: a spreadsheet set to Slovenian reads `;` as the column
 * separator (the comma is its decimal sign), the BOM tells it the file is UTF-8, and times are
 * Ljubljana wall-clock time as people write it ("5. 11. 2026 10.41").
 *
 * Paragraph numbers stay text: a spreadsheet set to Slovenian reads "3.4" and "6.10" as the dates
 * 3. 4. and 6. 10. Quoting does not help (spreadsheets ignore the quotes when they guess types). A
 * leading apostrophe is shown as part of the cell when a CSV is opened; `="3.4"` is a formula, which
 * is what the CSV writer keeps out; a leading tab is a formula start to it (OWASP's list) and a space
 * that import options may trim. So the number is preceded by U+200B ZERO WIDTH SPACE: a format
 * character (not White_Space in Unicode, so not trimmed), invisible in the cell, and enough that
 * the text no longer parses as a number or a date. It is part of the cell's text (a lookup of
 * "3.4" has to allow for it); the XLSX, whose cells are typed as text, needs no such mark.
 */
export function reportCsv(report: Report, baseUrl: string, t: Dictionary): string {
  const rows = rowsOf(report, baseUrl, t).map((row) => row.map((value, i) => (PARAGRAPH_COLUMNS.has(i) && /^\d/.test(value) ? `\u200B${value}` : value)));
  return toCsv(columns(t), rows, ';');
}

/**
 * XLSX with every cell typed as text, so nothing a commenter wrote can become a formula; the
 * totals go to a second sheet.
 */
export async function reportXlsx(report: Report, baseUrl: string, t: Dictionary): Promise<Buffer> {
  const text = (value: string, bold = false) => ({ type: String, value, ...(bold ? { fontWeight: 'bold' as const } : {}) });
  const comments = [columns(t).map((c) => text(c, true)), ...rowsOf(report, baseUrl, t).map((row) => row.map((v) => text(v)))];
  const totals = [
    [text(t.report.columns.decision, true), text(t.report.count, true)],
    ...publicStatusTotals(report).map((s) => [text(t.comments.publicStatuses[s.status]), { type: Number, value: s.count }]),
    [text(t.report.totalLabel, true), { type: Number, value: report.total }],
    [text(''), text('')],
    [text(t.report.columns.organisationKind, true), text(t.report.count, true)],
    ...report.byOrganisationKind.map((k) => [text(t.account.organisationKinds[k.kind]), { type: Number, value: k.count }]),
  ];
  return writeXlsxFile([
    { data: comments as never, sheet: t.report.sheetComments, stickyRowsCount: 1, columns: columns(t).map((_, i) => ({ width: i === 8 || i === 14 ? 60 : 18 })) },
    { data: totals as never, sheet: t.report.sheetTotals, columns: [{ width: 30 }, { width: 12 }] },
  ]).toBuffer();
}
