import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { harness, inspect, submit, type Harness } from './helpers.ts';

describe('an online backup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4404, 5_000);
  });
  afterAll(async () => h?.cleanup());

  it('taken while comments are being written holds every comment acknowledged before it began', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 20 }, async (_, client) => {
      while (!stop) {
        const key = randomUUID();
        if ((await submit(h.server, h.scale, client, `backup ${key}`, key)) === 303) acknowledged.push(key);
      }
    });
    // The backup begins while the writers are busy, once they have had a good number acknowledged.
    await waitFor('comments acknowledged before the backup', () => acknowledged.length >= 20, { timeout: 60_000, interval: 10 });
    const before = [...acknowledged];
    const target = join(h.dir, 'backup.sqlite');
    const result = spawnSync(process.execPath, ['src/cli/admin.ts', 'backup', target], { cwd: root, env: { ...process.env, DATABASE_PATH: h.dbPath }, encoding: 'utf8' });
    stop = true;
    await Promise.all(writers);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('integrity check: ok');
    const copy = inspect(target, (db) => ({
      check: db.pragma('integrity_check', { simple: true }),
      keys: new Set((db.prepare(`select idempotency_key as k from comments where body like 'backup %'`).all() as { k: string }[]).map((r) => r.k)),
      scale: (db.prepare(`select count(*) as n from comments where idempotency_key like 'scale-%'`).get() as { n: number }).n,
    }));
    expect(copy.check).toBe('ok');
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((k) => !copy.keys.has(k))).toEqual([]);
    expect(copy.scale).toBe(5000);
  });
});
