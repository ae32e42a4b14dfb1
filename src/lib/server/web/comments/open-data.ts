import type { Dictionary } from '../../../../i18n/index.ts';
import { openDataCsv, openDataItems, openDataQuery } from '../../comments/open-data.ts';
import { currentVersion } from '../../content/content.ts';
import { getDb } from '../../platform/db.ts';
import { publicBaseUrl } from '../auth-context.ts';
import { STATUS_OF } from '../form-handling.ts';

/**
 * GET /api/v1/comments as an HTTP answer: the query checked (400 with the fields that are wrong),
 * an unknown consultation 404, then JSON or CSV (see comments/open-data.ts and the endpoint's
 * header comment for the format).
 */
export async function openDataResponse(url: URL, t: Dictionary): Promise<Response> {
  const parsed = openDataQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    return Response.json({ error: t.forms.invalidQuery(fields) }, { status: 400 });
  }
  const { format, ...filter } = parsed.data;
  const result = await openDataItems(getDb(), filter, { baseUrl: publicBaseUrl(), currentVersionId: async (c) => (await currentVersion(c))?.id });
  if (!result.ok) return Response.json({ error: result.error.message?.(t) ?? t.forms.invalidQuery(['consultation']) }, { status: STATUS_OF[result.error.code] });
  const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=30' };
  if (format === 'csv') {
    const name = filter.consultation ? `posvet-pripombe-${filter.consultation}.csv` : 'posvet-pripombe.csv';
    return new Response(openDataCsv(result.value, t.comments.openData), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` },
    });
  }
  return new Response(JSON.stringify(result.value), { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
