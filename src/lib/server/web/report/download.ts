import type { APIContext } from 'astro';
import { routes } from '../../../routes.ts';
import { getDb } from '../../platform/db.ts';
import { ensureReportFile, isReportFormat, reportFileStream, storedReportFile } from '../../report/files.ts';
import { findPublishedVersion, listPublishedVersions } from '../../report/rows.ts';
import { consultationOf } from '../consultation-context.ts';
import { pageCache } from '../page-cache.ts';
import { parseVersionNumber } from './parts.ts';

type Context = Pick<APIContext, 'params' | 'rewrite' | 'redirect'> & {
  response: { status?: number; headers: Headers };
};

/** Seconds a browser waits before asking again for a download that is being written. */
export const RETRY_AFTER = 10;

/**
 * /porocilo/[n]/prenos/[format]: the stored file, streamed, saved under its name and kept by every
 * cache for good (a published version never changes). Not written yet: writing starts in the
 * background and the answer is 503 with Retry-After — the page says so (`{ preparing }`).
 */
export async function reportDownload(context: Context): Promise<Response | { preparing: { back: string } }> {
  const db = getDb();
  const consultation = await consultationOf(context.params);
  const number = parseVersionNumber(context.params.stevilka);
  const format = context.params.format ?? '';
  const version = consultation && number !== undefined && isReportFormat(format) ? await findPublishedVersion(db, consultation.id, number) : undefined;
  if (!consultation || !version || !isReportFormat(format)) return context.rewrite('/404');
  const file = await storedReportFile(db, version, consultation.slug, format);
  if (file) {
    return new Response(reportFileStream(file), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes),
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  }
  ensureReportFile(db, version, format)
    .then(() => pageCache.invalidate())
    .catch((error) => console.error(`posvet: report ${consultation.slug}/${number} ${format} could not be written:`, error));
  context.response.status = 503;
  context.response.headers.set('Retry-After', String(RETRY_AFTER));
  context.response.headers.set('Cache-Control', 'no-store');
  return {
    preparing: {
      back: routes.reportVersion(consultation.slug, version.number!),
    },
  };
}

/** /porocilo.csv and /porocilo.xlsx: the newest published version's download (404 before the first). */
export async function newestDownload(context: Pick<APIContext, 'params' | 'rewrite' | 'redirect'>, format: 'csv' | 'xlsx'): Promise<Response> {
  const consultation = await consultationOf(context.params);
  const newest = consultation && (await listPublishedVersions(getDb(), consultation.id))[0];
  if (!consultation || !newest) return context.rewrite('/404');
  return context.redirect(routes.reportFile(consultation.slug, newest.number!, format), 302);
}
