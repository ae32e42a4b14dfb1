import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { waitFor } from '../support/wait.ts';
import { seedScale, type RunningServer, type Scale } from '../support/server.ts';
import { startServer, submit } from './helpers.ts';

/**
 * WORKERS=3: three app processes on one port, on the SQLite file — or, in the PostgreSQL round
 * (TEST_POSTGRES_URL), on a database of that cluster. Each round runs its own variant.
 */
const cluster = process.env.TEST_POSTGRES_URL;
const PORT = 4412;

/** A GET on a new connection (the primary hands each new connection to the next worker), as an anonymous reader. */
function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const workerPids = (output: string) => [...output.matchAll(/serving on \S+ \(worker (\d+)\)/g)].map((m) => Number(m[1]));

describe(`several app processes (WORKERS=3, ${cluster ? 'PostgreSQL' : 'SQLite'})`, () => {
  let dir: string;
  let location: string;
  let drop = async () => {};
  let scale: Scale;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'posvet-workers-'));
    const dbPath = join(dir, 'posvet.sqlite');
    location = dbPath;
    if (cluster) ({ url: location, drop } = await createTestDatabase(cluster, 'template0'));
    scale = await seedScale(location, { comments: 0 });
    server = await startServer(dbPath, PORT, { MAIL_DIR: join(dir, 'mail'), WORKERS: '3', ...(cluster ? { DATABASE_URL: location } : {}) });
    await waitFor('three workers serving', () => workerPids(server.output()).length === 3 || undefined, { timeout: 60_000, interval: 50 });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a page one worker invalidates is fresh in every other: a comment submitted through one is on the page whichever worker answers', async () => {
    const page = `${server.url}${scale.blockPaths[0]}`;
    // Every worker renders the page and keeps it in its cache.
    for (let i = 0; i < 9; i++) expect((await getFresh(page)).status).toBe(200);
    const body = `svež ${randomUUID()}`;
    expect(await submit(server, scale, 0, body, randomUUID())).toBe(303);
    // At once, whichever worker answers (no waiting: the 303 came after the others were told).
    const answers = await Promise.all(Array.from({ length: 9 }, () => getFresh(page)));
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
    expect(answers.filter((a) => !a.body.includes(body))).toHaveLength(0);
  });

  it('a storm of submissions while one worker is SIGKILLed: the others keep serving, the primary replaces it, every acknowledged comment is stored', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let failures = 0;
    let stop = false;
    const clients = Array.from({ length: 30 }, async (_, client) => {
      while (!stop) {
        const key = randomUUID();
        try {
          const status = await submit(server, scale, client, `workers ${key}`, key);
          statuses.push(status);
          if (status === 303) acknowledged.push(key);
        } catch {
          failures++; // the connection went with the killed worker: never acknowledged; the client goes on
        }
      }
    });
    await waitFor('comments acknowledged during the storm', () => acknowledged.length >= 60 || undefined, { timeout: 60_000, interval: 10 });
    const [victim] = workerPids(server.output());
    process.kill(victim, 'SIGKILL');
    const atKill = acknowledged.length;
    // The others keep acknowledging while the primary starts a new worker.
    await waitFor('a new worker in place of the killed one', () => (workerPids(server.output()).length === 4 ? true : undefined), { timeout: 60_000, interval: 20 });
    await waitFor('comments acknowledged after the kill', () => acknowledged.length >= atKill + 60 || undefined, { timeout: 60_000, interval: 10 });
    stop = true;
    await Promise.all(clients);
    expect(server.output()).toMatch(new RegExp(`worker ${victim} stopped \\(SIGKILL\\)`));
    expect(statuses.filter((s) => s !== 303), server.output().slice(-4000)).toEqual([]);

    const db = openDatabase(location);
    try {
      const rows = await db.selectFrom('comments').select('idempotency_key').where('body', 'like', 'workers %').execute();
      const stored = new Set(rows.map((r) => r.idempotency_key));
      expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
      expect(rows.length).toBe(stored.size); // none twice
    } finally {
      await db.destroy();
    }
    // Still three serving, and SIGTERM stops them all and then the primary, cleanly.
    for (let i = 0; i < 6; i++) expect((await getFresh(`${server.url}/dostopnost`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output().match(/posvet: stopped\./g)?.length).toBe(4);
  });
});
