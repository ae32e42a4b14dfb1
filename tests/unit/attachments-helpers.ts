import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { CommentState, ReceivedVia } from '../../src/lib/enums.ts';

/** Helpers of the attachments' unit tests: a data folder, comments in any state, actors, multipart bodies. */

const folders: string[] = [];
afterEach(() => {
  while (folders.length) rmSync(folders.pop()!, { recursive: true, force: true });
});

/** A fresh DATA_DIR/attachments for one test. */
export function tempRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-attachments-'));
  folders.push(dir);
  return join(dir, 'attachments');
}

/** Every file under a folder (relative paths), to see what an upload left behind. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  } catch {
    return [];
  }
}

export async function actorFor(db: Db, email: string): Promise<Actor> {
  const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
  return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
}

/** A comment of the organisation of `of` (default Občina Bled, demo data) on DS2030, in the given state, copied from an existing one. */
export async function commentIn(db: Db, options: { state?: CommentState; via?: ReceivedVia; hidden?: boolean; of?: string; consultation?: string } = {}): Promise<number> {
  const organisation = await db.selectFrom('users as u').select('u.organisation_id as id').where('u.email', '=', options.of ?? 'bled@posvet.test').executeTakeFirstOrThrow();
  const consultation = await db.selectFrom('consultations').select('id').where('slug', '=', options.consultation ?? 'ds2030').executeTakeFirstOrThrow();
  const model = await db.selectFrom('comments').selectAll().where('consultation_id', '=', consultation.id).orderBy('id').executeTakeFirstOrThrow();
  const { id: _id, public_changed_at: _changed, idempotency_key: _key, ...rest } = model;
  const state = options.state ?? 'draft';
  const row = await db
    .insertInto('comments')
    .values({
      ...rest,
      organisation_id: organisation.id,
      state,
      received_via: options.via ?? 'portal',
      hidden: options.hidden ? 1 : 0,
      submitted_at: state === 'draft' ? null : new Date().toISOString(),
      withdrawn_at: state === 'withdrawn' ? new Date().toISOString() : null,
      moderation_status: 'new',
      response: null,
      body: `Pripomba za priloge ${Math.random()}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const BOUNDARY = '----posvet-test-boundary';
export const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A PDF of about `size` bytes: the header, padding, the end marker. */
export function pdf(size = 2_000, fill = 'x'): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), fill), tail]);
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);

/** The parts of a multipart body, as chunks (a file's bytes are never copied into one buffer). */
export function multipart(files: Array<{ name: string; bytes: Buffer; field?: string }>): Buffer[] {
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field ?? 'datoteke'}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return chunks;
}

/** A web stream of the chunks (split further into 64 kB pieces); `cutAfter` bytes then an error, like a dropped connection. */
export function streamOf(chunks: Buffer[], cutAfter?: number): ReadableStream<Uint8Array> {
  const pieces: Buffer[] = [];
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i += 65_536) pieces.push(chunk.subarray(i, i + 65_536));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (cutAfter !== undefined && sent >= cutAfter) return controller.error(new Error('connection reset'));
      if (!next) return controller.close();
      sent += next.length;
      controller.enqueue(new Uint8Array(next));
    },
  });
}
