import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.ts';
import { harness, integrity, query, startServer, submit, type Harness } from './helpers.ts';

describe('a crash in the middle of a storm', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4402);
  });
  afterAll(async () => h?.cleanup());

  it('SIGKILL loses no acknowledged comment and leaves an intact database', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const clients = Array.from({ length: 50 }, async (_, client) => {
      while (!stop) {
        const key = randomUUID();
        try {
          if ((await submit(h.server, h.scale, client, `crash ${key}`, key)) === 303) acknowledged.push(key);
        } catch {
          return; // the connection died with the server: this one was never acknowledged
        }
      }
    });
    // Killed in the middle of the storm: once plenty have been acknowledged, with the clients still writing.
    await waitFor('comments acknowledged during the storm', () => acknowledged.length >= 40, { timeout: 60_000, interval: 10 });
    h.server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    await h.server.stop('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(20);

    // Restart on the same database, as an operator would.
    h.server = await startServer(h.dbPath, 4402);
    await h.server.stop('SIGTERM');
    const check = await integrity(h.dbPath);
    const stored = new Set((await query(h.dbPath, (db) => db.all<{ k: string }>(`select idempotency_key as k from comments where body like 'crash %'`))).map((r) => r.k));
    expect(check).toBe('ok');
    expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
  });
});
