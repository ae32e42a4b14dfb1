import type { Kysely } from 'kysely';
import { dictionary } from '../../../i18n/index.ts';
import { SUBSCRIPTION_TOPICS, type SubscriptionTopic } from '../../enums.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { emailProblem, normaliseEmail } from '../accounts/input.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon, queueMail } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';
import { generateToken, hashToken } from '../platform/tokens.ts';

/**
 * Subscriptions by e-mail to a consultation's new draft versions and published report, double
 * opt-in: asking stores the topics as pending and mails a confirmation link (its token stored
 * hashed, valid 7 days); nothing else is sent to the address until it is confirmed. Asking answers
 * the same whether or not the address was subscribed already, so the form tells nobody who reads
 * what. Against mail-bombing: at most 3 confirmation mails per address per day (past that, silently
 * none) and 20 requests per client address per hour (past that, refused for an hour). Every mail to
 * a subscriber carries its own one-click unsubscribe link (a token per mail, stored hashed);
 * unsubscribing deletes the subscription and the address with it.
 */

export const CONFIRM_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const MAILS_PER_ADDRESS_PER_DAY = 3;
export const REQUESTS_PER_IP_PER_HOUR = 20;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export interface SubscriptionRequest {
  email: string;
  consultationId: number;
  topics: readonly SubscriptionTopic[];
}

const topicText = (topics: readonly string[]) => SUBSCRIPTION_TOPICS.filter((t) => topics.includes(t)).join(',');

/** Asks for a subscription: the same answer whatever the address's state (no enumeration). */
export async function requestSubscription(db: Db, input: SubscriptionRequest, ip: string, publicUrl: string, now = new Date()): Promise<Result> {
  const problem = emailProblem(input.email);
  if (problem) return invalid({ email: problem });
  const topics = topicText(input.topics);
  if (!topics) return invalid({ topics: (t) => t.onboarding.subscriptions.errors.topics });
  const consultation = await db
    .selectFrom('consultations')
    .select(['id', 'title'])
    .where('id', '=', input.consultationId)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'preparation')
    .executeTakeFirst();
  if (!consultation) return invalid({ consultationId: (t) => t.onboarding.subscriptions.errors.consultation });
  const email = normaliseEmail(input.email);
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  const count = async (column: 'ip' | 'email', value: string, since: string) =>
    Number(
      (await db.selectFrom('subscription_requests').select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', value).where('created_at', '>', since).executeTakeFirstOrThrow()).n,
    );
  if ((await count('ip', ip, hourAgo)) >= REQUESTS_PER_IP_PER_HOUR) return fail('closed', (t) => t.onboarding.subscriptions.throttled);
  const mailsToAddress = await count('email', email, dayAgo);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('subscription_requests').values({ email, ip, created_at: now.toISOString() }).execute();
    // Requests older than a day count for nothing any more.
    await trx.deleteFrom('subscription_requests').where('created_at', '<', dayAgo).execute();
    if (mailsToAddress >= MAILS_PER_ADDRESS_PER_DAY) return;
    const token = generateToken();
    const pending = { pending_topics: topics, confirm_token_hash: hashToken(token), confirm_expires_at: new Date(now.getTime() + CONFIRM_LIFETIME_MS).toISOString() };
    await trx
      .insertInto('subscriptions')
      .values({ email, consultation_id: consultation.id, created_at: now.toISOString(), ...pending })
      .onConflict((oc) => oc.columns(['email', 'consultation_id']).doUpdateSet(pending))
      .execute();
    const m = dictionary().onboarding.subscriptions;
    const names = dictionary().onboarding.subscriptions.topicNames;
    await queueMail(trx, {
      to: email,
      subject: m.confirmMail.subject(consultation.title),
      text: m.confirmMail.body(consultation.title, topics.split(',').map((t) => names[t as SubscriptionTopic]).join(', '), absolute(publicUrl, routes.subscriptionConfirm(token))),
    });
  });
  deliverSoon();
  return ok();
}

/** The subscription a confirmation link stands for (still valid), with its consultation's title. */
export async function findByConfirmToken(db: Db, token: string, now = new Date()) {
  if (!TOKEN.test(token)) return undefined;
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('consultations as c', 'c.id', 's.consultation_id')
    .select(['s.id', 's.email', 's.pending_topics', 'c.title', 'c.slug'])
    .where('s.confirm_token_hash', '=', hashToken(token))
    .where('s.confirm_expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Confirms: the pending topics become the subscription's; the link is used up. */
export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<Result<{ title: string; slug: string; unsubscribeToken: string }>> {
  const found = await findByConfirmToken(db, token, now);
  if (!found) return fail('not_found', (t) => t.onboarding.subscriptions.invalidLink);
  // The page that confirms offers the way out at once (a token like every mail's).
  const unsubscribeToken = generateToken();
  await db.insertInto('unsubscribe_tokens').values({ token_hash: hashToken(unsubscribeToken), subscription_id: found.id, created_at: now.toISOString() }).execute();
  await db
    .updateTable('subscriptions')
    .set((eb) => ({
      topics: found.pending_topics ?? '',
      pending_topics: null,
      confirm_token_hash: null,
      confirm_expires_at: null,
      confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(now.toISOString())),
    }))
    .where('id', '=', found.id)
    .execute();
  return ok({ title: found.title, slug: found.slug, unsubscribeToken });
}

/** A new unsubscribe link for one mail to the subscriber (inside the transaction that queues it). */
export async function unsubscribeLink(trx: Kysely<Database>, subscriptionId: number, publicUrl: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await trx.insertInto('unsubscribe_tokens').values({ token_hash: hashToken(token), subscription_id: subscriptionId, created_at: now.toISOString() }).execute();
  return absolute(publicUrl, routes.unsubscribe(token));
}

export async function findByUnsubscribeToken(db: Db, token: string) {
  if (!TOKEN.test(token)) return undefined;
  return db
    .selectFrom('unsubscribe_tokens as u')
    .innerJoin('subscriptions as s', 's.id', 'u.subscription_id')
    .innerJoin('consultations as c', 'c.id', 's.consultation_id')
    .select(['s.id', 's.email', 'c.title'])
    .where('u.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/**
 * Unsubscribes: the subscription and its address are deleted (its tokens with it). Answers ok for a
 * link already used, so a second click (or a mail client's one-click POST after a person's) is no error.
 */
export async function unsubscribe(db: Db, token: string): Promise<Result> {
  if (!TOKEN.test(token)) return fail('not_found', (t) => t.onboarding.subscriptions.invalidLink);
  const found = await findByUnsubscribeToken(db, token);
  if (found) await db.deleteFrom('subscriptions').where('id', '=', found.id).execute();
  return ok();
}
