import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db.ts';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh SQLite file in a temporary folder, removed after the test: the real engine, never a mock. */
export function tempDatabase(): { db: Db; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-test-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  cleanups.push(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, path };
}
