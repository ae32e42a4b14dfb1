import type { Selectable } from 'kysely';
import type { AnchorStatus, CommentKind, CommentScope, ModerationStatus, ReceivedVia, ReportSection } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import type { ReportRowTable, ReportVersionTable } from '../platform/schema.ts';
import { yieldToOthers } from './snapshot.ts';
import type { ReportSummary } from './summary.ts';

/** Reading report snapshots: their versions, and their rows in the report's order, a chunk at a time. */

export interface ReportVersion {
  id: number;
  consultationId: number;
  kind: 'published' | 'preview';
  state: 'preparing' | 'ready' | 'failed';
  /** 1, 2, … for a published version; null for a preview. */
  number: number | null;
  documentNumber: string | null;
  place: string | null;
  /** A calendar day, "2027-03-15". */
  documentDate: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  draftVersionId: string;
  draftVersionLabel: string;
  /** Null until the snapshot is ready. */
  summary: ReportSummary | null;
  rowCount: number;
  createdBy: number | null;
  createdAt: Date;
  readyAt: Date | null;
  error: string | null;
}

export interface ReportRow {
  sortKey: string;
  commentId: number;
  section: ReportSection;
  chapterSlug: string | null;
  chapterNumber: number | null;
  chapterTitle: string | null;
  /** Where the paragraph stands now ("3.4"); null for a whole chapter or draft, or a paragraph no longer there. */
  blockNumber: string | null;
  anchorStatus: AnchorStatus | null;
  writtenVersionLabel: string;
  writtenBlockNumber: string | null;
  scope: CommentScope;
  organisation: { name: string; shortName: string; kind: string; code: string };
  kind: CommentKind;
  /** The text an amendment changes (null for other kinds). */
  quote: string | null;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  /** A joint position's standing when the snapshot was taken, in one line; null for other comments. */
  jointLine: string | null;
  /** Co-signers' names, "; "-separated. */
  supporters: string | null;
  /** A published decision, or new / in_review (to the public: „še v obravnavi“). */
  status: ModerationStatus;
  response: string | null;
  submittedAt: Date;
  late: boolean;
  receivedVia: ReceivedVia;
  /** Its attachments' names, "; "-separated, or null. */
  attachments: string | null;
}

export function toReportVersion(r: Selectable<ReportVersionTable>): ReportVersion {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    kind: r.kind,
    state: r.state,
    number: r.number,
    documentNumber: r.document_number,
    place: r.place,
    documentDate: r.document_date,
    signatoryName: r.signatory_name,
    signatoryTitle: r.signatory_title,
    draftVersionId: r.draft_version_id,
    draftVersionLabel: r.draft_version_label,
    summary: r.summary_json ? (JSON.parse(r.summary_json) as ReportSummary) : null,
    rowCount: r.row_count,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    readyAt: r.ready_at ? new Date(r.ready_at) : null,
    error: r.error,
  };
}

export function toReportRow(r: Selectable<ReportRowTable>): ReportRow {
  return {
    sortKey: r.sort_key,
    commentId: r.comment_id,
    section: r.section,
    chapterSlug: r.chapter_slug,
    chapterNumber: r.chapter_number,
    chapterTitle: r.chapter_title,
    blockNumber: r.block_number,
    anchorStatus: r.anchor_status,
    writtenVersionLabel: r.written_version_label,
    writtenBlockNumber: r.written_block_number,
    scope: r.scope,
    organisation: { name: r.organisation_name, shortName: r.organisation_short_name, kind: r.organisation_kind, code: r.organisation_code },
    kind: r.kind,
    quote: r.quote,
    body: r.body,
    proposedText: r.proposed_text,
    rationale: r.rationale,
    jointLine: r.joint_line,
    supporters: r.supporters,
    status: r.status,
    response: r.response,
    submittedAt: new Date(r.submitted_at),
    late: r.late === 1,
    receivedVia: r.received_via,
    attachments: r.attachments,
  };
}

/** The published versions of a consultation's report that are ready, newest first (a few per consultation). */
export async function listPublishedVersions(db: Db, consultationId: number): Promise<ReportVersion[]> {
  const rows = await db
    .selectFrom('report_versions')
    .where('consultation_id', '=', consultationId)
    .where('kind', '=', 'published')
    .where('state', '=', 'ready')
    .selectAll()
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toReportVersion);
}

export async function findPublishedVersion(db: Db, consultationId: number, number: number): Promise<ReportVersion | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .where('consultation_id', '=', consultationId)
    .where('kind', '=', 'published')
    .where('state', '=', 'ready')
    .where('number', '=', number)
    .selectAll()
    .executeTakeFirst();
  return row && toReportVersion(row);
}

/** The newest ready preview of the consultation, and whether a newer one is being prepared. */
export async function findPreview(db: Db, consultationId: number): Promise<{ ready: ReportVersion | undefined; preparing: boolean; failed: ReportVersion | undefined }> {
  const rows = await db.selectFrom('report_versions').where('consultation_id', '=', consultationId).where('kind', '=', 'preview').selectAll().orderBy('id', 'desc').execute();
  const versions = rows.map(toReportVersion);
  return { ready: versions.find((v) => v.state === 'ready'), preparing: versions.some((v) => v.state === 'preparing'), failed: versions.find((v) => v.state === 'failed') };
}

/** Every published version of the consultation in any state (preparing, ready, failed), newest first, for the administrators' page. */
export async function listAllVersions(db: Db, consultationId: number): Promise<ReportVersion[]> {
  const rows = await db.selectFrom('report_versions').where('consultation_id', '=', consultationId).where('kind', '=', 'published').selectAll().orderBy('id', 'desc').execute();
  return rows.map(toReportVersion);
}

export interface RowSelection {
  section?: ReportSection;
  /** With section 'chapter': one chapter's rows. */
  chapterSlug?: string;
}

function selected(db: Db, reportVersionId: number, selection: RowSelection) {
  let query = db.selectFrom('report_rows').where('report_version_id', '=', reportVersionId);
  if (selection.section) query = query.where('section', '=', selection.section);
  if (selection.chapterSlug) query = query.where('chapter_slug', '=', selection.chapterSlug);
  return query;
}

/** Rows per query when a whole snapshot (or section) is read. */
export const ROWS_CHUNK = 500;

/**
 * The rows of a snapshot in the report's order, read ROWS_CHUNK at a time by their sort key (an
 * index range, never OFFSET), yielding to other requests between chunks: memory stays flat
 * whatever the size. Can be read as often as a writer needs (a PDF's two passes).
 */
export async function* readRows(db: Db, reportVersionId: number, selection: RowSelection = {}, chunk = ROWS_CHUNK): AsyncGenerator<ReportRow, void, undefined> {
  let after: string | undefined;
  for (;;) {
    let query = selected(db, reportVersionId, selection).selectAll().orderBy('sort_key').limit(chunk);
    if (after !== undefined) query = query.where('sort_key', '>', after);
    const rows = await query.execute();
    for (const row of rows) yield toReportRow(row);
    if (rows.length < chunk) return;
    after = rows[rows.length - 1].sort_key;
    await yieldToOthers();
  }
}

/** One page of a section's rows (1-based `page`), for the HTML report. */
export async function pageOfRows(db: Db, reportVersionId: number, selection: RowSelection, page: number, perPage: number): Promise<ReportRow[]> {
  const rows = await selected(db, reportVersionId, selection).selectAll().orderBy('sort_key').limit(perPage).offset((page - 1) * perPage).execute();
  return rows.map(toReportRow);
}
