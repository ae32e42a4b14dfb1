import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { spawn } from 'node:child_process';
import { finished } from 'node:stream/promises';
import { dictionary } from '../../../i18n/index.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../enums.ts';
import { absolute, routes } from '../../routes.ts';
import { findConsultationById } from '../consultations/consultations.ts';
import { config } from '../platform/config.ts';
import { responseWritable } from '../platform/streams.ts';
import { fromRoot } from '../platform/paths.ts';
import type { Db } from '../platform/db.ts';
import { reportDocument, type ReportWriter } from './document.ts';
import { writeCsv } from './documents/csv.ts';
import { writeDocx } from './documents/docx.ts';
import { writePdf } from './documents/pdf.ts';
import { writeXlsx } from './documents/xlsx.ts';
import type { ReportVersion } from './rows.ts';

/**
 * The downloads of a published report version: each written once, on first need, to
 * DATA_DIR/reports/<consultation>/<number>/, recorded in `report_files` with its size and SHA-256,
 * and served from there ever after. A published version never changes, so neither do its files.
 */

export const FORMAT_INFO: Record<ReportFormat, { writer: ReportWriter; contentType: string }> = {
  pdf: { writer: writePdf, contentType: 'application/pdf' },
  docx: { writer: writeDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { writer: writeXlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { writer: writeCsv, contentType: 'text/csv; charset=utf-8' },
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The name a download is saved under: porocilo-ds2030-2.pdf (consultation and version number). */
export function reportFileName(consultationSlug: string, number: number, format: ReportFormat): string {
  return `porocilo-${consultationSlug}-${number}.${format}`;
}

export interface StoredReportFile {
  path: string;
  bytes: number;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** The stored file of a published version in a format, or undefined while it is not written (or no longer there). */
export async function storedReportFile(db: Db, version: ReportVersion, consultationSlug: string, format: ReportFormat): Promise<StoredReportFile | undefined> {
  const row = await db.selectFrom('report_files').where('report_version_id', '=', version.id).where('format', '=', format).selectAll().executeTakeFirst();
  if (!row) return undefined;
  // A file lost with its folder (DATA_DIR restored without it) is written again from the rows.
  const path = join(config.dataDir, row.path);
  if (!existsSync(path) || statSync(path).size !== row.bytes) {
    await db.deleteFrom('report_files').where('report_version_id', '=', version.id).where('format', '=', format).execute();
    return undefined;
  }
  return { path, bytes: row.bytes, sha256: row.sha256, contentType: FORMAT_INFO[format].contentType, fileName: reportFileName(consultationSlug, version.number!, format) };
}

const writing = new Map<string, Promise<void>>();

/** The writer's heap: small, so that its garbage is collected early. */
const WORKER_HEAP_MB = 96;

let workerDatabase: string | undefined;

/**
 * In the server: files are written by a child process on its own connection to this database file
 * (file-worker.ts), so the server's memory and event loop stay its own. Elsewhere (tests, the
 * operator tool) they are written in the calling process.
 */
export function writeReportFilesInWorkers(databasePath: string): void {
  workerDatabase = databasePath;
}

/**
 * Writes the version's file in the format unless it is stored already; concurrent callers in this
 * process wait for the same work. The file is written under a temporary name and renamed, so a
 * half-written file is never served.
 */
export function ensureReportFile(db: Db, version: ReportVersion, format: ReportFormat): Promise<void> {
  const key = `${version.id}/${format}`;
  let job = writing.get(key);
  if (!job) {
    job = (workerDatabase ? inWorker(workerDatabase, version.id, format) : writeReportFile(db, version, format)).finally(() => writing.delete(key));
    writing.set(key, job);
  }
  return job;
}

function inWorker(databasePath: string, reportVersionId: number, format: ReportFormat): Promise<void> {
  return new Promise((resolve, reject) => {
    // The database's location goes in the environment: a PostgreSQL address holds a password, and a
    // process's arguments are readable by every user of the machine.
    const child = spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP_MB}`, fromRoot('src/lib/server/report/file-worker.ts'), String(reportVersionId), format], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, POSVET_WORKER_DATABASE: databasePath },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the report file writer stopped (${signal ?? `exit ${code}`})`))));
  });
}

async function writeReportFile(db: Db, version: ReportVersion, format: ReportFormat): Promise<void> {
  if (version.kind !== 'published' || version.state !== 'ready' || version.number === null) throw new Error(`report version ${version.id} is not published`);
  const existing = await db.selectFrom('report_files').where('report_version_id', '=', version.id).where('format', '=', format).select('path').executeTakeFirst();
  if (existing) return;
  const consultation = await findConsultationById(db, version.consultationId);
  if (!consultation) throw new Error(`consultation ${version.consultationId} not found`);
  const relative = join('reports', consultation.slug, String(version.number), reportFileName(consultation.slug, version.number, format));
  const target = join(config.dataDir, relative);
  const temporary = `${target}.${process.pid}.part`;
  mkdirSync(dirname(target), { recursive: true });
  const hash = createHash('sha256');
  const file = createWriteStream(temporary);
  // Everything written passes through the hash on its way to the file.
  const tee = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  tee.pipe(file);
  try {
    const doc = reportDocument(db, version, {
      commentUrl: (id) => absolute(config.publicUrl, routes.comment(id)),
      reportUrl: absolute(config.publicUrl, routes.reportVersion(consultation.slug, version.number)),
    });
    await FORMAT_INFO[format].writer(doc, dictionary('sl'), tee);
    tee.end();
    await finished(file);
    renameSync(temporary, target);
    await db
      .insertInto('report_files')
      .values({ report_version_id: version.id, format, path: relative, bytes: statSync(target).size, sha256: hash.digest('hex') })
      .onConflict((oc) => oc.columns(['report_version_id', 'format']).doNothing())
      .execute();
  } catch (error) {
    tee.destroy();
    file.destroy();
    // The file may be created only after the writer failed: remove it once the stream is closed.
    await finished(file).catch(() => undefined);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Bytes read from disk per chunk of a download. */
const READ_CHUNK = 64 * 1024;

/**
 * A stored file as a response body, read from disk a chunk at a time as the response takes it
 * (platform/streams.ts): a slow reader never makes the server hold the file in memory.
 */
export function reportFileStream(file: StoredReportFile): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  const writable = responseWritable();
  return new ReadableStream<Uint8Array>(
    {
      async start() {
        handle = await open(file.path, 'r');
      },
      async pull(controller) {
        await writable();
        const buffer = new Uint8Array(READ_CHUNK);
        const { bytesRead } = await handle!.read(buffer, 0, READ_CHUNK, null);
        if (bytesRead === 0) {
          await handle!.close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      },
      async cancel() {
        await handle?.close();
      },
    },
    { highWaterMark: 1 },
  );
}
