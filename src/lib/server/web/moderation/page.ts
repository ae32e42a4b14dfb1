import type { APIContext } from 'astro';
import type { FormState, Statuses, Submitted } from '../form-handling.ts';
import { findConsultation, type Consultation } from '../../consultations/consultations.ts';
import { mayModerate, moderatedConsultations } from '../../consultations/moderators.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf } from '../auth-context.ts';

/** What the moderation pages' handlers share. */

export type PageContext = Pick<APIContext, 'request' | 'url' | 'locals' | 'redirect' | 'rewrite' | 'clientAddress' | 'params'>;

/** A handler's answer: a response to return at once, or the page to show with the form's state. */
export type PageAnswer<View> = { response: Response } | { view: View; form: FormState };

/**
 * The moderation forms have always answered a refused input (and a recorded comment's key already
 * taken) with 400, not the 422 and 409 of the comment forms, and keep doing so; 403 and 404 stay.
 */
export const MODERATION_STATUS: Statuses = { invalid: 400, conflict: 400, closed: 400 };

/** A refused moderation form as the page shows it. */
export function refused(submitted: Extract<Submitted<unknown>, { ok: false }>): FormState {
  const { ok: _, code: __, ...state } = submitted;
  return state;
}

/** The consultation a moderation page works on, and every one the person may switch to. */
export interface ModeratedConsultation {
  consultation: Consultation;
  consultations: Consultation[];
}

/**
 * The consultation a moderation page works on: `?posvetovanje=<slug>`, or the first one the person
 * moderates. A slug that names none is "not found" (404); a consultation the person does not
 * moderate — or none at all to default to — is "forbidden" (403).
 */
export async function moderatedConsultation(
  context: Pick<PageContext, 'url' | 'rewrite'>,
  user: NonNullable<App.Locals['user']>,
): Promise<{ response: Response } | ModeratedConsultation> {
  const db = getDb();
  const actor = actorOf(user);
  const consultations = await moderatedConsultations(db, actor);
  const slug = context.url.searchParams.get('posvetovanje');
  if (!slug) {
    const first = consultations[0];
    return first ? { consultation: first, consultations } : { response: await context.rewrite('/403') };
  }
  const consultation = await findConsultation(db, slug);
  if (!consultation) return { response: await context.rewrite('/404') };
  if (!(await mayModerate(db, actor, consultation.id))) return { response: await context.rewrite('/403') };
  // An archived consultation opened by its address is still the person's to moderate.
  return { consultation, consultations: consultations.some((c) => c.id === consultation.id) ? consultations : [...consultations, consultation] };
}
