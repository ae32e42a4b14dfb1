import type { APIRoute } from 'astro';
import { commentJsonResponse } from '../../../../lib/server/web/comments/comment-json';

/**
 * Open data: one comment, by its number (`/api/v1/comments/42`).
 *
 * - 200: a public comment (submitted, not hidden) as JSON — exactly an item of the list at
 *   /api/v1/comments (same fields: `id`, `consultation`, `url`, `version`, `chapter`, `block`, …,
 *   `status` and `response` as published).
 * - 410 Gone: the comment was withdrawn by its organisation:
 *   `{ "error": "Pripomba je bila umaknjena.", "withdrawnAt": "2026-12-03T09:15:00.000Z" }`
 *   (ISO 8601 UTC). Its permalink (`url`) stays and says so.
 * - 404 `{ "error": "…" }`: no such comment, or one that is not public (a draft, or hidden by a
 *   moderator).
 * - 400 `{ "error": "…" }`: the id is not a positive whole number.
 *
 * JSON only; CORS open (`Access-Control-Allow-Origin: *`), as the list.
 */
export const GET: APIRoute = ({ params, locals }) => commentJsonResponse(params.id, locals.t);
