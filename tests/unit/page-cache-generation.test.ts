import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/lib/server/platform/db.ts';
import { bumpGeneration, coalescingReader, readGeneration } from '../../src/lib/server/web/cache-generation.ts';
import { createPageCache } from '../../src/lib/server/web/page-cache.ts';
import { tempDatabase } from './helpers.ts';

/** Two app processes on one database: each with its own connection and its own page cache. */
async function twoProcesses() {
  const { db, path } = tempDatabase();
  await migrate(db);
  const other = openDatabase(path);
  return { db, other, a: createPageCache({ db: () => db }), b: createPageCache({ db: () => other }) };
}

const page = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
const body = (entry: { body: Uint8Array } | undefined) => (entry ? new TextDecoder().decode(entry.body) : undefined);
const LATER = () => Date.now() + 60_000;

describe('the page cache with several processes (a generation in the database)', () => {
  it('a page one process invalidates is rendered afresh by the other, and only then', async () => {
    const { other, a, b } = await twoProcesses();
    try {
      await a.refresh();
      await b.refresh();
      await a.store('/', page('v1 in a'), LATER());
      await b.store('/', page('v1 in b'), LATER());
      // Nothing changed: each keeps answering from its cache after checking.
      await a.refresh();
      await b.refresh();
      expect(body(a.entry('/'))).toBe('v1 in a');
      expect(body(b.entry('/'))).toBe('v1 in b');

      await a.invalidate(); // a comment was published in process a
      expect(a.entry('/')).toBeUndefined();
      await b.refresh(); // the next anonymous request in process b
      expect(b.entry('/')).toBeUndefined();

      await b.store('/', page('v2 in b'), LATER());
      await b.refresh();
      expect(body(b.entry('/'))).toBe('v2 in b');
    } finally {
      await other.destroy();
    }
  });

  it('invalidations in both processes at once leave neither with a page stored before the other one', async () => {
    const { other, a, b } = await twoProcesses();
    try {
      await Promise.all([a.refresh(), b.refresh()]);
      await Promise.all([a.store('/pripombe', page('old a'), LATER()), b.store('/pripombe', page('old b'), LATER())]);
      await Promise.all([a.invalidate(), b.invalidate(), a.invalidate()]);
      await Promise.all([a.refresh(), b.refresh()]);
      expect(a.entry('/pripombe')).toBeUndefined();
      expect(b.entry('/pripombe')).toBeUndefined();
      expect(await readGeneration(other)).toBe(3);
    } finally {
      await other.destroy();
    }
  });

  it('a process that cannot reach the database keeps answering from its cache (and says so in the log)', async () => {
    const broken = createPageCache({ db: () => { throw new Error('database away'); } });
    await broken.store('/', page('kept'), LATER());
    await broken.refresh();
    expect(body(broken.entry('/'))).toBe('kept');
    await broken.invalidate(); // never fails the request that wrote
    expect(broken.entry('/')).toBeUndefined();
  });

  it('concurrent checks share reads, and each sees every change committed before it asked', async () => {
    const { db, other } = await twoProcesses();
    try {
      let reads = 0;
      const read = coalescingReader(async () => {
        reads++;
        return readGeneration(other);
      });
      const first = await Promise.all(Array.from({ length: 50 }, () => read()));
      expect(new Set(first)).toEqual(new Set([0]));
      expect(reads).toBeLessThanOrEqual(2);
      const during = read(); // a read in flight …
      await bumpGeneration(db); // … while another process commits a change
      const after = await read(); // asked after the change: a read that began after it
      await during;
      expect(after).toBe(1);
    } finally {
      await other.destroy();
    }
  });
});
