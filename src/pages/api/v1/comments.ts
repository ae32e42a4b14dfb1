import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import type { Dictionary } from '../../../i18n';
import { MODERATION_STATUSES } from '../../../lib/enums';
import { routes } from '../../../lib/routes';
import { publicBaseUrl } from '../../../lib/server/web/auth-context';
import { listPublicComments, type PublicComment } from '../../../lib/server/comments/queries';
import { currentVersion } from '../../../lib/server/content/content';
import { findConsultation, listConsultations } from '../../../lib/server/consultations/consultations';
import { toCsv } from '../../../lib/server/platform/csv';
import { getDb } from '../../../lib/server/platform/db';

/**
 * Open data: every public comment (submitted, not hidden) – never drafts, withdrawn or hidden
 * comments, never a person's name or e-mail. JSON by default, CSV with ?format=csv.
 * Filters: chapter (slug), status (moderation status), organisation (code or slug).
 * `version` is the draft a comment was written on; `anchorStatus` says what became of its block in
 * the current draft (unchanged, changed, removed) and `currentBlock` where it stands now.
 *
 * The CSV here is for programs and stays as documented: RFC 4180 with commas, `submittedAt` in ISO
 * 8601 UTC, field names in English, the same as the JSON. The CSV for people is the report's
 * (/porocilo.csv: `;`, Ljubljana time, Slovenian headings).
 */
const query = z.object({
  consultation: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  status: z.enum(MODERATION_STATUSES).optional(),
  organisation: z.string().regex(/^[A-Za-z0-9-]{1,80}$/).optional(),
});

function toJson(c: PublicComment, base: string) {
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

export const GET: APIRoute = async ({ url, locals }) => {
  const t: Dictionary = locals.t;
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    return Response.json({ error: t.forms.invalidQuery(fields) }, { status: 400 });
  }
  const { format, chapter, status, organisation } = parsed.data;
  const db = getDb();
  const consultations = parsed.data.consultation ? [await findConsultation(db, parsed.data.consultation)] : await listConsultations(db, { archived: true });
  if (consultations.some((c) => !c)) return Response.json({ error: t.forms.invalidQuery(['consultation']) }, { status: 404 });
  const comments: PublicComment[] = [];
  for (const consultation of consultations.filter((c) => !!c)) {
    const current = await currentVersion(consultation);
    comments.push(...(await listPublicComments(db, { consultationId: consultation.id, chapterSlug: chapter, status, organisationCode: organisation, currentVersionId: current?.id })));
  }
  const base = publicBaseUrl();
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=30' };
  if (format === 'csv') {
    const rows = comments.map((c) => {
      const j = toJson(c, base);
      return [
        j.id, j.consultation, j.url, j.version, j.chapter, j.block, j.blockKey, j.anchorStatus, j.currentBlock, j.kind, j.organisation.name, j.organisation.kind, j.organisation.code,
        j.onBehalfOf.map((o) => `${o.name} (${o.confirmation})`).join('; '), j.body, j.proposedText, j.rationale, j.submittedAt,
        j.late ? t.comments.openData.yes : t.comments.openData.no, j.status, j.response, j.supporters.map((s) => s.name).join('; '),
      ];
    });
    const header = ['id', 'consultation', 'url', 'version', 'chapter', 'block', 'blockKey', 'anchorStatus', 'currentBlock', 'kind', 'organisation', 'organisationKind', 'organisationCode', 'onBehalfOf', 'body', 'proposedText', 'rationale', 'submittedAt', 'late', 'status', 'response', 'supporters'];
    return new Response(toCsv(header, rows), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="posvet-pripombe.csv"' },
    });
  }
  return new Response(JSON.stringify(comments.map((c) => toJson(c, base))), {
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
  });
};
