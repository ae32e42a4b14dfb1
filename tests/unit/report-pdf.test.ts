import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { reportDocument } from '../../src/lib/server/report/document.ts';
import { renderPdf } from '../../src/lib/server/report/documents/pdf.ts';
import { readRows, type ReportVersion } from '../../src/lib/server/report/rows.ts';
import { syntheticVersion } from './report-synthetic-pdf.ts';
import { publishedVersion } from './report-helpers.ts';

/*
 * The report as PDF, read back with poppler as a reader would get it: every comment and every
 * obrazložitev in the text, the page count the layout promised in "stran X od Y", fonts embedded.
 */

const t = dictionary('sl');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const published = publishedVersion;

async function pdfOf(db: Db, version: ReportVersion) {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-pdf-'));
  dirs.push(dir);
  const path = join(dir, 'report.pdf');
  const out = createWriteStream(path);
  const doc = reportDocument(db, version, { commentUrl: (id) => `https://posvet.test/pripombe/${id}`, reportUrl: 'https://posvet.test/porocilo/1' });
  const layout = await renderPdf(doc, t, out);
  out.end();
  await finished(out);
  if (process.env.KEEP_PDF) execFileSync('cp', [path, process.env.KEEP_PDF]);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const raw = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  /** The text of one column of the comments' table, page after page (poppler crops each page to it). */
  const column = (name: keyof typeof COLUMN_X) => {
    const [x, w] = COLUMN_X[name];
    return execFileSync('pdftotext', ['-x', String(x), '-y', '0', '-W', String(w), '-H', '775', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  };
  return { path, layout, info, pages, raw, column };
}

/** Where the comments' table's columns stand on the page (points from the left, width). */
const COLUMN_X = { proposer: [58, 80], comment: [197, 166], response: [419, 118] } as const;

/** Text with every kind of whitespace removed: lines break anywhere in a cell, words are never hyphenated. */
const squeeze = (text: string) => text.replace(/[\s\u00A0]+/g, '');

describe('the report as PDF', { timeout: 180_000 }, () => {
  it('holds every comment and every obrazložitev of the seeded report, with its page count in every footer', async () => {
    const { db, version } = await published();
    const { path, layout, info, pages, raw, column } = await pdfOf(db, version);
    expect(pages).toBe(layout.pages);
    expect(layout.measured).toBe(layout.pages);
    expect(info).toMatch(/Title:\s+Poročilo o upoštevanju pripomb k osnutku „/);
    expect(info).toMatch(/Author:\s+Ministrstvo za digitalno preobrazbo/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const all = squeeze(raw);
    for (const line of ['REPUBLIKA SLOVENIJA', 'MINISTRSTVO ZA DIGITALNO PREOBRAZBO', 'POROČILO O UPOŠTEVANJU PRIPOMB', 'Številka: 3510-1/2026-15', 'Ljubljana, 15. 3. 2027', 'Verzija 1', 'Kazalo', 'Ana Novak', 'generalna direktorica', t.reportDocument.annex])
      expect(all).toContain(squeeze(line));
    for (let page = 1; page <= pages; page++) expect(all).toContain(squeeze(t.reportDocument.page(page, pages)));
    const [comments, responses] = [squeeze(column('comment')), squeeze(column('response'))];
    let rows = 0;
    for await (const row of readRows(db, version.id)) {
      expect(comments).toContain(squeeze(t.reportDocument.commentNumber(row.commentId) + t.comments.kinds[row.kind] + (row.quote ? t.reportDocument.quote + row.quote : '') + row.body));
      if (row.proposedText) expect(comments).toContain(squeeze(t.reportDocument.proposedText + row.proposedText));
      expect(responses).toContain(squeeze(row.response ?? t.reportDocument.noResponse));
      rows++;
    }
    expect(rows).toBe(version.summary!.total);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/SourceSans3-Regular/);
    expect(fonts.split('\n').slice(2).filter(Boolean).every((l) => /\byes\s+yes\s+yes\b/.test(l))).toBe(true);
  });

  it('splits a comment longer than a page over pages, with the same page count every time', async () => {
    const { db, version: seeded } = await published();
    const version = await syntheticVersion(db, seeded, 3000, 1500);
    const first = await pdfOf(db, version);
    expect(first.pages).toBe(first.layout.pages);
    // The measuring pass and the writing pass agree page for page.
    expect(first.layout.measured).toBe(first.pages);
    expect(squeeze(first.raw)).toContain(squeeze(t.reportDocument.page(first.pages, first.pages)));

    // The contents give the page each section starts on.
    const byPage = first.raw.split('\f');
    const late = t.reportDocument.pdf.heading(5, t.reportDocument.late);
    const contents = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', first.path, '-'], { encoding: 'utf8' });
    const listed = Number(new RegExp(`${late}[\\s.]*(\\d+)`).exec(contents)![1]);
    expect(byPage[listed - 1]).toContain(late);
    expect(byPage.slice(1, listed - 1).some((p) => p.includes(late))).toBe(false);

    // The long comment, column by column and page by page: whole, over at least three pages.
    const commentColumn = first.column('comment');
    const pages = commentColumn.split('\f');
    const from = pages.findIndex((p) => p.includes('ZAČETEKDOLGE'));
    const to = pages.findIndex((p) => p.includes('KONECDOLGE'));
    expect(to - from).toBeGreaterThanOrEqual(3);
    const long = (await db.selectFrom('report_rows').where('report_version_id', '=', version.id).where('comment_id', '=', 501_500).select('body').executeTakeFirstOrThrow()).body;
    expect(long.length).toBe(10_000);
    const continued = pages.slice(from, to + 1).map((p) => p.replace(new RegExp(`^${t.reportDocument.columns.comment}$`, 'm'), '')).join('');
    expect(squeeze(continued)).toContain(squeeze(long));
    // Every page of the table starts with its header.
    for (const page of pages.slice(from, to + 1)) expect(page.trimStart().startsWith(t.reportDocument.columns.comment)).toBe(true);
    // Rows without a response show a dash; every row is there.
    const text = squeeze(commentColumn);
    for (const i of [0, 1, 2, 999, 2999]) expect(text).toContain(squeeze(t.reportDocument.commentNumber(500_000 + i)));
  });
});
