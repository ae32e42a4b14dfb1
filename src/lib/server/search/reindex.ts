import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { indexDraftTexts } from './draft-index.ts';
import { rebuildSearchIndexes } from './match.ts';

/** Every search index rebuilt from its source (`npm run admin -- reindex`); the counts of what each holds. */
export async function reindexAll(db: Db): Promise<{ comments: number; stances: number; organisations: number; versions: number; blocks: number }> {
  await rebuildSearchIndexes(db);
  await db.transaction().execute(async (trx) => {
    await sql`delete from draft_text_fts`.execute(trx);
    await trx.deleteFrom('draft_text_versions').execute();
  });
  const { versions, blocks } = await indexDraftTexts(db);
  const count = async (table: 'comments' | 'stances' | 'organisations') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { comments: await count('comments'), stances: await count('stances'), organisations: await count('organisations'), versions, blocks };
}
