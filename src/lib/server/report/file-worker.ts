import { parentPort, workerData } from 'node:worker_threads';
import type { ReportFormat } from '../../enums.ts';
import { openDatabase } from '../platform/db.ts';
import { ensureReportFile } from './files.ts';
import { toReportVersion } from './rows.ts';

/**
 * Writes one download of a published report version in a worker thread (files.ts starts it): its
 * own connection to the database file (WAL lets it read beside the server), its own event loop —
 * laying out ten thousand PDF pages never holds up a request — and its own heap, capped, so its
 * garbage is collected early instead of swelling the server.
 */
const { databasePath, reportVersionId, format } = workerData as { databasePath: string; reportVersionId: number; format: ReportFormat };
const db = openDatabase(databasePath);
try {
  const row = await db.selectFrom('report_versions').selectAll().where('id', '=', reportVersionId).executeTakeFirstOrThrow();
  await ensureReportFile(db, toReportVersion(row), format);
  parentPort?.postMessage({ ok: true });
} finally {
  await db.destroy();
}
