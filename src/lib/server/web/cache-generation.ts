import type { Db } from '../platform/db.ts';

/**
 * The page caches of several app processes (WORKERS, or several machines on one PostgreSQL
 * database) agree through one number in the database (cache_generation, one row): a process that
 * changed public data adds one; each process compares it, before answering an anonymous reader from
 * its cache, with the number its cache was filled under. One read of a one-row table by its key,
 * shared by the requests that arrive while it runs. The same SQL on both databases.
 */

/** The shared generation now. */
export async function readGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('cache_generation').select('generation').where('id', '=', 1).executeTakeFirst();
  return row?.generation ?? 0;
}

/** Adds one to the shared generation (every other process's cache is then out of date); the new number. */
export async function bumpGeneration(db: Db): Promise<number> {
  const row = await db
    .updateTable('cache_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .returning('generation')
    .executeTakeFirst();
  return row?.generation ?? 0;
}

/**
 * A reader of the generation for many concurrent callers: each gets a number read after it asked
 * (so it sees every change committed before), but callers that ask while a read runs share the one
 * read after it — under load a handful of reads a second, not one per request.
 */
export function coalescingReader(read: () => Promise<number>): () => Promise<number> {
  let current: Promise<number> | undefined;
  let queued: Promise<number> | undefined;
  const next = (): Promise<number> => {
    if (!current) {
      current = read().finally(() => {
        current = undefined;
      });
      return current;
    }
    queued ??= current.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return next();
    });
    return queued;
  };
  return next;
}
