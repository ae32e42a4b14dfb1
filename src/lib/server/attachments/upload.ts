import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isPdfStart, MAGIC_LENGTH, sanitiseName } from './names.ts';
import { discardFile, stagingPath } from './storage.ts';

/**
 * Reads a multipart upload of PDF files as it streams in, never holding a whole file in memory: each
 * file goes to a temporary file under the attachments folder while its bytes are counted and hashed
 * (SHA-256) and its first bytes checked. Any problem — too many files, one too large, empty or not a
 * PDF, a body cut off half-way — removes every temporary file of the request before answering.
 */

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The form field of the files. */
export const FILES_FIELD = 'datoteke';

export interface StagedFile {
  name: string;
  size: number;
  sha256: string;
  /** The temporary file (moved into place by the command, or discarded). */
  path: string;
}

export type UploadProblem = 'notMultipart' | 'noBoundary' | 'noFile' | 'tooMany' | 'tooLarge' | 'empty' | 'notPdf' | 'cutOff';

export type Upload = { ok: true; files: StagedFile[] } | { ok: false; problem: UploadProblem; name?: string };

export interface UploadOptions {
  /** How many more files the comment may get (5 minus those attached). */
  room: number;
  maxFileBytes?: number;
  /** The request's signal: when the client goes away, the upload stops and leaves nothing. */
  signal?: AbortSignal;
}

class Refused extends Error {
  readonly problem: UploadProblem;
  readonly fileName?: string;
  constructor(problem: UploadProblem, fileName?: string) {
    super(problem);
    this.problem = problem;
    this.fileName = fileName;
  }
}

export async function receivePdfs(body: Readable | WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | null, contentType: string | null, root: string, options: UploadOptions): Promise<Upload> {
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return { ok: false, problem: 'notMultipart' };
  let parser: busboy.Busboy;
  try {
    // busboy stops a file (and says 'limit') when it reaches fileSize: one byte more than we accept.
    // `files` bounds the parts a hostile form can make us open; we count the real ones ourselves.
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: MAX_FILES + 2, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 20 } });
  } catch {
    return { ok: false, problem: 'noBoundary' };
  }
  if (!body) return { ok: false, problem: 'cutOff' };

  const staged: StagedFile[] = [];
  const temporary: string[] = [];
  const writing: Promise<void>[] = [];
  let refusal: Refused | undefined;
  let count = 0;
  const refuse = (problem: UploadProblem, name?: string) => {
    refusal ??= new Refused(problem, name);
  };

  parser.on('filesLimit', () => refuse('tooMany'));
  parser.on('file', (field, stream, info) => {
    // An empty file input arrives as a part without a name: nothing chosen.
    if (field !== FILES_FIELD || !info.filename || refusal) return void stream.resume();
    count += 1;
    if (count > options.room) {
      refuse('tooMany');
      return void stream.resume();
    }
    // Caught at once: a file cut off half-way must not become an unhandled rejection.
    writing.push(writeOne(stream, sanitiseName(info.filename), count - 1).catch(() => refuse('cutOff')));
  });

  // Each file keeps its place in the form, whichever finishes writing first.
  const writeOne = async (stream: Readable & { truncated?: boolean }, name: string, position: number) => {
    const path = await stagingPath(root);
    temporary.push(path);
    const out = createWriteStream(path);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let bad: UploadProblem | undefined;
    stream.on('limit', () => (bad ??= 'tooLarge'));
    stream.on('data', (chunk: Buffer) => {
      if (bad || refusal) return;
      size += chunk.byteLength;
      if (size > maxBytes) {
        bad = 'tooLarge';
        return;
      }
      hash.update(chunk);
      if (head.byteLength < MAGIC_LENGTH) {
        head = Buffer.concat([head, chunk.subarray(0, MAGIC_LENGTH - head.byteLength)]);
        if (head.byteLength >= MAGIC_LENGTH && !isPdfStart(head)) bad = 'notPdf';
      }
      // Backpressure: the parser (and so the request) waits while the disk catches up.
      if (!out.write(chunk)) {
        stream.pause();
        out.once('drain', () => stream.resume());
      }
    });
    try {
      await finished(stream);
    } finally {
      out.end();
      await finished(out).catch(() => undefined);
    }
    if (bad) return refuse(bad, name);
    if (size === 0) return refuse('empty', name);
    if (!isPdfStart(head)) return refuse('notPdf', name);
    staged[position] = { name, size, sha256: hash.digest('hex'), path };
  };

  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  // A dropped connection does not always end the body's stream: the request's signal says so.
  const abort = () => source.destroy(new Error('the client went away'));
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await pipeline(source, parser);
    await Promise.all(writing);
  } catch (error) {
    await Promise.allSettled(writing);
    refuse(error instanceof Refused ? error.problem : 'cutOff');
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  if (!refusal && count === 0) refuse('noFile');
  if (refusal) {
    for (const path of temporary) discardFile(path);
    return { ok: false, problem: refusal.problem, ...(refusal.fileName ? { name: refusal.fileName } : {}) };
  }
  return { ok: true, files: staged.filter(Boolean) };
}
