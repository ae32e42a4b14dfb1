import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { findConsultation, findConsultationById } from '../../src/lib/server/consultations/consultations.ts';
import type { Chapter } from '../../src/lib/server/content/content-files.ts';
import type { DraftVersion } from '../../src/lib/server/content/content.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { ReportDocument } from '../../src/lib/server/report/document.ts';
import { writeCsv } from '../../src/lib/server/report/documents/csv.ts';
import { runReportJobs, startPublishing } from '../../src/lib/server/report/publish.ts';
import { findPublishedVersion, readRows, type ReportRow, type ReportVersion } from '../../src/lib/server/report/rows.ts';
import { seededDatabase } from './helpers.ts';
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

/** Version 1 of DS 2030's report published by the demo administrator from the seeded demo data. */
export async function publishedVersion(): Promise<{ db: Db; version: ReportVersion }> {
  const { db } = await seededDatabase();
  const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', 'admin@posvet.test').executeTakeFirstOrThrow();
  const admin: Actor = { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  const consultation = (await findConsultation(db, 'ds2030'))!;
  const input = { documentNumber: '3510-1/2026-15', place: 'Ljubljana', documentDate: '2027-03-15', signatoryName: 'Ana Novak', signatoryTitle: 'generalna direktorica', latestSeen: 0 };
  expect(await startPublishing(db, admin, consultation, input)).toMatchObject({ ok: true });
  await runReportJobs(db);
  return { db, version: (await findPublishedVersion(db, consultation.id, 1))! };
}
