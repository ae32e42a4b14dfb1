import type { Db } from '../../platform/db.ts';
import { suggestThemes } from './suggest.ts';

/**
 * The background work of theme suggestion: each pending request (theme_runs) is claimed and
 * computed here, never on a request. Called every minute by the serving process and right after a
 * request is recorded (web/moderation/themes-page.ts), so nobody waits a minute. Cheap when there is
 * nothing to do (one indexed query); one run at a time in a process; a run a stopped process left
 * "running" for longer than STALE_MINUTES is taken up again.
 */

const STALE_MINUTES = 30;
let working: Promise<number> | undefined;

/** Runs every pending request; answers how many ran. Concurrent calls share the same work. */
export function runThemeJobs(db: Db): Promise<number> {
  working ??= drain(db).finally(() => (working = undefined));
  return working;
}

async function drain(db: Db): Promise<number> {
  const stale = new Date(Date.now() - STALE_MINUTES * 60_000).toISOString();
  await db.updateTable('theme_runs').set({ state: 'pending' }).where('state', '=', 'running').where('started_at', '<', stale).execute();
  let done = 0;
  for (;;) {
    const next = await db.selectFrom('theme_runs').select(['id', 'consultation_id', 'chapter_slug']).where('state', '=', 'pending').orderBy('id').limit(1).executeTakeFirst();
    if (!next) return done;
    const claimed = await db.updateTable('theme_runs').set({ state: 'running', started_at: new Date().toISOString() }).where('id', '=', next.id).where('state', '=', 'pending').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue; // another process took it
    try {
      const result = await suggestThemes(db, next.consultation_id, next.chapter_slug);
      await db.updateTable('theme_runs').set({ state: 'done', finished_at: new Date().toISOString(), themes: result.themes, comments: result.comments }).where('id', '=', next.id).execute();
    } catch (error) {
      await db.updateTable('theme_runs').set({ state: 'failed', finished_at: new Date().toISOString() }).where('id', '=', next.id).execute();
      console.error('posvet: theme suggestion failed', error);
    }
    done++;
  }
}
