import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, query, submit, type Harness } from './helpers.ts';

describe('a deadline storm', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4401);
  });
  afterAll(async () => h?.cleanup());

  it('200 concurrent clients submitting 25 comments each store exactly 5,000, without duplicates or 5xx', async () => {
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, async (_, client) => {
        for (let i = 0; i < 25; i++) statuses.push(await submit(h.server, h.scale, client, `storm ${client}-${i}`, randomUUID()));
      }),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 303)).toBe(true);
    const { total, uniq } = (await query(h.dbPath, (db) =>
      db.get<{ total: number; uniq: number }>(`select count(*) as total, count(distinct body) as uniq from comments where body like 'storm %'`),
    ))!;
    expect(total).toBe(5000);
    expect(uniq).toBe(5000);
  });

  it('the same form sent twice, one after the other or at once, stores one comment', async () => {
    const key = randomUUID();
    const first = await Promise.all([submit(h.server, h.scale, 7, 'dvojni klik', key), submit(h.server, h.scale, 7, 'dvojni klik', key)]);
    const again = await submit(h.server, h.scale, 7, 'dvojni klik', key);
    expect([...first, again]).toEqual([303, 303, 303]);
    const count = (await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from comments where idempotency_key = ?`, key)))!.n;
    expect(count).toBe(1);
  });
});
