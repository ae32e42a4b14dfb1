import { windowRefusal } from '../comments/consultation-window.ts';
import type { Consultation } from '../consultations/consultations.ts';
import { versionWindows } from '../content/content.ts';
import type { Db } from '../platform/db.ts';
import { currentReport } from './report-source.ts';

/**
 * What the report page of a consultation shows: the report on its current draft and, for each joint
 * position, whether it is settled (no answer can still come, because every member answered or its
 * version's window closed) — or undefined for a consultation without a draft yet (the page is 404).
 */
export async function reportPage(db: Db, consultation: Consultation) {
  const found = await currentReport(db, consultation);
  if (!found) return undefined;
  const windows = await versionWindows(db);
  const settled = new Set<number>();
  for (const group of found.report.groups) {
    for (const block of group.blocks) {
      for (const c of block.comments) {
        if (c.onBehalfOf.length === 0) continue;
        if (windowRefusal(windows(c.consultationId, c.versionId), 'answer') || !c.onBehalfOf.some((j) => j.status === 'pending')) settled.add(c.id);
      }
    }
  }
  return { ...found, jointSettled: settled };
}

/** The file name of a report download: the consultation's slug in it, so two never overwrite each other. */
export function reportFileName(consultation: Pick<Consultation, 'slug'>, extension: 'csv' | 'xlsx'): string {
  return `porocilo-${consultation.slug}.${extension}`;
}
