import type { APIRoute } from 'astro';
import { openApiResponse } from '../../../lib/server/web/comments/open-data';

/** The open data API described in OpenAPI 3.1 (comments/open-data-fields.ts). */
export const GET: APIRoute = ({ locals }) => openApiResponse(locals.t);
