import { sql } from 'kysely';
import { dictionary } from '../../../i18n/index.ts';
import { absolute, routes } from '../../routes.ts';
import type { DraftVersion } from '../content/versions.ts';
import { currentOf } from '../content/versions.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon, queueMails } from '../platform/mail.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import { unsubscribeLink } from './subscriptions.ts';

/**
 * Mails to subscribers: when a consultation's report is published (report/publish.ts calls
 * `announceReport` after its commit) and when a new draft version becomes current (the background
 * job compares the current version with the one last announced, kept in announced_versions, so
 * each version is announced once, across restarts too; the version current when a consultation is
 * first seen is recorded without a mail — it is not new). An announcement is a row; the subscribers
 * confirmed before it are mailed in batches of BATCH, each batch one transaction that queues the
 * mails and moves the announcement's cursor — never all subscribers in memory, never twice.
 */

export const BATCH = 500;

/** Records the publication of report version `number` for the subscribers (once per number). */
export async function announceReport(db: Db, consultationId: number, number: number, now = new Date()): Promise<void> {
  await announce(db, consultationId, 'report', String(number), dictionary().onboarding.subscriptions.reportLabel(number), now);
}

async function announce(db: Db, consultationId: number, topic: 'version' | 'report', key: string, label: string, now: Date): Promise<boolean> {
  try {
    await db.insertInto('announcements').values({ consultation_id: consultationId, topic, subject_key: key, label, created_at: now.toISOString() }).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Announces each consultation's current draft version when it is not the one last announced. */
export async function announceNewVersions(db: Db, versionsOf: (slug: string) => DraftVersion[], now = new Date()): Promise<number> {
  const consultations = await db.selectFrom('consultations').select(['id', 'slug']).where('archived_at', 'is', null).execute();
  let announced = 0;
  for (const c of consultations) {
    const current = currentOf(versionsOf(c.slug), now);
    if (!current || current.publishedAt > now) continue;
    const last = await db.selectFrom('announced_versions').select('version_id').where('consultation_id', '=', c.id).executeTakeFirst();
    if (last?.version_id === current.id) continue;
    await db.transaction().execute(async (trx) => {
      if (!last) {
        await trx.insertInto('announced_versions').values({ consultation_id: c.id, version_id: current.id, announced_at: now.toISOString() }).execute();
        return;
      }
      await trx.updateTable('announced_versions').set({ version_id: current.id, announced_at: now.toISOString() }).where('consultation_id', '=', c.id).execute();
      if (await announce(trx, c.id, 'version', current.id, current.label, now)) announced++;
    });
  }
  return announced;
}

/** Queues the mails of every unfinished announcement, a batch per transaction; how many were queued. */
export async function runAnnouncements(db: Db, publicUrl: string, now = () => new Date()): Promise<number> {
  let queued = 0;
  const m = dictionary().onboarding.subscriptions;
  for (;;) {
    const job = await db
      .selectFrom('announcements as a')
      .innerJoin('consultations as c', 'c.id', 'a.consultation_id')
      .select(['a.id', 'a.consultation_id', 'a.topic', 'a.label', 'a.created_at', 'a.last_subscription_id', 'c.title', 'c.slug'])
      .where('a.done_at', 'is', null)
      .orderBy('a.id')
      .executeTakeFirst();
    if (!job) break;
    const link = absolute(publicUrl, job.topic === 'report' ? routes.report(job.slug) : routes.consultation(job.slug));
    queued += await db.transaction().execute(async (trx) => {
      const batch = await trx
        .selectFrom('subscriptions')
        .select(['id', 'email'])
        .where('consultation_id', '=', job.consultation_id)
        .where('id', '>', job.last_subscription_id)
        .where('confirmed_at', 'is not', null)
        .where('confirmed_at', '<=', job.created_at)
        .where(sql<string>`',' || topics || ','`, 'like', `%,${job.topic},%`)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      const mails = [];
      for (const s of batch) {
        const unsubscribe = await unsubscribeLink(trx, s.id, publicUrl);
        const text = job.topic === 'report' ? m.reportMail.body(job.title, job.label, link, unsubscribe) : m.versionMail.body(job.title, job.label, link, unsubscribe);
        mails.push({ to: s.email, subject: job.topic === 'report' ? m.reportMail.subject(job.title) : m.versionMail.subject(job.title, job.label), text });
      }
      await queueMails(trx, mails);
      const done = batch.length < BATCH;
      await trx
        .updateTable('announcements')
        .set({ last_subscription_id: batch.at(-1)?.id ?? job.last_subscription_id, done_at: done ? now().toISOString() : null })
        .where('id', '=', job.id)
        .execute();
      return batch.length;
    });
  }
  if (queued > 0) deliverSoon();
  return queued;
}
