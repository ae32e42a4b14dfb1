import { z } from 'astro/zod';
import { MODERATION_STATUSES } from '../../enums.ts';
import { routes } from '../../routes.ts';
import { fail, ok, type Result } from '../../result.ts';
import type { Consultation } from '../consultations/consultations.ts';
import { findConsultation, listConsultations } from '../consultations/consultations.ts';
import { toCsv } from '../platform/csv.ts';
import type { Db } from '../platform/db.ts';
import type { JointMember } from './joint-standing.ts';
import { listPublicComments, type PublicComment } from './queries.ts';

/**
 * Open data: every public comment (submitted, not hidden) of every consultation, or of one –
 * never drafts, withdrawn or hidden comments, never a person's name or e-mail. What
 * /api/v1/comments answers (the web edge, web/comments/open-data.ts, turns it into a response).
 */

/** The query string of /api/v1/comments; anything else in a field is refused (400). */
export const openDataQuery = z.object({
  /** A consultation's slug ("ds2030"): its comments only. */
  consultation: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  status: z.enum(MODERATION_STATUSES).optional(),
  organisation: z.string().regex(/^[A-Za-z0-9-]{1,80}$/).optional(),
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

export function toOpenDataItem(c: PublicComment, base: string): OpenDataItem {
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
  };
}

/**
 * The public comments the query selects, consultation by consultation (the oldest consultation
 * first), each placed in its consultation's current version. `not_found` for a consultation slug
 * that does not exist (archived consultations are found: their comments stay open data).
 */
export async function openDataItems(
  db: Db,
  query: Omit<OpenDataQuery, 'format'>,
  options: { baseUrl: string; currentVersionId: (consultation: Consultation) => Promise<string | undefined> },
): Promise<Result<OpenDataItem[]>> {
  let consultations: Consultation[];
  if (query.consultation) {
    const found = await findConsultation(db, query.consultation);
    if (!found) return fail('not_found', (t) => t.comments.openData.unknownConsultation(query.consultation!));
    consultations = [found];
  } else {
    consultations = (await listConsultations(db, { archived: true })).reverse();
  }
  const items: OpenDataItem[] = [];
  for (const consultation of consultations) {
    const comments = await listPublicComments(db, {
      consultationId: consultation.id,
      chapterSlug: query.chapter,
      status: query.status,
      organisationCode: query.organisation,
      currentVersionId: await options.currentVersionId(consultation),
    });
    items.push(...comments.map((c) => toOpenDataItem(c, options.baseUrl)));
  }
  return ok(items);
}

/** The CSV columns: the JSON's field names, in its order (`jointPosition`'s fields flattened to joint*). */
export const OPEN_DATA_COLUMNS = [
  'id', 'consultation', 'url', 'version', 'chapter', 'block', 'blockKey', 'anchorStatus', 'currentBlock', 'kind', 'organisation', 'organisationKind',
  'organisationCode', 'onBehalfOf', 'jointState', 'jointDeadline', 'jointConfirmed', 'jointDeclined', 'jointNoAnswer', 'body', 'proposedText', 'rationale', 'submittedAt', 'late', 'status', 'response', 'supporters',
] as const;

/** RFC 4180 CSV with commas; `late` as the given words for yes and no. */
export function openDataCsv(items: OpenDataItem[], words: { yes: string; no: string }): string {
  const rows = items.map((j) => [
    j.id, j.consultation, j.url, j.version, j.chapter, j.block, j.blockKey, j.anchorStatus, j.currentBlock, j.kind, j.organisation.name, j.organisation.kind, j.organisation.code,
    j.onBehalfOf.map((o) => `${o.name} (${o.confirmation})`).join('; '),
    j.jointPosition?.state ?? '', j.jointPosition?.deadline ?? '', ...(['confirmed', 'declined', 'noAnswer'] as const).map((list) => (j.jointPosition?.[list] ?? []).map((o) => o.name).join('; ')),
    j.body, j.proposedText, j.rationale, j.submittedAt,
    j.late ? words.yes : words.no, j.status, j.response, j.supporters.map((s) => s.name).join('; '),
  ]);
  return toCsv(OPEN_DATA_COLUMNS, rows);
}
