import { get, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.ts';
import { closedCleanly, harness, integrity, query, submit, type Harness } from './helpers.ts';

/** A GET whose answer is held: its headers are in, its body is read only when `read()` is called. */
interface HeldResponse {
  response: IncomingMessage;
  read: () => Promise<number>;
}

function getHeld(url: string, cookie: string): Promise<HeldResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { cookie } }, (response) => {
      response.pause();
      resolve({
        response,
        read: () =>
          new Promise((done, fail) => {
            let size = 0;
            response.on('data', (chunk: Buffer) => (size += chunk.byteLength));
            response.on('end', () => (response.complete ? done(size) : fail(new Error(`the answer to ${url} was cut off after ${size} bytes`))));
            response.on('error', fail);
            response.resume();
          }),
      });
    }).on('error', reject);
  });
}

describe('a graceful shutdown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4403, 20_000);
  });
  afterAll(async () => h?.cleanup());

  it('SIGTERM finishes requests in flight, exits cleanly and closes the database', async () => {
    // Acknowledged before the signal: these must all be there afterwards.
    for (let i = 0; i < 20; i++) expect(await submit(h.server, h.scale, i, `sigterm ${i}`, randomUUID())).toBe(303);
    // Heavy requests (the open data's export of 20,000 comments, streamed, megabytes each): SIGTERM is sent once the
    // server has begun to answer every one of them, while none has been received in full — their
    // bodies are held unread, so they are still on their way.
    const inFlight = await Promise.all(Array.from({ length: 4 }, (_, i) => getHeld(`${h.server.url}/api/v1/comments/export.jsonl?n=${i}`, h.scale.memberCookies[i])));
    expect(inFlight.map((r) => r.response.statusCode)).toEqual([200, 200, 200, 200]);
    expect(inFlight.map((r) => r.response.complete), 'answers fully received before SIGTERM').toEqual([false, false, false, false]);
    const exit = h.server.stop('SIGTERM');
    await waitFor('the server to begin its shutdown', () => h.server.output().includes('posvet: SIGTERM received'));
    // Still running while the answers are unread: it waits for them instead of cutting them off.
    expect(h.server.child.exitCode).toBeNull();
    const sizes = await Promise.all(inFlight.map((r) => r.read()));
    expect(sizes.every((size) => size > 1_000_000), `sizes ${sizes.join(', ')}`).toBe(true);
    expect(await exit).toBe(0);
    expect(h.server.output()).toContain('posvet: stopped.');
    // A clean close: SQLite's write-ahead log checkpointed and removed; PostgreSQL's connections ended.
    expect(await closedCleanly(h.dbPath)).toBe(true);
    expect(await integrity(h.dbPath)).toBe('ok');
    expect((await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from comments where body like 'sigterm %'`)))!.n).toBe(20);
  });
});
