import { config } from './config.ts';
import { getDb, migrate, type Db } from './db.ts';
import { seedDemoAccounts, seedDemoComments, seedDemoReport } from './demo.ts';
import { withJobLock, withStartupLock } from './locks.ts';
import { deliverAutomatically, deliverOutbox } from './mail.ts';
import { readChapterFiles, readConsultationFiles, readVersionFiles } from '../content/content-files.ts';
import { syncConsultationFiles } from '../consultations/sync.ts';
import { listConsultations } from '../consultations/consultations.ts';
import { seedOrganisationDirectory } from '../organisations/organisations.ts';
import { reanchorComments } from '../comments/reanchor.ts';
import { applyRetention } from './retention.ts';
import { deleteExpiredSessions } from '../accounts/sessions.ts';
import { currentOf } from '../content/versions.ts';
import { queueReportJobs } from '../report/publish.ts';
import { writeReportFilesInWorkers } from '../report/files.ts';
import { runDuplicateJobs } from '../moderation/duplicates/jobs.ts';
import { runThemeJobs } from '../moderation/themes/jobs.ts';
import { indexDraftTexts } from '../search/draft-index.ts';
import { runNotificationJobs } from '../notifications/jobs.ts';

/**
 * Everything a database needs before the portal can serve from it. Safe to run on every start, and
 * in several processes or machines starting together: one prepares while the others wait for it,
 * then find nothing left to do (platform/locks.ts `withStartupLock`).
 * `demoReport` (default: with the demo) also publishes the demo's report; the unit tests' seeded
 * databases leave it out, so each test publishes what it needs.
 */
export function prepareDatabase(db: Db, options: { demo: boolean; demoReport?: boolean }): Promise<{ migrations: string[] }> {
  return withStartupLock(db, (locked) => prepareUnlocked(locked, options));
}

async function prepareUnlocked(db: Db, options: { demo: boolean; demoReport?: boolean }): Promise<{ migrations: string[] }> {
  const applied = await migrate(db);
  await seedOrganisationDirectory(db);
  await syncConsultationFiles(
    db,
    readConsultationFiles().map((c) => ({ ...c, hasVersions: readVersionFiles(c.slug).length > 0 })),
  );
  if (options.demo) {
    await seedDemoAccounts(db);
    await seedDemoComments(db);
  }
  // Comments written on older drafts find their place in the current one (once per version).
  for (const consultation of await listConsultations(db, { archived: true })) {
    const current = currentOf(readVersionFiles(consultation.slug));
    if (!current) continue;
    const chapters = readChapterFiles(consultation.slug, current.id).map((c) => ({ slug: c.slug, blocks: c.rendered.blocks }));
    await reanchorComments(db, consultation.id, current.id, chapters);
  }
  // The strategy text of every draft version in the search index (once per version).
  await indexDraftTexts(db);
  // The demo's published report, from the demo stances once they are placed.
  if (options.demoReport ?? options.demo) await seedDemoReport(db);
  return { migrations: applied };
}

/** For `astro dev` (astro.config.mjs): the server's own database, prepared as `npm start` prepares it. */
export async function prepareDevDatabase(): Promise<void> {
  await prepareDatabase(getDb(), { demo: !config.production });
}

let started = false;

/**
 * In the process that serves: delivers mail soon after it is queued, and once a minute retries mail
 * that could not be delivered, writes report snapshots left unfinished (then `onReportReady`), and
 * clears expired sessions and data past its retention. Idempotent.
 *
 * With several app processes (WORKERS, or several machines on one PostgreSQL database) every process
 * runs this. Mail delivery and theme suggestions run in each: each message and each request is
 * claimed by one process first (mail.ts, themes/jobs.ts). The rest runs in one process at a time
 * (`withJobLock`, a lease in the database): a report snapshot is not claimed (two processes would
 * write the same rows), an announcement's cursor is read before its batch (two would mail the same
 * subscribers), duplicate grouping would place the same comment twice, and clean-up need not be
 * done N times over.
 */
export function startBackgroundWork(onReportReady: () => void = () => {}): void {
  if (started) return;
  started = true;
  const db = getDb();
  writeReportFilesInWorkers(config.database);
  deliverAutomatically(db);
  const tick = () => {
    // Report snapshots a stopped process left half-written are written again (report/publish.ts).
    withJobLock(db, 'report-snapshots', () => queueReportJobs(db, onReportReady)).catch((error) => console.error('posvet: report snapshot failed', error));
    deliverOutbox(db).catch((error) => console.error('posvet: mail delivery failed', error));
    // Near-duplicate groups and theme suggestions are computed here, never on a request.
    withJobLock(db, 'duplicate-grouping', () => runDuplicateJobs(db)).catch((error) => console.error('posvet: duplicate grouping failed', error));
    runThemeJobs(db).catch((error) => console.error('posvet: theme suggestion failed', error));
    withJobLock(db, 'clean-up', async () => {
      await deleteExpiredSessions(db).catch((error) => console.error('posvet: session clean-up failed', error));
      await applyRetention(db).catch((error) => console.error('posvet: retention clean-up failed', error));
    }).catch((error) => console.error('posvet: clean-up failed', error));
    // New draft versions and published reports to subscribers; reminders before a window closes.
    withJobLock(db, 'notifications', () =>
      runNotificationJobs(db, { publicUrl: config.publicUrl, reminderDays: config.reminderDays, versionsOf: readVersionFiles }),
    ).catch((error) => console.error('posvet: notifications failed', error));
  };
  tick();
  setInterval(tick, 60_000).unref();
}
