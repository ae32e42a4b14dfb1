import { dictionary, formatDate } from '../../../i18n/index.ts';
import { fail, ok, type Result } from '../../result.ts';
import { absolute, routes } from '../../routes.ts';
import { can, type Actor } from '../accounts/access.ts';
import type { DraftVersion } from '../content/versions.ts';
import { currentOf } from '../content/versions.ts';
import { windowState } from '../comments/consultation-window.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon, queueMails } from '../platform/mail.ts';

/**
 * Reminders before a consultation's window closes (REMINDER_DAYS, 0: off): an organisation that may
 * comment (any but a government body), has not submitted anything to the open consultation (no
 * comment submitted or withdrawn — a withdrawn one was submitted) and has not opted out gets one
 * mail, once per organisation per consultation (reminders_sent, its primary key). It goes to the
 * organisation's administrators — they decide who writes for it and can opt out — or, when it has
 * none, to its members; an organisation with nobody active is recorded as reminded without a mail.
 * Run by the background job; cheap when nothing is due (a window's dates, no query).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface ReminderOptions {
  days: number;
  publicUrl: string;
  versionsOf: (slug: string) => DraftVersion[];
  now?: Date;
}

/** Is the consultation's current window within `days` of closing, and open? */
export function reminderDue(version: DraftVersion | undefined, days: number, now: Date): boolean {
  if (!version || days <= 0) return false;
  return windowState({ opensAt: version.opensAt, closesAt: version.closesAt }, now) === 'open' && now.getTime() >= version.closesAt.getTime() - days * DAY_MS;
}

/** Queues the reminders that are due; how many organisations were reminded. */
export async function sendDueReminders(db: Db, options: ReminderOptions): Promise<number> {
  const now = options.now ?? new Date();
  if (options.days <= 0) return 0;
  const open = await db.selectFrom('consultations').select(['id', 'slug', 'title']).where('status', '=', 'open').where('archived_at', 'is', null).execute();
  let reminded = 0;
  const m = dictionary().onboarding.reminders.mail;
  for (const consultation of open) {
    const version = currentOf(options.versionsOf(consultation.slug), now);
    if (!reminderDue(version, options.days, now)) continue;
    const lastDay = formatDate(version!.lastDay);
    const link = absolute(options.publicUrl, routes.consultation(consultation.slug));
    for (;;) {
      const count = await db.transaction().execute(async (trx) => {
        const organisations = await trx
          .selectFrom('organisations as o')
          .select(['o.id', 'o.name'])
          .where('o.kind', '!=', 'government')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('reminders_sent as r').select('r.organisation_id').whereRef('r.organisation_id', '=', 'o.id').where('r.consultation_id', '=', consultation.id),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('reminder_opt_outs as x').select('x.organisation_id').whereRef('x.organisation_id', '=', 'o.id'))))
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('comments as c')
                  .select('c.id')
                  .whereRef('c.organisation_id', '=', 'o.id')
                  .where('c.consultation_id', '=', consultation.id)
                  .where('c.state', 'in', ['submitted', 'withdrawn']),
              ),
            ),
          )
          .orderBy('o.id')
          .limit(BATCH)
          .execute();
        for (const organisation of organisations) {
          const users = await trx.selectFrom('users').select(['email', 'role']).where('organisation_id', '=', organisation.id).where('status', '=', 'active').execute();
          const admins = users.filter((u) => u.role === 'org_admin');
          const recipients = (admins.length > 0 ? admins : users).map((u) => u.email);
          await queueMails(
            trx,
            recipients.map((to) => ({ to, subject: m.subject(consultation.title), text: m.body(organisation.name, consultation.title, lastDay, link) })),
          );
          await trx.insertInto('reminders_sent').values({ organisation_id: organisation.id, consultation_id: consultation.id, sent_at: now.toISOString(), recipients: recipients.length }).execute();
          if (recipients.length > 0) reminded++;
        }
        return organisations.length;
      });
      if (count < BATCH) break;
    }
  }
  if (reminded > 0) deliverSoon();
  return reminded;
}

export async function remindersOptedOut(db: Db, organisationId: number): Promise<boolean> {
  return !!(await db.selectFrom('reminder_opt_outs').select('organisation_id').where('organisation_id', '=', organisationId).executeTakeFirst());
}

/** An organisation admin (or a portal administrator, for their own organisation) turns reminders off or on. Audited. */
export async function setReminderOptOut(db: Db, actor: Actor, optOut: boolean, ip: string | null): Promise<Result> {
  if (!can(actor, 'organisation.manage')) return fail('forbidden', (t) => t.access.notAllowed);
  const organisationId = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    const was = !!(await trx.selectFrom('reminder_opt_outs').select('organisation_id').where('organisation_id', '=', organisationId).executeTakeFirst());
    if (was === optOut) return;
    if (optOut) await trx.insertInto('reminder_opt_outs').values({ organisation_id: organisationId, by_user_id: actor.id, created_at: new Date().toISOString() }).execute();
    else await trx.deleteFrom('reminder_opt_outs').where('organisation_id', '=', organisationId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: optOut ? 'reminders.opted_out' : 'reminders.opted_in', targetType: 'organisation', targetId: organisationId, ip });
  });
  return ok();
}
