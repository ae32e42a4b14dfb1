import type { Writable } from 'node:stream';
import type { Dictionary } from '../../../i18n/index.ts';
import type { Db } from '../platform/db.ts';
import { readRows, type ReportRow, type ReportVersion, type RowSelection } from './rows.ts';
import type { ReportSummary } from './summary.ts';

/**
 * What every writer of the report document (PDF, DOCX, XLSX, CSV: documents/*.ts) is given: the
 * version's particulars, its summary, and its rows as a stream that can be read as often as needed.
 */
export interface ReportDocument {
  version: ReportVersion & { summary: ReportSummary };
  /** The rows in the report's order (all of them, or a section's). Each call reads afresh. */
  rows(selection?: RowSelection): AsyncIterable<ReportRow>;
  /** The absolute address of a comment's permalink (from PUBLIC_URL). */
  commentUrl(commentId: number): string;
  /** The absolute address of this version's HTML report. */
  reportUrl: string;
}

/** A writer puts the whole document into `out` (a file being written) and resolves when done; it never ends `out` itself. */
export type ReportWriter = (doc: ReportDocument, t: Dictionary, out: Writable) => Promise<void>;

export function reportDocument(db: Db, version: ReportVersion, urls: { commentUrl: (id: number) => string; reportUrl: string }): ReportDocument {
  if (!version.summary || version.state !== 'ready') throw new Error(`report version ${version.id} is not ready`);
  return {
    version: version as ReportDocument['version'],
    rows: (selection) => readRows(db, version.id, selection),
    commentUrl: urls.commentUrl,
    reportUrl: urls.reportUrl,
  };
}

/** Writes to `out`, waiting when its buffer is full: a writer never holds more than a chunk. */
export function write(out: Writable, data: string | Uint8Array): Promise<void> | void {
  if (out.write(data)) return;
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    out.once('drain', onDrain);
    out.once('error', done);
  });
}
