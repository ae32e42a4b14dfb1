import type { Db } from '../../platform/db.ts';
import { indexComment, leaveGroup } from './grouping.ts';

/**
 * The background work of near-duplicate grouping, every minute in the serving process: submitted
 * comments that have no signature yet (their indexing after submission failed, or they came before
 * the index did) get theirs and their group; withdrawn comments leave their groups. A chunk at a
 * time; two index reads when there is nothing to do.
 */
const CHUNK = 500;

export async function runDuplicateJobs(db: Db): Promise<{ indexed: number; left: number }> {
  const missing = await db
    .selectFrom('comments as c')
    .select('c.id')
    .where('c.state', '=', 'submitted')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('duplicate_signatures as s').select('s.comment_id').whereRef('s.comment_id', '=', 'c.id'))))
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .limit(CHUNK)
    .execute();
  for (const { id } of missing) await indexComment(db, id);
  const left = await leaveWithdrawn(db);
  return { indexed: missing.length, left };
}

/** Withdrawn comments still indexed as taking members, or still in a group, leave. */
export async function leaveWithdrawn(db: Db): Promise<number> {
  const gone = await db
    .selectFrom('duplicate_signatures as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .select('s.comment_id')
    .where('c.state', '!=', 'submitted')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('duplicate_group_members as m').select('m.comment_id').whereRef('m.comment_id', '=', 's.comment_id')),
        eb.exists(eb.selectFrom('duplicate_buckets as b').select('b.comment_id').whereRef('b.comment_id', '=', 's.comment_id')),
      ]),
    )
    .limit(CHUNK)
    .execute();
  for (const { comment_id } of gone) await db.transaction().execute((trx) => leaveGroup(trx, comment_id));
  return gone.length;
}

/** After a submission (or a withdrawal) has committed: its place now; a failure is logged and the job catches up. */
export async function indexSoon(db: Db, commentId: number): Promise<void> {
  try {
    await indexComment(db, commentId);
    await db.transaction().execute(async (trx) => {
      const withdrawn = await trx.selectFrom('comments').select('id').where('id', '=', commentId).where('state', '=', 'withdrawn').executeTakeFirst();
      if (withdrawn) await leaveGroup(trx, commentId);
    });
  } catch (error) {
    console.error('posvet: near-duplicate indexing failed; the background job retries', error);
  }
}
