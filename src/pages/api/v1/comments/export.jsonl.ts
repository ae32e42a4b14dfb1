import type { APIRoute } from 'astro';
import { openDataExportResponse } from '../../../../lib/server/web/comments/open-data';

/**
 * Open data: every public comment the filters select (consultation, chapter, status, organisation,
 * since — as /api/v1/comments) as JSON Lines: one item per line, in the list's order, streamed as
 * it is read (`Content-Disposition: attachment`). No `limit`/`after`: it is the whole set.
 */
export const GET: APIRoute = ({ url, locals }) => openDataExportResponse(url, locals.t, 'jsonl');
