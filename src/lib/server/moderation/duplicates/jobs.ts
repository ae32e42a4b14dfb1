import type { Db } from '../../platform/db.ts';

/**
 * The background work of near-duplicate grouping (the duplicates helper writes this): comments
 * submitted since the last run get their signature and their group; a full regrouping runs here,
 * never on a request.
 */
export async function runDuplicateJobs(_db: Db): Promise<void> {}
