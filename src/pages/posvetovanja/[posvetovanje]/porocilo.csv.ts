import type { APIRoute } from 'astro';
import { newestDownload } from '../../../lib/server/web/report/download';

/** The newest published version's CSV (a redirect; 404 before the first version). */
export const GET: APIRoute = (context) => newestDownload(context, 'csv');
