import type { DraftVersion } from '../content/versions.ts';
import type { Db } from '../platform/db.ts';
import { announceNewVersions, runAnnouncements } from './announcements.ts';
import { sendDueReminders } from './reminders.ts';

/**
 * The background work of notifications, once a minute (platform/setup.ts): announce a draft version
 * that became current, queue the subscribers' mails in batches, send the reminders that are due.
 * Cheap when nothing is due: a look at each consultation's versions and one query for announcements.
 */
export async function runNotificationJobs(db: Db, settings: { publicUrl: string; reminderDays: number; versionsOf: (slug: string) => DraftVersion[] }): Promise<void> {
  await announceNewVersions(db, settings.versionsOf);
  await runAnnouncements(db, settings.publicUrl);
  await sendDueReminders(db, { days: settings.reminderDays, publicUrl: settings.publicUrl, versionsOf: settings.versionsOf });
}
