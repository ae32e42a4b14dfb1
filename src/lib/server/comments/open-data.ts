import { z } from 'astro/zod';
import { COMMENT_KINDS, MODERATION_STATUSES, ORGANISATION_KINDS } from '../../enums.ts';
import { routes } from '../../routes.ts';
import { csvCell, toCsv } from '../platform/csv.ts';
import type { AttachmentItem } from '../attachments/queries.ts';
import type { JointMember } from './joint-standing.ts';
import type { PublicComment } from './queries.ts';

/**
 * Open data: every public comment (submitted, not hidden) of every consultation, or of one –
 * never drafts, withdrawn or hidden comments, never a person's name or e-mail. What
 * /api/v1/comments and its exports answer, an item each (paged and streamed by open-data-pages.ts;
 * the fields described for people and as JSON Schema in open-data-fields.ts; the web edge,
 * web/comments/open-data.ts, turns them into responses).
 */

/** Page sizes of /api/v1/comments. */
export const OPEN_DATA_LIMIT = { default: 100, max: 1000 } as const;

/**
 * The query string of /api/v1/comments and its exports; anything else in a field is refused (400).
 * `after` and `since` are checked further by open-data-pages.ts (a cursor, an instant).
 */
export const openDataQuery = z.object({
  /** A consultation's slug ("ds2030"): its comments only. */
  consultation: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  /** Kept for old clients: `csv` is sent on to the CSV export. */
  format: z.enum(['json', 'csv']).default('json'),
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  status: z.enum(MODERATION_STATUSES).optional(),
  organisation: z.string().regex(/^[A-Za-z0-9-]{1,80}$/).optional(),
  /** Issue 16: the organisation's kind, an association (its members' comments and its own, by code or slug), the paragraph ("3.14"), the comment's kind, late, with an attachment. */
  organisationKind: z.enum(ORGANISATION_KINDS).optional(),
  association: z.string().regex(/^[A-Za-z0-9-]{1,80}$/).optional(),
  block: z.string().regex(/^\d{1,3}\.\d{1,4}$/).optional(),
  kind: z.enum(COMMENT_KINDS).optional(),
  late: z.enum(['true', 'false']).optional(),
  hasAttachment: z.literal('true').optional(),
  limit: z.string().regex(/^[1-9]\d{0,3}$/).transform(Number).refine((n) => n <= OPEN_DATA_LIMIT.max).optional(),
  after: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional(),
  since: z.string().max(40).optional(),
});

export type OpenDataQuery = z.infer<typeof openDataQuery>;

export interface OpenDataItem {
  id: number;
  /** The consultation's slug. */
  consultation: string;
  url: string;
  version: string;
  chapter: string | null;
  block: string | null;
  blockKey: string | null;
  anchorStatus: string | null;
  currentChapter: string | null;
  currentBlock: string | null;
  kind: string;
  organisation: { name: string; kind: string; code: string };
  onBehalfOf: Array<{ name: string; code: string; confirmation: string }>;
  /**
   * A joint position's standing (null for any other comment): `coordinating` while a named
   * municipality may still answer (before `deadline`), then `agreed` — it speaks only for `confirmed`.
   */
  jointPosition: OpenDataJointPosition | null;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  submittedAt: string;
  late: boolean;
  status: string;
  response: string | null;
  supporters: Array<{ name: string; code: string }>;
  /** ISO 8601 UTC: when its public data last changed (what `?since=` compares). */
  changedAt: string;
  /** PDF files attached to it (issue 16): the download's absolute address, name, bytes, SHA-256 (hex). */
  attachments: OpenDataAttachment[];
}

export interface OpenDataAttachment {
  url: string;
  name: string;
  size: number;
  sha256: string;
}

export interface OpenDataJointPosition {
  state: 'coordinating' | 'agreed';
  /** ISO 8601 UTC: until when the named municipalities answer. */
  deadline: string | null;
  confirmed: Array<{ name: string; code: string }>;
  declined: Array<{ name: string; code: string }>;
  noAnswer: Array<{ name: string; code: string }>;
}

const named = (members: JointMember[]) => members.map((m) => ({ name: m.name, code: m.code }));

