import type { Dictionary } from '../../../../i18n/index.ts';
import { commentRecord } from '../../comments/record.ts';
import { findConsultationById } from '../../consultations/consultations.ts';
import { currentVersion } from '../../content/content.ts';
import { getDb } from '../../platform/db.ts';
import { publicBaseUrl } from '../auth-context.ts';
import { idParam } from './page.ts';

/**
 * GET /api/v1/comments/<id> as an HTTP answer: 200 with the comment as an item of the open-data
 * list, 410 Gone for a withdrawn comment (with when), 404 for a draft, a hidden comment or an
 * unknown id, 400 for an id that is not a number.
 */
export async function commentJsonResponse(id: string | undefined, t: Dictionary): Promise<Response> {
  const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json; charset=utf-8' };
  const answer = (status: number, body: unknown, extra: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { ...headers, ...extra } });
  const number = idParam(id);
  if (number === undefined || number < 1) return answer(400, { error: t.commentRecord.api.badId });
  const db = getDb();
  const record = await commentRecord(db, number, {
    baseUrl: publicBaseUrl(),
    currentVersionId: async (consultationId) => {
      const consultation = await findConsultationById(db, consultationId);
      return consultation && (await currentVersion(consultation))?.id;
    },
  });
  switch (record.state) {
    case 'public':
      return answer(200, record.item, { 'Cache-Control': 'public, max-age=30' });
    case 'withdrawn':
      return answer(410, { error: t.commentRecord.api.withdrawn, withdrawnAt: record.withdrawnAt });
    default:
      return answer(404, { error: t.commentRecord.api.notFound });
  }
}
