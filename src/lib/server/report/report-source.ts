import { currentVersion, listChapters, listVersions } from '../content/content.ts';
import type { Db } from '../platform/db.ts';
import { buildReport } from './report.ts';

/** The report for the current version, as the pages and downloads serve it. */
export async function currentReport(db: Db) {
  const version = await currentVersion();
  const chapters = await listChapters(version.id);
  const labels = Object.fromEntries((await listVersions()).map((v) => [v.id, v.label]));
  const report = await buildReport(db, chapters.map((c) => ({ slug: c.slug, number: c.number, title: c.title })), version.id, labels);
  return { version, report };
}