export function toOpenDataItem(c: PublicComment, base: string, attachments: readonly AttachmentItem[] = []): OpenDataItem {
  return {
    id: c.id,
    consultation: c.consultation,
    url: `${base}${routes.comment(c.id)}`,
    version: c.versionId,
    chapter: c.chapterSlug,
    block: c.blockNumber,
    blockKey: c.blockKey,
    anchorStatus: c.anchorStatus,
    currentChapter: c.anchorStatus === 'removed' ? null : c.currentChapterSlug,
    currentBlock: c.anchorStatus === 'removed' ? null : c.currentBlockNumber,
    kind: c.kind,
    organisation: { name: c.organisation.name, kind: c.organisation.kind, code: c.organisation.code },
    onBehalfOf: c.onBehalfOf.map((j) => ({ name: j.name, code: j.code, confirmation: j.status })),
    jointPosition: c.joint
      ? {
          state: c.joint.state,
          deadline: c.joint.deadline?.toISOString() ?? null,
          confirmed: named(c.joint.confirmed),
          declined: named(c.joint.declined),
          noAnswer: named(c.joint.noAnswer),
        }
      : null,
    body: c.body,
    proposedText: c.proposedText,
    rationale: c.rationale,
    submittedAt: c.submittedAt,
    late: c.late,
    status: c.status,
    response: c.response,
    supporters: c.supporters.map((s) => ({ name: s.name, code: s.code })),
    changedAt: c.changedAt ?? c.submittedAt,
    attachments: attachments.map((a) => ({ url: `${base}${routes.attachment(a.id, a.name)}`, name: a.name, size: a.size, sha256: a.sha256 })),
  };
}

/** The CSV columns: the JSON's field names, in its order (`jointPosition`'s fields flattened to joint*). */
export const OPEN_DATA_COLUMNS = [
  'id', 'consultation', 'url', 'version', 'chapter', 'block', 'blockKey', 'anchorStatus', 'currentBlock', 'kind', 'organisation', 'organisationKind',
  'organisationCode', 'onBehalfOf', 'jointState', 'jointDeadline', 'jointConfirmed', 'jointDeclined', 'jointNoAnswer', 'body', 'proposedText', 'rationale', 'submittedAt', 'late', 'status', 'response', 'supporters', 'changedAt', 'attachments',
] as const;

/** One item as the CSV's cells, in OPEN_DATA_COLUMNS' order; `late` as the given words for yes and no. */
export function openDataCsvCells(j: OpenDataItem, words: { yes: string; no: string }): unknown[] {
  return [
    j.id, j.consultation, j.url, j.version, j.chapter, j.block, j.blockKey, j.anchorStatus, j.currentBlock, j.kind, j.organisation.name, j.organisation.kind, j.organisation.code,
    j.onBehalfOf.map((o) => `${o.name} (${o.confirmation})`).join('; '),
    j.jointPosition?.state ?? '', j.jointPosition?.deadline ?? '', ...(['confirmed', 'declined', 'noAnswer'] as const).map((list) => (j.jointPosition?.[list] ?? []).map((o) => o.name).join('; ')),
    j.body, j.proposedText, j.rationale, j.submittedAt,
    j.late ? words.yes : words.no, j.status, j.response, j.supporters.map((s) => s.name).join('; '), j.changedAt,
    j.attachments.map(attachmentCell).join('\n'),
  ];
}

/** An attachment in the CSV's `attachments` cell, one per line: "ime.pdf (123456 B, SHA-256 ab12…): https://…". */
export function attachmentCell(a: OpenDataAttachment): string {
  return `${a.name} (${a.size} B, SHA-256 ${a.sha256}): ${a.url}`;
}

/** The CSV's first line (with the BOM spreadsheets need) and then one line per item (RFC 4180, commas, CRLF). */
export const openDataCsvHeader = (): string => toCsv(OPEN_DATA_COLUMNS, []);
export const openDataCsvLine = (item: OpenDataItem, words: { yes: string; no: string }): string => `${openDataCsvCells(item, words).map(csvCell).join(',')}\r\n`;

/** RFC 4180 CSV with commas of a few items (the export streams the same lines). */
export function openDataCsv(items: OpenDataItem[], words: { yes: string; no: string }): string {
  return openDataCsvHeader() + items.map((item) => openDataCsvLine(item, words)).join('');
}
