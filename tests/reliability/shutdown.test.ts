import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, inspect, submit, type Harness } from './helpers.ts';

describe('a graceful shutdown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4403, 20_000);
  });
  afterAll(async () => h?.cleanup());

  it('SIGTERM finishes requests in flight, exits cleanly and closes the database', async () => {
    // Acknowledged before the signal: these must all be there afterwards.
    for (let i = 0; i < 20; i++) expect(await submit(h.server, h.scale, i, `sigterm ${i}`, randomUUID())).toBe(303);
    // Heavy requests (the report over 20,000 comments) in flight when SIGTERM arrives.
    const inFlight = Array.from({ length: 4 }, (_, i) =>
      fetch(`${h.server.url}/porocilo.csv?n=${i}`, { headers: { cookie: h.scale.memberCookies[i] } }).then(async (r) => ({ status: r.status, size: (await r.arrayBuffer()).byteLength })),
    );
    await new Promise((r) => setTimeout(r, 300));
    const exit = h.server.stop('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.every((r) => r.size > 1_000_000)).toBe(true);
    expect(await exit).toBe(0);
    expect(h.server.output()).toContain('posvet: stopped.');
    // A clean close checkpoints the write-ahead log and removes it.
    expect(existsSync(`${h.dbPath}-wal`)).toBe(false);
    expect(inspect(h.dbPath, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(inspect(h.dbPath, (db) => (db.prepare(`select count(*) as n from comments where body like 'sigterm %'`).get() as { n: number }).n)).toBe(20);
  });
});
