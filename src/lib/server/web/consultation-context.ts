import { findConsultation, type Consultation } from '../consultations/consultations.ts';
import { currentVersion, type DraftVersion } from '../content/content.ts';
import { getDb } from '../platform/db.ts';

/**
 * The consultation a page's address names (/posvetovanja/[posvetovanje]/…) and its current draft.
 * Undefined for a slug that names no consultation, or (with `needsDraft`) one that has no draft yet:
 * the page then answers 404.
 */
export async function consultationOf(params: Record<string, string | undefined>): Promise<Consultation | undefined> {
  return findConsultation(getDb(), params.posvetovanje ?? '');
}

export async function consultationWithDraft(params: Record<string, string | undefined>): Promise<{ consultation: Consultation; version: DraftVersion } | undefined> {
  const consultation = await consultationOf(params);
  const version = consultation && (await currentVersion(consultation));
  return consultation && version ? { consultation, version } : undefined;
}
