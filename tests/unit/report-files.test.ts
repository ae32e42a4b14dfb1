import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { config } from '../../src/lib/server/platform/config.ts';
import { ensureReportFile, storedReportFile } from '../../src/lib/server/report/files.ts';
import { publishedVersion } from './report-helpers.ts';

/*
 * A published version's downloads are written once to DATA_DIR, recorded with their size and
 * SHA-256, served from there ever after — and written again from the snapshot if the file is lost.
 */
describe("a published version's files", () => {
  let dir: string;
  const original = config.dataDir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'posvet-report-files-'));
    config.dataDir = dir;
  });
  afterEach(() => {
    config.dataDir = original;
    rmSync(dir, { recursive: true, force: true });
  });

  it('are written once with their size and SHA-256, and written again when the file is gone', async () => {
    const { db, version } = await publishedVersion();
    expect(await storedReportFile(db, version, 'ds2030', 'csv')).toBeUndefined();
    await ensureReportFile(db, version, 'csv');
    const stored = (await storedReportFile(db, version, 'ds2030', 'csv'))!;
    expect(stored).toMatchObject({ fileName: 'porocilo-ds2030-1.csv', contentType: 'text/csv; charset=utf-8' });
    expect(stored.path.startsWith(dir)).toBe(true);
    const bytes = readFileSync(stored.path);
    expect(stored.bytes).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const written = statSync(stored.path).mtimeMs;
    await ensureReportFile(db, version, 'csv');
    expect(statSync(stored.path).mtimeMs).toBe(written);

    rmSync(stored.path);
    expect(await storedReportFile(db, version, 'ds2030', 'csv')).toBeUndefined();
    await ensureReportFile(db, version, 'csv');
    expect(readFileSync((await storedReportFile(db, version, 'ds2030', 'csv'))!.path)).toEqual(bytes);
  });
});
