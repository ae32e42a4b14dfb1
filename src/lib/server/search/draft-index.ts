import type { Db } from '../platform/db.ts';

/** The strategy text in the search index, once per draft version (the search helper writes this). */
export async function indexDraftTexts(_db: Db): Promise<void> {}
