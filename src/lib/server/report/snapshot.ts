import type { Insertable } from 'kysely';
import type { Dictionary } from '../../../i18n/index.ts';
import type { ReportSection } from '../../enums.ts';
import { describeJoint } from '../comments/joint-standing.ts';
import { listPublicComments, type PublicComment } from '../comments/queries.ts';
import type { Consultation } from '../consultations/consultations.ts';
import { reanchorComments } from '../comments/reanchor.ts';
import { listChapters, listVersions, type DraftVersion } from '../content/content.ts';
import { currentOf } from '../content/versions.ts';
import type { Chapter } from '../content/content-files.ts';
import type { Db } from '../platform/db.ts';
import type { ReportRowTable } from '../platform/schema.ts';
import { attachmentsByComment } from '../attachments/queries.ts';

/**
 * A report snapshot: every public comment of a consultation frozen into `report_rows`, in the
 * report's order, with every text the document shows as it stands at that moment. Written in
 * chunks (the comments are read by id, SNAPSHOT_CHUNK at a time, each chunk stored in its own
 * transaction), so a million comments never sit in memory and other requests are answered between
 * the chunks; the version stays `preparing` — invisible — until the last chunk is in.
 */

export const SNAPSHOT_CHUNK = 500;
/** Rows stored per transaction. */
const COMMIT_ROWS = 2000;

/** What a snapshot places comments in: the consultation's current draft and its chapters. */
export interface SnapshotSource {
  consultation: Consultation;
  version: DraftVersion;
  chapters: Chapter[];
  /** Every version's label by id ("Osnutek 1"), for "written on". */
  versionLabels: Record<string, string>;
}

/** The consultation's current draft, without touching the database (the request that starts a snapshot). */
export async function currentDraft(consultation: Pick<Consultation, 'slug'>, now = new Date()): Promise<DraftVersion | undefined> {
  return currentOf(await listVersions(consultation.slug), now);
}

/** What the snapshot job places comments in; anchors older drafts' comments in the current one first. */
export async function snapshotSource(db: Db, consultation: Consultation, now = new Date()): Promise<SnapshotSource | undefined> {
  const version = await currentDraft(consultation, now);
  if (!version) return undefined;
  const chapters = await listChapters(consultation.slug, version.id);
  // Comments on older drafts are placed through their anchors in this one (written once; cheap after).
  await reanchorComments(db, consultation.id, version.id, chapters.map((c) => ({ slug: c.slug, blocks: c.rendered.blocks })));
  const versionLabels = Object.fromEntries((await listVersions(consultation.slug)).map((v) => [v.id, v.label]));
  return { consultation, version, chapters, versionLabels };
}

const SECTION_RANK: Record<ReportSection, number> = { chapter: 0, draft: 1, late: 2 };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Where a comment stands in the report: its section, its chapter now, its paragraph now, and the key that orders it. */
function placeIn(c: PublicComment, source: SnapshotSource, chapterIndex: Map<string, number>) {
  const removed = c.anchorStatus === 'removed';
  const slug = c.currentChapterSlug ?? c.chapterSlug;
  const index = slug !== null && c.scope !== 'draft' ? chapterIndex.get(slug) : undefined;
  const chapter = index === undefined ? undefined : source.chapters[index];
  const blockNumber = removed || c.scope !== 'block' ? null : (c.currentBlockNumber ?? c.blockNumber);
  // Within a chapter: the chapter as a whole first, then its paragraphs in order, then comments on
  // paragraphs no longer in the draft. The draft as a whole (and chapters gone) after every chapter.
  const blockRank = c.scope === 'chapter' && !removed ? 0 : blockNumber ? Number(blockNumber.split('.')[1]) || 0 : 999_999;
  const section: ReportSection = c.late ? 'late' : chapter ? 'chapter' : 'draft';
  const sortKey = [SECTION_RANK[section], pad(index ?? 9999, 4), pad(blockRank, 6), c.submittedAt, pad(c.id, 10)].join('|');
  return { section, chapter, blockNumber, sortKey };
}

/** One comment as the snapshot freezes it. */
export function frozenRow(reportVersionId: number, c: PublicComment, source: SnapshotSource, t: Dictionary, chapterIndex?: Map<string, number>, attachmentNames: readonly string[] = []): Insertable<ReportRowTable> {
  const place = placeIn(c, source, chapterIndex ?? new Map(source.chapters.map((ch, i) => [ch.slug, i])));
  return {
    report_version_id: reportVersionId,
    sort_key: place.sortKey,
    comment_id: c.id,
    section: place.section,
    chapter_slug: place.chapter?.slug ?? null,
    chapter_number: place.chapter?.number ?? null,
    chapter_title: place.chapter?.title ?? null,
    block_number: place.blockNumber,
    anchor_status: c.anchorStatus,
    written_version_label: source.versionLabels[c.versionId] ?? c.versionId,
    written_block_number: c.blockNumber,
    scope: c.scope as Insertable<ReportRowTable>['scope'],
    organisation_name: c.organisation.name,
    organisation_short_name: c.organisation.shortName,
    organisation_kind: c.organisation.kind as Insertable<ReportRowTable>['organisation_kind'],
    organisation_code: c.organisation.code,
    kind: c.kind,
    quote: c.kind === 'amendment' ? c.quote : null,
    body: c.body,
    proposed_text: c.proposedText,
    rationale: c.rationale,
    joint_line: c.joint ? describeJoint(t, c.organisation.shortName, c.joint).line : null,
    supporters: c.supporters.length ? c.supporters.map((s) => s.name).join('; ') : null,
    status: c.status as Insertable<ReportRowTable>['status'],
    response: c.response,
    submitted_at: c.submittedAt,
    late: c.late ? 1 : 0,
    received_via: c.receivedVia,
    attachments: attachmentNames.length ? attachmentNames.join('; ') : null,
  };
}

/** Lets the event loop answer other requests between two chunks. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the snapshot's rows: every public comment of the consultation, placed in the current draft,
 * joint positions read at `now`. Returns how many rows were written.
 */
export async function writeSnapshotRows(db: Db, reportVersionId: number, source: SnapshotSource, t: Dictionary, now: Date, chunk = SNAPSHOT_CHUNK): Promise<number> {
  const chapterIndex = new Map(source.chapters.map((ch, i) => [ch.slug, i]));
  let afterId = 0;
  let written = 0;
  let pending: Insertable<ReportRowTable>[] = [];
  // Each commit waits for the disk (synchronous = FULL): rows are stored COMMIT_ROWS at a time, in a
  // transaction short enough (tens of milliseconds) not to hold up other requests.
  const store = async () => {
    const rows = pending;
    pending = [];
    await db.transaction().execute(async (trx) => {
      // SQLite takes at most 32,766 variables per statement: 28 columns × 100 rows stays well below.
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('report_rows').values(rows.slice(i, i + 100)).execute();
    });
    written += rows.length;
  };
  for (;;) {
    const comments = await listPublicComments(db, { consultationId: source.consultation.id, currentVersionId: source.version.id, afterId, limit: chunk, now });
    if (comments.length === 0) break;
    const files = await attachmentsByComment(db, comments.map((c) => c.id));
    for (const c of comments) pending.push(frozenRow(reportVersionId, c, source, t, chapterIndex, (files.get(c.id) ?? []).map((a) => a.name)));
    if (pending.length >= COMMIT_ROWS) await store();
    afterId = comments[comments.length - 1].id;
    await yieldToOthers();
  }
  if (pending.length) await store();
  return written;
}
