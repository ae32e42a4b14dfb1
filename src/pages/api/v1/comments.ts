import type { APIRoute } from 'astro';
import { openDataResponse } from '../../../lib/server/web/comments/open-data';

/**
 * Open data: the public comments (submitted, not hidden) of every consultation, a page at a time –
 * never drafts, withdrawn or hidden comments, never a person's name or e-mail. Described for people
 * on /odprti-podatki and in OpenAPI 3.1 at /api/v1/openapi.json.
 *
 * `{ "items": [...], "next": "<cursor>" | null }`, by id ascending; `?limit=` (1–1000, default 100),
 * `?after=<next>`; the next page also as `Link: <…>; rel="next"` (from PUBLIC_URL). `?since=<ISO 8601
 * instant>`: only comments whose public data changed at or after it, by (changedAt, id). Filters:
 * `consultation` (404 when unknown), `chapter`, `status`, `organisation`. Bad values: 400 `{ error }`
 * naming the parameter.
 *
 * Until issue 14 this answered every comment in one array; that shape is gone (noted on
 * /odprti-podatki): the whole set is /api/v1/comments/export.jsonl. `?format=csv` still works: it is
 * redirected (308) to /api/v1/comments/export.csv with the same filters.
 *
 * The item's fields: comments/open-data.ts (OpenDataItem) and open-data-fields.ts (their schema).
 */
export const GET: APIRoute = ({ url, locals }) => openDataResponse(url, locals.t);
