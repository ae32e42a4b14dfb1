import { config } from './config.ts';
import { getDb, migrate, type Db } from './db.ts';
import { seedDemoAccounts, seedDemoComments } from './demo.ts';
import { deliverAutomatically, deliverOutbox } from './mail.ts';
import { readChapterFiles, readVersionFiles } from '../content/content-files.ts';
import { seedOrganisationDirectory } from '../organisations/organisations.ts';
import { invalidatePublicPages } from './page-cache.ts';
import { reanchorComments } from '../comments/reanchor.ts';
import { applyRetention } from './retention.ts';
import { deleteExpiredSessions } from '../accounts/sessions.ts';
import { currentOf } from '../content/versions.ts';

/** Everything a database needs before the portal can serve from it. Safe to run on every start. */
export async function prepareDatabase(db: Db, options: { demo: boolean }): Promise<{ migrations: string[] }> {
  const applied = await migrate(db);
  await seedOrganisationDirectory(db);
  if (options.demo) {
    await seedDemoAccounts(db);
    await seedDemoComments(db);
  }
  // Comments written on older drafts find their place in the current one (once per version).
  const current = currentOf(readVersionFiles());
  const chapters = readChapterFiles(current.id).map((c) => ({ slug: c.slug, blocks: c.rendered.blocks }));
  await reanchorComments(db, current.id, chapters);
  invalidatePublicPages();
  return { migrations: applied };
}

let ready: Promise<unknown> | undefined;

/** Prepares the server's database once per process; later calls share the same promise. */
export function ensureDatabaseReady(): Promise<unknown> {
  ready ??= prepareDatabase(getDb(), { demo: !config.production })
    .then(() => startBackgroundWork())
    .catch((error) => {
      ready = undefined;
      throw error;
    });
  return ready;
}

/** Retries mail that could not be delivered and clears expired sessions, once a minute. */
function startBackgroundWork(): void {
  const db = getDb();
  deliverAutomatically(db);
  const tick = () => {
    deliverOutbox(db).catch((error) => console.error('posvet: mail delivery failed', error));
    deleteExpiredSessions(db).catch((error) => console.error('posvet: session clean-up failed', error));
    applyRetention(db).catch((error) => console.error('posvet: retention clean-up failed', error));
  };
  tick();
  setInterval(tick, 60_000).unref();
}
