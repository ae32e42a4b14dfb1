import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { APIContext } from 'astro';
import { findAttachment } from '../../attachments/queries.ts';
import { isPublicSubject, maySeeAttachments } from '../../attachments/rules.ts';
import { attachmentsRoot, storedPath } from '../../attachments/storage.ts';
import { config } from '../../platform/config.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf } from '../auth-context.ts';
import { idParam } from '../comments/page.ts';

/** `filename*=UTF-8''…` (RFC 5987/6266) with a plain ASCII fallback for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * `/priloge/[id]/[name]`: the file, streamed from disk. The id alone decides which file (the name in
 * the address is only for the person saving it); anyone who may not see the comment's attachments
 * gets 404, as if there were none. Public files may be kept by caches for five minutes (hiding a
 * comment takes effect within that); others are private and never stored.
 */
export async function downloadAttachment(context: APIContext): Promise<Response> {
  const id = idParam(context.params.id);
  const found = id === undefined ? undefined : await findAttachment(getDb(), id);
  const user = context.locals.user;
  const subject = found && { ...found, id: found.comment_id };
  if (!found || !subject || !(await maySeeAttachments(getDb(), user ? actorOf(user) : null, subject))) return context.rewrite('/404');
  const path = storedPath(attachmentsRoot(config.dataDir), found.storage_key);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    console.error(`posvet: attachment ${found.id} has no file at its storage key`);
    return context.rewrite('/404');
  }
  const body = context.request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(found.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': isPublicSubject(subject) ? 'public, max-age=300' : 'private, no-store',
      ETag: `"${found.sha256}"`,
    },
  });
}
