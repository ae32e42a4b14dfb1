import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, query, type Harness } from './helpers.ts';

/**
 * Attachments at the deadline (issue 16): uploads stream through the server to disk, so 20 files of
 * 10 MB at once must not grow the server's memory by their size, and every byte must arrive.
 */

const MB = 1024 * 1024;
const BOUNDARY = '----posvet-reliability';

function rssMegabytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/**
 * Uploads one generated PDF of `size` bytes (`%PDF-1.7`, padding, `%%EOF`) as a multipart POST,
 * written in 64 kB pieces and hashed on the way; resolves with the status and the file's SHA-256.
 */
function uploadPdf(h: Harness, path: string, cookie: string, size: number, fill: number, options: { chunked?: boolean; cutAfter?: number } = {}): Promise<{ status: number; sha256: string }> {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="datoteke"; filename="dopis-${fill}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const start = Buffer.from('%PDF-1.7\n');
  const end = Buffer.from('\n%%EOF\n');
  const hash = createHash('sha256');
  return new Promise((resolve) => {
    let status = 0;
    const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: h.server.url, cookie };
    if (!options.chunked) headers['content-length'] = String(head.length + size + tail.length);
    const req = request(`${h.server.url}${path}`, { method: 'POST', headers, agent: false }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => resolve({ status, sha256: hash.digest('hex') }));
    });
    req.on('error', () => resolve({ status, sha256: '' }));
    const piece = Buffer.alloc(64 * 1024, fill);
    let written = 0;
    const parts: Buffer[] = [head, start];
    hash.update(start);
    written += start.length;
    const pump = () => {
      for (;;) {
        if (options.cutAfter !== undefined && written >= options.cutAfter) return void req.destroy();
        const next = parts.shift() ?? (written < size - end.length ? piece.subarray(0, Math.min(piece.length, size - end.length - written)) : undefined);
        if (!next) {
          hash.update(end);
          req.write(end);
          return void req.end(tail);
        }
        if (next !== head && next !== start) {
          hash.update(next);
          written += next.length;
        }
        if (!req.write(next)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** A POST that declares 52 MB: the server answers 413 from the headers, before reading the body. */
function declaredTooLarge(h: Harness, path: string, cookie: string, size: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(h.server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => {
      received += d.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', () => resolve(0));
    socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${h.server.port}\r\norigin: ${h.server.url}\r\ncookie: ${cookie}\r\ncontent-type: multipart/form-data; boundary=${BOUNDARY}\r\ncontent-length: ${size}\r\n\r\n`);
    socket.write(Buffer.alloc(64 * 1024, 'a'));
  });
}

/** The server removes a refused or dropped upload's temporary files (after its answer): wait for it, up to 5 s. */
async function noTemporaryFiles(h: Harness): Promise<void> {
  const tmp = join(h.dataDir, 'attachments', 'tmp');
  for (let i = 0; i < 100 && existsSync(tmp) && readdirSync(tmp).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
}

describe('attachments under load', () => {
  let h: Harness;
  let drafts: number[] = [];
  let warmUp = 0;
  beforeAll(async () => {
    h = await harness(4831);
    // A draft for each of 20 organisations, written as their members would.
    for (let i = 0; i < 21; i++) {
      const body = new URLSearchParams({ idempotencyKey: randomUUID(), returnTo: '/', kind: 'comment', body: `osnutek s prilogo ${i}`, rationale: '', intent: 'draft' });
      const response = await fetch(`${h.server.url}${h.scale.blockPaths[0]}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.server.url, cookie: h.scale.memberCookies[i] }, body });
      expect(response.status).toBe(303);
    }
    drafts = (await query(h.dbPath, (db) => db.all<{ id: number }>(`select id from comments where body like 'osnutek s prilogo %' order by cast(substr(body, 19) as integer)`))).map((r) => r.id);
    warmUp = drafts.pop()!;
  }, 120_000);
  afterAll(async () => h?.cleanup());

  it('20 uploads of 10 MB at once: all answered, all stored with the right SHA-256, RSS grows by less than 100 MB', async () => {
    const pid = h.server.child.pid!;
    // One small upload first, so that the page's code is loaded before the measurement starts.
    expect((await uploadPdf(h, `/pripombe/${warmUp}/priloge`, h.scale.memberCookies[20], 100_000, 64)).status).toBe(303);
    const before = rssMegabytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMegabytes(pid))), 20);
    const results = await Promise.all(drafts.map((id, i) => uploadPdf(h, `/pripombe/${id}/priloge`, h.scale.memberCookies[i], 10 * MB, 65 + i)));
    clearInterval(sampler);
    peak = Math.max(peak, rssMegabytes(pid));
    console.log(`attachments: RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak of 20 × 10 MB uploads (+${(peak - before).toFixed(0)} MB)`);
    expect(results.map((r) => r.status)).toEqual(drafts.map(() => 303));
    const stored = await query(h.dbPath, (db) => db.all<{ comment_id: number; size: number; sha256: string; storage_key: string }>(`select comment_id, size, sha256, storage_key from attachments where comment_id != ? order by comment_id`, warmUp));
    expect(stored.map((s) => [s.comment_id, s.size, s.sha256])).toEqual(drafts.map((id, i) => [id, 10 * MB, results[i].sha256]).sort((a, b) => Number(a[0]) - Number(b[0])));
    const root = join(h.dataDir, 'attachments');
    for (const s of stored) expect(createHash('sha256').update(readFileSync(join(root, s.storage_key))).digest('hex')).toBe(s.sha256);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(peak - before).toBeLessThan(100);
  }, 180_000);

  it('50 MB in one file is refused (413 past the server bound, or the file limit), the memory flat, nothing stored', async () => {
    const pid = h.server.child.pid!;
    const before = rssMegabytes(pid);
    const id = drafts[0];
    const count = async () => (await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from attachments where comment_id = ?`, id)))!.n;
    const already = await count();
    const withinBound = await uploadPdf(h, `/pripombe/${id}/priloge`, h.scale.memberCookies[0], 11 * MB, 92);
    const declared = await declaredTooLarge(h, `/pripombe/${id}/priloge`, h.scale.memberCookies[0], 52 * MB);
    const chunked = await uploadPdf(h, `/pripombe/${id}/priloge`, h.scale.memberCookies[0], 52 * MB, 91, { chunked: true });
    expect([declared, chunked.status, withinBound.status]).toEqual([413, 413, 413]);
    expect(await count()).toBe(already);
    expect(rssMegabytes(pid) - before).toBeLessThan(60);
    await noTemporaryFiles(h);
  }, 120_000);

  it('a POST that is not multipart, or has no boundary, gets a clear Slovenian message and stores nothing', async () => {
    const id = drafts[2];
    const post = (type: string, body: string) =>
      fetch(`${h.server.url}/pripombe/${id}/priloge`, { method: 'POST', redirect: 'manual', headers: { 'content-type': type, origin: h.server.url, cookie: h.scale.memberCookies[2] }, body });
    const plain = await post('text/plain', '%PDF-1.7 nekaj');
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('Obrazec ni bil poslan kot nalaganje datotek.');
    const noBoundary = await post('multipart/form-data', '--x\r\n\r\n');
    expect(noBoundary.status).toBe(400);
    expect(await noBoundary.text()).toContain('manjka meja med deli');
    expect((await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from attachments where comment_id = ?`, id)))!.n).toBe(1);
  }, 60_000);

  it('an upload cut off half-way leaves no row and no temporary file; the server goes on', async () => {
    const id = drafts[1];
    const before = (await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from attachments where comment_id = ?`, id)))!.n;
    await uploadPdf(h, `/pripombe/${id}/priloge`, h.scale.memberCookies[1], 8 * MB, 93, { cutAfter: 3 * MB });
    await noTemporaryFiles(h);
    expect((await query(h.dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from attachments where comment_id = ?`, id)))!.n).toBe(before);
    expect((await fetch(`${h.server.url}/dostopnost`)).status).toBe(200);
  }, 60_000);
});
