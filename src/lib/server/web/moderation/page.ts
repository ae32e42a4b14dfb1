import type { APIContext } from 'astro';
import type { FormState, Statuses, Submitted } from '../form-handling.ts';
import { findConsultation, listConsultations, type Consultation } from '../../consultations/consultations.ts';
import { getDb } from '../../platform/db.ts';

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

/**
 * The consultation a moderation page works on: `?posvetovanje=<slug>`, or the first one listed.
 * Undefined for a slug that names none.
 */
export async function moderatedConsultation(url: URL): Promise<Consultation | undefined> {
  const db = getDb();
  const slug = url.searchParams.get('posvetovanje');
  if (slug) return findConsultation(db, slug);
  return (await listConsultations(db))[0];
}
