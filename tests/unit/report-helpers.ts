import { PassThrough } from 'node:stream';
import { dictionary } from '../../src/i18n/index.ts';
import { findConsultationById } from '../../src/lib/server/consultations/consultations.ts';
import type { Chapter } from '../../src/lib/server/content/content-files.ts';
import type { DraftVersion } from '../../src/lib/server/content/content.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { ReportDocument } from '../../src/lib/server/report/document.ts';
import { writeCsv } from '../../src/lib/server/report/documents/csv.ts';
import { readRows, type ReportRow } from '../../src/lib/server/report/rows.ts';
import { writeSnapshotRows } from '../../src/lib/server/report/snapshot.ts';

/**
 * The report's rows as a snapshot taken now would freeze them (snapshot.ts), for tests whose
 * consultations have no draft files: the chapters and the current version are given.
 */
export async function reportRowsNow(db: Db, consultationId: number, chapters: Array<{ slug: string; number: number; title: string }>, versionId = 'osnutek-1'): Promise<ReportRow[]> {
  const consultation = (await findConsultationById(db, consultationId))!;
  const version = await db
    .insertInto('report_versions')
    .values({ consultation_id: consultationId, kind: 'preview', state: 'failed', draft_version_id: versionId, draft_version_label: versionId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const source = { consultation, version: { id: versionId, label: versionId } as DraftVersion, chapters: chapters as Chapter[], versionLabels: {} };
  await writeSnapshotRows(db, version.id, source, dictionary('sl'), new Date());
  const rows = await Array.fromAsync(readRows(db, version.id));
  await db.deleteFrom('report_versions').where('id', '=', version.id).execute();
  return rows;
}

/** The report's CSV of the given rows, as the published version's download writes it. */
export async function reportCsvOf(rows: ReportRow[], baseUrl: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const doc = { rows: async function* () { yield* rows; }, commentUrl: (id: number) => `${baseUrl}/pripombe/${id}` } as unknown as ReportDocument;
  await writeCsv(doc, dictionary('sl'), out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}
