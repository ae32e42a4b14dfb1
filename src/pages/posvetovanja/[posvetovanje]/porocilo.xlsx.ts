import type { APIRoute } from 'astro';
import { newestDownload } from '../../../lib/server/web/report/download';

/** The newest published version's XLSX (a redirect; 404 before the first version). */
export const GET: APIRoute = (context) => newestDownload(context, 'xlsx');
