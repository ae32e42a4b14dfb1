import { REPORT_FORMATS, type ReportFormat } from '../../enums.ts';
import { openDatabase } from '../platform/db.ts';
import { ensureReportFile } from './files.ts';
import { toReportVersion } from './rows.ts';

/**
 * Writes one download of a published report version in a process of its own (files.ts starts it:
 * `node file-worker.ts <database> <version id> <format>`): its own connection to the database file
 * (WAL lets it read beside the server), its own event loop — laying out ten thousand PDF pages never
 * holds up a request — and its own memory, capped, and given back to the system when it exits (a
 * worker thread's is kept by the server process).
 */
const [databasePath, versionText, format] = process.argv.slice(2);
if (!databasePath || !/^\d+$/.test(versionText ?? '') || !(REPORT_FORMATS as readonly string[]).includes(format ?? '')) {
  console.error('usage: file-worker.ts <database> <report version id> <pdf|docx|xlsx|csv>');
  process.exit(64);
}
const db = openDatabase(databasePath);
try {
  const row = await db.selectFrom('report_versions').selectAll().where('id', '=', Number(versionText)).executeTakeFirstOrThrow();
  await ensureReportFile(db, toReportVersion(row), format as ReportFormat);
} finally {
  await db.destroy();
}
