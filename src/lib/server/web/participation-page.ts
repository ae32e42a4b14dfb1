import { findConsultation, listConsultations } from '../consultations/consultations.ts';
import { getDb } from '../platform/db.ts';
import { outline } from '../participation/map.ts';
import { participationView } from '../participation/participation.ts';
import { POPULATION_YEAR } from '../participation/statistics.ts';
import { notFound, type PageContext } from './comments/page.ts';

/**
 * Who took part, /udelezba?posvetovanje=<slug>: one consultation's, or (empty) all consultations'
 * together, chosen in a GET form. Page-cached for anonymous readers (web/page-cache.ts): its figures
 * change only when comments or answers to joint positions do, and every such change is a POST.
 * An unknown slug answers 404.
 */
export async function participationPage(page: PageContext) {
  const slug = page.url.searchParams.get('posvetovanje') ?? '';
  const db = getDb();
  const consultation = slug ? await findConsultation(db, slug) : undefined;
  if (slug && !consultation) return notFound(page);
  const [listed, view] = await Promise.all([listConsultations(db), participationView(db, consultation?.id)]);
  // An archived consultation is not offered in the choice, but its address keeps working.
  const consultations = consultation && !listed.some((k) => k.id === consultation.id) ? [...listed, consultation] : listed;
  return { consultation, consultations, view, outline: outline(), populationYear: POPULATION_YEAR };
}
