import type { Db } from '../../platform/db.ts';

/** The background work of theme suggestion (the themes helper writes this): clustering runs here, never on a request. */
export async function runThemeJobs(_db: Db): Promise<void> {}
