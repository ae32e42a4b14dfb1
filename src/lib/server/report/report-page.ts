import type { Consultation } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { currentReport } from './report-source.ts';

/**
 * What the report page of a consultation shows: the report on its current draft (each joint
 * position with its standing, PublicComment.joint) — or undefined for a consultation without a
 * draft yet (the page is 404).
 */
export async function reportPage(db: Db, consultation: Consultation) {
  return currentReport(db, consultation);
}

/** The file name of a report download: the consultation's slug in it, so two never overwrite each other. */
export function reportFileName(consultation: Pick<Consultation, 'slug'>, extension: 'csv' | 'xlsx'): string {
  return `porocilo-${consultation.slug}.${extension}`;
}
