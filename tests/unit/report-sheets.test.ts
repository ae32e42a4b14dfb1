import { describe, expect, it } from 'vitest';
import { dictionary, formatDateTimePlain } from '../../src/i18n/index.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { reportDocument, type ReportWriter } from '../../src/lib/server/report/document.ts';
import { writeCsv } from '../../src/lib/server/report/documents/csv.ts';
import { writeXlsx, xlsxWriter } from '../../src/lib/server/report/documents/xlsx.ts';
import { readRows, type ReportRow, type ReportVersion } from '../../src/lib/server/report/rows.ts';
import { parseCsv, readXlsxCells } from '../support/spreadsheets.ts';
import { collector, readPackage } from './report-ooxml.ts';
import { LONG_BODY, syntheticVersion } from './report-synthetic.ts';
import { publishedVersion } from './report-helpers.ts';

/*
 * The report as a spreadsheet: the CSV and the XLSX read back give every row of the snapshot in
 * the report's order, with its texts as written (č/š/ž, line breaks, formula-looking text as text),
 * the comment's number as a number and the submission time as a date.
 */

const t = dictionary('sl');
const commentUrl = (id: number) => `https://posvet.test/pripombe/${id}`;

const published = publishedVersion;

async function written(db: Db, version: ReportVersion, writer: ReportWriter): Promise<Buffer> {
  const sink = collector();
  await writer(reportDocument(db, version, { commentUrl, reportUrl: 'https://posvet.test/porocilo' }), t, sink.out);
  return sink.bytes();
}

async function rowsOf(db: Db, version: ReportVersion): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of readRows(db, version.id)) rows.push(row);
  return rows;
}

/** An Excel serial number (days since 30 Dec 1899) read back as Ljubljana wall-clock time, as the CSV writes it. */
const fromSerial = (serial: number) => {
  const wall = new Date(Math.round((serial - 25_569) * 86_400_000));
  const [y, m, d, h, mi] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()];
  return `${d}. ${m}. ${y} ${h}.${String(mi).padStart(2, '0')}`;
};

describe('the report as CSV', () => {
  it('gives every row of the snapshot in order, quoted, with Ljubljana times and paragraph numbers that stay text', async () => {
    const { db, version } = await published();
    const bytes = await written(db, version, writeCsv);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(2);
    const [header, ...lines] = parseCsv(text);
    const c = t.reportDocument.sheetColumns;
    expect(header).toEqual(expect.arrayContaining([c.id, c.organisation, c.text, c.stance, c.response, c.submittedAt, c.receivedVia, c.url]));
    const rows = await rowsOf(db, version);
    expect(lines.map((l) => Number(l[0]))).toEqual(rows.map((r) => r.commentId));
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, i) => {
      const line = lines[i];
      expect(line[col(c.text)]).toBe(/^[=+\-@\t\r]/.test(row.body) ? `'${row.body}` : row.body);
      expect(line[col(c.response)]).toBe(row.response ?? '');
      expect(line[col(c.submittedAt)]).toBe(formatDateTimePlain(row.submittedAt));
      expect(line[col(c.url)]).toBe(commentUrl(row.commentId));
      if (row.blockNumber) expect(line[col(c.blockNow)]).toBe(`\u200B${row.blockNumber}`);
    });
    expect(lines.some((l) => l[col(c.stance)] === t.comments.publicStatuses.pending)).toBe(true);
  });

  it('keeps a 10,000-character comment whole, empty fields empty, and formula-looking text as text', async () => {
    const { db, version } = await published();
    const synthetic = await syntheticVersion(db, version, 300);
    const [header, ...lines] = parseCsv((await written(db, synthetic, writeCsv)).toString('utf8'));
    const c = t.reportDocument.sheetColumns;
    const byId = new Map(lines.map((l) => [Number(l[0]), l]));
    expect(lines).toHaveLength(300);
    expect(byId.get(100_000)![header.indexOf(c.text)]).toBe(LONG_BODY);
    expect(byId.get(100_001)!.slice(header.indexOf(c.proposedText), header.indexOf(c.supporters) + 1)).toEqual(['', '', '', '']);
    expect(byId.get(100_002)![header.indexOf(c.text)]).toBe("'=SUM(A1:A9)");
    expect(byId.get(100_002)![header.indexOf(c.rationale)]).toBe("'-1");
    expect(byId.get(100_003)![header.indexOf(c.text)]).toContain('čšž ČŠŽ „navedek“ – vrstica ena.\nVrstica dve & <oznaka>.');
  });
});

