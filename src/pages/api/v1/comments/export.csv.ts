import type { APIRoute } from 'astro';
import { openDataExportResponse } from '../../../../lib/server/web/comments/open-data';

/**
 * Open data: every public comment the filters select as CSV for programs — RFC 4180 with commas,
 * UTF-8 with a BOM, `submittedAt` and `changedAt` in ISO 8601 UTC, the JSON's field names as columns
 * (comments/open-data.ts OPEN_DATA_COLUMNS) — streamed as it is read. The CSV for people is each
 * consultation's report (`;`, Ljubljana time, Slovenian headings).
 */
export const GET: APIRoute = ({ url, locals }) => openDataExportResponse(url, locals.t, 'csv');
