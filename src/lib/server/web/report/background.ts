import { REPORT_FORMATS } from '../../../enums.ts';
import type { Db } from '../../platform/db.ts';
import { ensureReportFile } from '../../report/files.ts';
import { queueReportJobs } from '../../report/publish.ts';
import { withJobLock } from '../../platform/locks.ts';
import { toReportVersion } from '../../report/rows.ts';
import { pageCache } from '../page-cache.ts';

/**
 * After a publish or a preview was asked for: the snapshot is written off the request path, and
 * once it is ready the downloads of every published version that lacks one are written too — one
 * file after another, each failure logged, the public pages forgotten after each file so that they
 * show its size.
 */
export function prepareReportInBackground(db: Db): void {
  // One process at a time (platform/locks.ts); while another runs, its loop takes this job too.
  withJobLock(db, 'report-snapshots', () => queueReportJobs(db, () => pageCache.invalidate()))
    .then(() => writeMissingFiles(db))
    .catch((error) => console.error('posvet: report preparation failed', error));
}

export async function writeMissingFiles(db: Db): Promise<void> {
  // Published versions are a few per consultation; their files four each.
  const versions = await db
    .selectFrom('report_versions')
    .where('kind', '=', 'published')
    .where('state', '=', 'ready')
    .where((eb) =>
      eb(
        eb
          .selectFrom('report_files')
          .whereRef('report_files.report_version_id', '=', 'report_versions.id')
          .select((f) => f.fn.countAll().as('n')),
        '<',
        REPORT_FORMATS.length,
      ),
    )
    .selectAll()
    .orderBy('id')
    .execute();
  for (const row of versions) {
    const version = toReportVersion(row);
    for (const format of REPORT_FORMATS) {
      try {
        await ensureReportFile(db, version, format);
        pageCache.invalidate();
      } catch (error) {
        console.error(`posvet: report ${version.consultationId}/${version.number} ${format} could not be written:`, error);
      }
    }
  }
}
