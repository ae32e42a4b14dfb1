import type { APIRoute } from 'astro';
import { downloadAttachment } from '../../../lib/server/web/attachments/download';

/** An attachment's download, streamed from disk (see web/attachments/download.ts). */
export const GET: APIRoute = (context) => downloadAttachment(context);
