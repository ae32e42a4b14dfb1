import type { Dictionary } from '../../../../i18n/index.ts';
import { routes } from '../../../routes.ts';
import { OPEN_DATA_LIMIT, openDataCsvHeader, openDataCsvLine, openDataQuery, type OpenDataItem } from '../../comments/open-data.ts';
import { decodeCursor, OPEN_DATA_FILTERS, openDataPage, openDataStream, parseSince, type OpenDataFilter, type OpenDataOptions, type OpenDataPosition } from '../../comments/open-data-pages.ts';
import { openApiDocument } from '../../comments/open-data-fields.ts';
import { listConsultations } from '../../consultations/consultations.ts';
import { currentVersion } from '../../content/content.ts';
import { getDb } from '../../platform/db.ts';
import { textStream } from '../../platform/streams.ts';
import { publicBaseUrl } from '../auth-context.ts';
import { STATUS_OF } from '../form-handling.ts';

/**
 * The open data as HTTP answers: GET /api/v1/comments (a page, cursor paging, `Link: rel="next"`),
 * and /api/v1/comments/export.{jsonl,csv} (everything the filters select, streamed). Bad input is a
 * 400 `{ error }` naming the parameter; an unknown consultation 404. See /odprti-podatki and
 * /api/v1/openapi.json.
 */

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Link' };
const error = (status: number, message: string) => Response.json({ error: message }, { status, headers: CORS });
const options = (): OpenDataOptions => ({ baseUrl: publicBaseUrl(), currentVersionId: async (c) => (await currentVersion(c))?.id });

type Checked = { ok: true; filter: OpenDataFilter; format: 'json' | 'csv'; limit: number; after?: OpenDataPosition } | { ok: false; response: Response };

/** The query string checked: which parameter is wrong, in words (a 400 answer), or what it asks for. */
export function checkOpenDataQuery(url: URL, t: Dictionary): Checked {
  const messages = t.openDataApi.errors;
  const parsed = openDataQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const message = fields.includes('limit') ? messages.limit(OPEN_DATA_LIMIT.max) : fields.includes('after') ? messages.after : fields.includes('since') ? messages.since : t.forms.invalidQuery(fields);
    return { ok: false, response: error(400, message) };
  }
  const { format, limit, after, since: sinceText, ...rest } = parsed.data;
  const since = sinceText === undefined ? undefined : parseSince(sinceText);
  if (sinceText !== undefined && !since) return { ok: false, response: error(400, messages.since) };
  const position = after === undefined ? undefined : decodeCursor(after, !!since);
  if (after !== undefined && !position) return { ok: false, response: error(400, messages.after) };
  return { ok: true, filter: { ...rest, since }, format, limit: limit ?? OPEN_DATA_LIMIT.default, after: position };
}

/** The filters as query parameters (for the next page's link and the CSV redirect). */
function filterParams(filter: OpenDataFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of OPEN_DATA_FILTERS) if (filter[name]) params.set(name, filter[name]!);
  return params;
}

/** GET /api/v1/comments: `{ items, next }`; `?format=csv` (the old CSV) is sent on to export.csv (308). */
export async function openDataResponse(url: URL, t: Dictionary): Promise<Response> {
  const checked = checkOpenDataQuery(url, t);
  if (!checked.ok) return checked.response;
  const base = publicBaseUrl();
  if (checked.format === 'csv') {
    const search = filterParams(checked.filter).toString();
    return new Response(null, { status: 308, headers: { ...CORS, Location: `${base}${routes.openDataExport('csv')}${search ? `?${search}` : ''}` } });
  }
  const result = await openDataPage(getDb(), checked.filter, { after: checked.after, limit: checked.limit }, options());
  if (!result.ok) return error(STATUS_OF[result.error.code], result.error.message?.(t) ?? t.forms.invalidQuery(['consultation']));
  const headers: Record<string, string> = { ...CORS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=30' };
  if (result.value.next) {
    const params = filterParams(checked.filter);
    params.set('after', result.value.next);
    params.set('limit', String(checked.limit));
    headers.Link = `<${base}${routes.openData()}?${params}>; rel="next"`;
  }
  return new Response(JSON.stringify(result.value), { headers });
}

/** GET /api/v1/comments/export.jsonl and export.csv: every item the filters select, as a streamed download. */
export async function openDataExportResponse(url: URL, t: Dictionary, format: 'jsonl' | 'csv'): Promise<Response> {
  const checked = checkOpenDataQuery(url, t);
  if (!checked.ok) return checked.response;
  if (url.searchParams.has('after') || url.searchParams.has('limit')) return error(400, t.openDataApi.errors.exportPaging);
  const result = await openDataStream(getDb(), checked.filter, options());
  if (!result.ok) return error(STATUS_OF[result.error.code], result.error.message?.(t) ?? t.forms.invalidQuery(['consultation']));
  const items = result.value;
  const name = `posvet-pripombe${checked.filter.consultation ? `-${checked.filter.consultation}` : ''}.${format}`;
  const line = format === 'csv' ? (item: OpenDataItem) => openDataCsvLine(item, t.comments.openData) : (item: OpenDataItem) => `${JSON.stringify(item)}\n`;
  async function* pieces(): AsyncGenerator<string, void, undefined> {
    if (format === 'csv') yield openDataCsvHeader();
    // A few hundred lines per piece: fewer, larger writes.
    let buffer = '';
    let count = 0;
    try {
      for await (const item of items) {
        buffer += line(item);
        if (++count % 100 === 0) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    } finally {
      await items.return(undefined);
    }
  }
  return new Response(textStream(pieces()), {
    headers: {
      ...CORS,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** What /odprti-podatki shows besides its text: the consultations (with their downloads) and the addresses. */
export async function openDataPageModel() {
  const consultations = await listConsultations(getDb(), { archived: true });
  return { consultations: consultations.map((c) => ({ slug: c.slug, title: c.title, shortTitle: c.shortTitle })), baseUrl: publicBaseUrl() };
}

/** GET /api/v1/openapi.json. */
export function openApiResponse(t: Dictionary): Response {
  return Response.json(openApiDocument(t, publicBaseUrl()), { headers: { ...CORS, 'Cache-Control': 'public, max-age=300' } });
}
