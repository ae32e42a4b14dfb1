import { REPORT_FORMATS, type ReportFormat } from '../../enums.ts';
import { openDatabase } from '../platform/db.ts';
import { ensureReportFile } from './files.ts';
import { toReportVersion } from './rows.ts';

/**
 * Writes one download of a published report version in a process of its own (files.ts starts it:
 * `node file-worker.ts <version id> <format>`, the database (a SQLite file or a PostgreSQL address) in POSVET_WORKER_DATABASE): its own connection to the database file
 * (WAL lets it read beside the server), its own event loop — laying out ten thousand PDF pages never
 * holds up a request — and its own memory, capped, and given back to the system when it exits (a
 * worker thread's is kept by the server process).
 */
const databasePath = process.env.POSVET_WORKER_DATABASE;
const [versionText, format] = process.argv.slice(2);
if (!databasePath || !/^\d+$/.test(versionText ?? '') || !(REPORT_FORMATS as readonly string[]).includes(format ?? '')) {
  console.error('usage: POSVET_WORKER_DATABASE=<database> file-worker.ts <report version id> <pdf|docx|xlsx|csv>');
  process.exit(64);
}
const db = openDatabase(databasePath);
try {
  const row = await db.selectFrom('report_versions').selectAll().where('id', '=', Number(versionText)).executeTakeFirstOrThrow();
  await ensureReportFile(db, toReportVersion(row), format as ReportFormat);
} finally {
  await db.destroy();
}
