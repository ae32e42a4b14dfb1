import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import { SUBSCRIPTION_TOPICS } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import { listConsultations } from '../../consultations/consultations.ts';
import { confirmSubscription, findByConfirmToken, findByUnsubscribeToken, requestSubscription, unsubscribe } from '../../notifications/subscriptions.ts';
import { getDb } from '../../platform/db.ts';
import { clientIp, publicBaseUrl } from '../auth-context.ts';
import { EMPTY_FORM, submitForm, type FormState } from '../form-handling.ts';

/** /obvestila: subscribe; /obvestila/potrditev/[žeton]: confirm (a button, so link scanners confirm nothing); /obvestila/odjava/[žeton]: unsubscribe. */

const subscribeInput = z.object({
  email: z.string().default(''),
  consultationId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).catch(0),
  ...Object.fromEntries(SUBSCRIPTION_TOPICS.map((topic) => [`topic.${topic}`, z.string().optional()])),
});

export interface SubscribePage {
  form: FormState;
  consultations: Array<{ id: number; title: string; slug: string }>;
  /** The consultation chosen (from ?posvetovanje= or the form). */
  chosen?: number;
  /** After a request: the address it was for (the same answer whatever it was). */
  requested?: string;
}

export async function subscribePage(Astro: AstroGlobal): Promise<SubscribePage> {
  const db = getDb();
  const consultations = (await listConsultations(db)).filter((c) => c.status !== 'preparation').map((c) => ({ id: c.id, title: c.title, slug: c.slug }));
  const slug = Astro.url.searchParams.get('posvetovanje');
  let chosen = consultations.find((c) => c.slug === slug)?.id;
  let form = EMPTY_FORM;
  let requested: string | undefined;
  if (Astro.request.method === 'POST') {
    const submitted = await submitForm(
      Astro,
      subscribeInput,
      (input) => {
        const topics = SUBSCRIPTION_TOPICS.filter((topic) => (input as Record<string, unknown>)[`topic.${topic}`]);
        return requestSubscription(db, { email: input.email, consultationId: input.consultationId, topics }, clientIp(Astro), publicBaseUrl());
      },
      { statuses: { invalid: 400, closed: 429 } },
    );
    chosen = Number(submitted.values.consultationId) || chosen;
    if (submitted.ok) requested = submitted.values.email.trim();
    else {
      form = submitted;
      Astro.response.status = submitted.status;
    }
  }
  Astro.response.headers.set('Cache-Control', 'no-store');
  return { form, consultations, chosen, requested };
}

export interface TokenPage {
  state: 'ask' | 'done' | 'invalid';
  email?: string;
  title?: string;
  /** After confirming: where to unsubscribe again. */
  unsubscribe?: string;
}

export async function confirmPage(Astro: AstroGlobal): Promise<TokenPage> {
  const db = getDb();
  const token = Astro.params.zeton ?? '';
  Astro.response.headers.set('Cache-Control', 'no-store');
  if (Astro.request.method === 'POST') {
    const result = await confirmSubscription(db, token);
    if (result.ok) return { state: 'done', title: result.value.title, unsubscribe: routes.unsubscribe(result.value.unsubscribeToken) };
    Astro.response.status = 410;
    return { state: 'invalid' };
  }
  const found = await findByConfirmToken(db, token);
  if (!found) Astro.response.status = 410;
  return found ? { state: 'ask', email: found.email, title: found.title } : { state: 'invalid' };
}

export async function unsubscribePage(Astro: AstroGlobal): Promise<TokenPage> {
  const db = getDb();
  const token = Astro.params.zeton ?? '';
  Astro.response.headers.set('Cache-Control', 'no-store');
  if (Astro.request.method === 'POST') {
    const result = await unsubscribe(db, token);
    if (!result.ok) Astro.response.status = 410;
    return { state: result.ok ? 'done' : 'invalid' };
  }
  const found = await findByUnsubscribeToken(db, token);
  if (!found) Astro.response.status = 410;
  return found ? { state: 'ask', email: found.email, title: found.title } : { state: 'invalid' };
}
