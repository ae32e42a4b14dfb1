import type { Consultation } from '../consultations/consultations.ts';
import { currentVersion, listChapters, listVersions } from '../content/content.ts';
import type { Db } from '../platform/db.ts';
import { buildReport } from './report.ts';

/** The report on a consultation's current version, as the pages and downloads serve it; undefined before it has a draft. */
export async function currentReport(db: Db, consultation: Consultation) {
  const version = await currentVersion(consultation);
  if (!version) return undefined;
  const chapters = await listChapters(consultation.slug, version.id);
  const labels = Object.fromEntries((await listVersions(consultation.slug)).map((v) => [v.id, v.label]));
  const report = await buildReport(db, consultation.id, chapters.map((c) => ({ slug: c.slug, number: c.number, title: c.title })), version.id, labels);
  return { consultation, version, report };
}
