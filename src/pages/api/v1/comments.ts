import type { APIRoute } from 'astro';
import { openDataResponse } from '../../../lib/server/web/comments/open-data';

/**
 * Open data: every public comment (submitted, not hidden) of every consultation – never drafts,
 * withdrawn or hidden comments, never a person's name or e-mail. JSON by default, CSV with
 * ?format=csv.
 *
 * Filters:
 * - `consultation`: a consultation's slug (e.g. `ds2030`, as in /posvetovanja/ds2030): its comments
 *   only. An unknown slug answers 404 with `{ "error": "…" }`.
 * - `chapter` (chapter slug), `status` (moderation status), `organisation` (code or slug).
 * A malformed value of any of them answers 400 with `{ "error": "Neveljavna poizvedba: …" }`.
 *
 * Every item has `consultation` (the slug of the consultation it belongs to); `version` is the draft
 * of that consultation it was written on (version ids repeat across consultations: read them with
 * `consultation`); `anchorStatus` says what became of its block in the consultation's current draft
 * (unchanged, changed, removed) and `currentBlock` where it stands now.
 *
 * A joint position (an association's comment naming member municipalities) has `onBehalfOf` (each
 * named municipality with its `confirmation`: pending, confirmed, declined) and `jointPosition`:
 * `{ state, deadline, confirmed, declined, noAnswer }`. `state` is `coordinating` while some named
 * municipality has not answered and `deadline` (ISO 8601 UTC; never after the window closes) has not
 * passed; then `agreed`: the position speaks only for `confirmed`, and `declined` and `noAnswer`
 * (municipalities that did not answer by the deadline) are listed apart — each `[{ name, code }]`.
 * `jointPosition` is null for any other comment. In the CSV: `jointState`, `jointDeadline`,
 * `jointConfirmed`, `jointDeclined`, `jointNoAnswer` (names separated by `; `).
 *
 * The CSV here is for programs and stays as documented: RFC 4180 with commas, `submittedAt` in ISO
 * 8601 UTC, field names in English, the same as the JSON, with a `consultation` column after `id`.
 * The CSV for people is each consultation's report (/posvetovanja/<slug>/porocilo.csv: `;`,
 * Ljubljana time, Slovenian headings).
 */
export const GET: APIRoute = ({ url, locals }) => openDataResponse(url, locals.t);
