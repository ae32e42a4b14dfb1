import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { commentForm, seedScale, serverFilesDir, startServer, type RunningServer, type Scale } from '../support/server.ts';
import { query, serverDatabase, type ServerDatabase } from '../support/database.ts';

/**
 * Issue 10, item 14: a draft published while the server runs becomes current on time. The server
 * runs on a clock the test sets (libfaketime reads the time from a file at every call): first in
 * the last minutes of Osnutek 1's window, then just before and just after Osnutek 2's publication
 * (both taken from content/, so the test follows the drafts' dates).
 */

const FAKETIME_LIBRARIES = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1'];
const library = FAKETIME_LIBRARIES.find((path) => existsSync(path));

/** libfaketime's absolute time format, in UTC (the server runs with TZ=UTC). */
function fake(at: Date): string {
  return `@${at.toISOString().slice(0, 19).replace('T', ' ')}`;
}

function moments() {
  const versions = readVersionFiles('ds2030');
  const first = versions.find((v) => v.id === 'osnutek-1')!;
  const second = versions.find((v) => v.id === 'osnutek-2')!;
  const inWindow = Math.min(first.closesAt.getTime(), second.publishedAt.getTime()) - 90_000;
  return {
    comment: new Date(inWindow),
    before: new Date(second.publishedAt.getTime() - 30_000),
    after: new Date(second.publishedAt.getTime() + 30_000),
  };
}

/** A block of Osnutek 1 whose text is unchanged in Osnutek 2. */
function unchangedBlock() {
  const before = readChapterFiles('ds2030', 'osnutek-1');
  const after = readChapterFiles('ds2030', 'osnutek-2');
  for (const chapter of before) {
    const next = after.find((c) => c.slug === chapter.slug);
    const block = chapter.rendered.blocks.find((b) => next?.rendered.blocks.some((n) => n.key === b.key && n.fingerprint === b.fingerprint));
    if (block) return { slug: chapter.slug, block };
  }
  throw new Error('no block of Osnutek 1 is unchanged in Osnutek 2');
}

describe('a new draft becomes current on time in a running server', () => {
  let dir: string;
  let clock: string;
  let dbPath: string;
  let database: ServerDatabase | undefined;
  let scale: Scale;
  let server: RunningServer;

  beforeAll(async () => {
    if (!library) throw new Error('libfaketime is needed for this test: apt-get install libfaketime (tests/run.ts installs it when run as root)');
    dir = mkdtempSync(join(tmpdir(), 'posvet-switch-'));
    clock = join(dir, 'clock');
    database = await serverDatabase(dir);
    dbPath = database.location;
    scale = await seedScale(dbPath, { comments: 0 });
    writeFileSync(clock, fake(moments().comment));
    server = await startServer(dbPath, 4409, {
      TZ: 'UTC',
      LD_PRELOAD: library,
      FAKETIME_TIMESTAMP_FILE: clock,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    if (dbPath) rmSync(serverFilesDir(dbPath), { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('switches the current draft, anchors its comments and drops cached pages at the publication time', async () => {
    const { slug, block } = unchangedBlock();
    const at = moments();
    const chapterPage = async () => (await fetch(`${server.url}/posvetovanja/ds2030/osnutek/${slug}`)).text();
    expect(await chapterPage()).toContain('Osnutek 1');

    // A municipality comments on Osnutek 1 in the last minutes of its window.
    const body = `Pripomba tik pred koncem roka za Osnutek 1 ${Date.now()}`;
    const posted = await fetch(`${server.url}/posvetovanja/ds2030/osnutek/${slug}/${block.position}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: scale.memberCookies[0] },
      body: commentForm(body),
    });
    expect(posted.status).toBe(303);
    // Just before Osnutek 2 is published, readers get (and the cache keeps) Osnutek 1 with the comment.
    writeFileSync(clock, fake(at.before));
    const before = await chapterPage();
    expect(before).toContain('Besedilo: Osnutek 1');
    expect(before).toContain(body);
    expect(await chapterPage()).toBe(before);

    // Osnutek 2 is published while the server runs.
    writeFileSync(clock, fake(at.after));
    const after = await chapterPage();
    expect(after).toContain('Besedilo: Osnutek 2');
    // The comment stands beside the same paragraph of the new text, not as removed.
    expect(after).toContain(body);
    const anchor = await query(dbPath, (db) =>
      db.get("select a.status, a.block_key from comment_anchors a join comments c on c.id = a.comment_id where c.body = ? and a.version_id = 'osnutek-2'", body),
    );
    expect(anchor).toEqual({ status: 'unchanged', block_key: block.key });
  });
});