describe('the report as XLSX', () => {
  it('opens as a workbook whose comments sheet has every row with numbers, dates and texts, and a summary sheet with counts', async () => {
    const { db, version } = await published();
    const bytes = await written(db, version, writeXlsx);
    const parts = readPackage(bytes);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('state="frozen"');
    const { sheetNames, sheets } = readXlsxCells(bytes);
    expect(sheetNames).toEqual([t.reportDocument.sheetComments, t.reportDocument.sheetSummary]);
    const [header, ...lines] = sheets[0];
    const rows = await rowsOf(db, version);
    expect(lines.map((l) => l[0])).toEqual(rows.map((r) => ({ value: String(r.commentId), type: 'n', hasFormula: false })));
    const col = (name: string) => header.findIndex((h) => h.value === name);
    const c = t.reportDocument.sheetColumns;
    rows.forEach((row, i) => {
      expect(lines[i][col(c.text)]).toEqual({ value: row.body, type: 'inlineStr', hasFormula: false });
      if (row.blockNumber) expect(lines[i][col(c.blockNow)]).toEqual({ value: row.blockNumber, type: 'inlineStr', hasFormula: false });
      expect(fromSerial(Number(lines[i][col(c.submittedAt)].value))).toBe(formatDateTimePlain(row.submittedAt));
    });
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<c r="P2" s="2"><v>\d+\.\d+<\/v><\/c>/);

    const summary = sheets[1].map((r) => r.map((cell) => cell.value));
    const find = (label: string) => sheets[1].find((r) => r[0]?.value === label)!;
    expect(summary.find((r) => r[0] === t.reportDocument.numberLabel)).toEqual([t.reportDocument.numberLabel, '3510-1/2026-15']);
    expect(find(t.reportDocument.versionLabel)[1]).toEqual({ value: '1', type: 'n', hasFormula: false });
    const totals = sheets[1].filter((r) => r[0]?.value === t.reportDocument.totalRow);
    expect(totals.map((r) => r[1])).toEqual([{ value: String(rows.length), type: 'n', hasFormula: false }, { value: String(rows.length), type: 'n', hasFormula: false }]);
    const pending = rows.filter((r) => r.status === 'new' || r.status === 'in_review').length;
    expect(find(t.comments.publicStatuses.pending)[1].value).toBe(String(pending));
  });

  it('keeps long and formula-looking texts as text and continues on "Pripombe (2)" beyond a sheet’s rows', async () => {
    const { db, version } = await published();
    const synthetic = await syntheticVersion(db, version, 2_500);
    const bytes = await written(db, synthetic, xlsxWriter(1_000));
    readPackage(bytes);
    const { sheetNames, sheets } = readXlsxCells(bytes);
    expect(sheetNames).toEqual(['Pripombe', 'Pripombe (2)', 'Pripombe (3)', 'Povzetek']);
    expect(sheets.slice(0, 3).map((s) => s.length)).toEqual([1_001, 1_001, 501]);
    const lines = sheets.slice(0, 3).flatMap((s) => s.slice(1));
    const rows = await rowsOf(db, synthetic);
    expect(lines.map((l) => Number(l[0].value))).toEqual(rows.map((r) => r.commentId));
    const header = sheets[0][0].map((h) => h.value);
    const c = t.reportDocument.sheetColumns;
    const byId = new Map(lines.map((l) => [Number(l[0].value), l]));
    expect(byId.get(100_000)![header.indexOf(c.text)].value).toBe(LONG_BODY);
    expect(byId.get(100_002)![header.indexOf(c.text)]).toEqual({ value: '=SUM(A1:A9)', type: 'inlineStr', hasFormula: false });
    expect(byId.get(100_002)![header.indexOf(c.rationale)]).toEqual({ value: '-1', type: 'inlineStr', hasFormula: false });
    expect(byId.get(100_001)![header.indexOf(c.proposedText)].value).toBe('');
    expect(lines.every((l) => !l.some((cell) => cell.hasFormula))).toBe(true);
  });
});
