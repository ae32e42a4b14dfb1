import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { reportDocument } from '../../src/lib/server/report/document.ts';
import { writeDocx } from '../../src/lib/server/report/documents/docx.ts';
import { readRows, type ReportRow, type ReportVersion } from '../../src/lib/server/report/rows.ts';
import { collector, findAll, parseXml, readPackage, textOf, type XmlNode } from './report-ooxml.ts';
import { LONG_BODY, syntheticVersion } from './report-synthetic.ts';
import { publishedVersion } from './report-helpers.ts';

/*
 * The report as a Word document for the legal service: it opens (every part well-formed XML, read
 * with a real parser), its tables hold the snapshot's rows in order with the header row repeated on
 * every page, and the page numbers and table of contents are Word fields.
 */

const t = dictionary('sl');
const d = t.reportDocument;

const published = publishedVersion;

async function docx(db: Db, version: ReportVersion): Promise<{ parts: Map<string, string>; body: XmlNode; bytes: Buffer }> {
  const sink = collector();
  await writeDocx(reportDocument(db, version, { commentUrl: (id) => `https://posvet.test/pripombe/${id}`, reportUrl: 'https://posvet.test/porocilo' }), t, sink.out);
  const bytes = await sink.bytes();
  if (process.env.REPORT_DOCX_OUT) writeFileSync(process.env.REPORT_DOCX_OUT, bytes);
  const parts = readPackage(bytes);
  return { parts, body: parseXml(parts.get('word/document.xml')!), bytes };
}

async function rowsOf(db: Db, version: ReportVersion): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of readRows(db, version.id)) rows.push(row);
  return rows;
}

/** The comment tables' rows (not their header rows): the tables whose header names the Predlagatelj column. */
function commentRows(body: XmlNode): XmlNode[] {
  const tables = findAll(body, 'w:tbl').filter((tbl) => textOf(tbl.children.find((c) => c.name === 'w:tr')!) === Object.values(d.columns).join(''));
  return tables.flatMap((tbl) => tbl.children.filter((c) => c.name === 'w:tr').slice(1));
}

/** A cell's paragraphs as lines of text. */
const cellLines = (row: XmlNode, i: number) => findAll(row, 'w:tc')[i].children.filter((c) => c.name === 'w:p').map((p) => textOf(p));

describe('the report as DOCX', () => {
  it('opens as a Word document with the comments of the snapshot in order, each table’s header row repeated on every page', async () => {
    const { db, version } = await published();
    const { parts, body } = await docx(db, version);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/settings.xml']));
    const rows = await rowsOf(db, version);
    const tableRows = commentRows(body);
    const sections = version.summary!.sections.filter((s) => s.count > 0);
    expect(findAll(body, 'w:tblHeader').length).toBeGreaterThanOrEqual(sections.length);
    for (const tbl of findAll(body, 'w:tbl').filter((x) => commentRows({ ...body, children: [x] }).length)) {
      const header = tbl.children.find((c) => c.name === 'w:tr')!;
      expect(findAll(header, 'w:tblHeader')).toHaveLength(1);
    }
    expect(tableRows.map((r) => cellLines(r, 2)[0])).toEqual(rows.map((r) => d.commentNumber(r.commentId)));
    rows.forEach((row, i) => {
      const comment = cellLines(tableRows[i], 2).join('\n');
      expect(comment).toContain(row.body);
      if (row.proposedText) expect(comment).toContain(`${d.proposedText}\n${row.proposedText}`);
      expect(cellLines(tableRows[i], 0)[0]).toBe(row.organisation.name);
      expect(cellLines(tableRows[i], 4).join('\n')).toBe(row.response ?? d.noResponse);
      const status = row.status === 'new' || row.status === 'in_review' ? 'pending' : row.status;
      expect(cellLines(tableRows[i], 3)).toEqual([t.comments.publicStatuses[status]]);
    });
    expect(findAll(body, 'w:sectPr')).toHaveLength(1);
    const text = textOf(body);
    for (const heading of [d.title, `1. ${d.introduction}`, `2. ${d.method}`, `3. ${d.summary}`, `4. ${d.comments}`, d.annex, 'Ana Novak', 'Številka: 3510-1/2026-15']) expect(text).toContain(heading);
    expect(text).not.toContain('REPORT-ROWS');
  });

  it('puts REPUBLIKA SLOVENIJA in the first page’s header, page numbers as fields, and a table of contents Word updates', async () => {
    const { db, version } = await published();
    const { parts } = await docx(db, version);
    const headers = [...parts].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => textOf(parseXml(xml)));
    expect(headers.some((h) => h.startsWith(d.republic) && h.includes(d.ministry(version.summary!.consultation.ownerName)))).toBe(true);
    const footers = [...parts].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(findAll(parseXml(footer), 'w:instrText').map((n) => n.text.trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(parts.get('word/settings.xml')).toContain('w:updateFields');
    expect(findAll(parseXml(parts.get('word/document.xml')!), 'w:instrText').some((n) => n.text.includes('TOC'))).toBe(true);
  });

  it('holds a few thousand rows, a 10,000-character comment, empty optional fields and the late section', async () => {
    const { db, version } = await published();
    const synthetic = await syntheticVersion(db, version, 2_000);
    const { body } = await docx(db, synthetic);
    const rows = await rowsOf(db, synthetic);
    const tableRows = commentRows(body);
    expect(tableRows.map((r) => cellLines(r, 2)[0])).toEqual(rows.map((r) => d.commentNumber(r.commentId)));
    const byId = new Map(rows.map((r, i) => [r.commentId, tableRows[i]]));
    expect(cellLines(byId.get(100_000)!, 2).join('\n')).toContain(LONG_BODY);
    expect(cellLines(byId.get(100_001)!, 4)).toEqual([d.noResponse]);
    expect(cellLines(byId.get(100_001)!, 0)).toEqual([rows.find((r) => r.commentId === 100_001)!.organisation.name, ...(d.receivedBy.email ? [d.receivedBy.email] : [])]);
    expect(cellLines(byId.get(100_003)!, 2).join('\n')).toContain('Vrstica dve & <oznaka>.');
    expect(textOf(body)).toContain(`5. ${d.late}`);
  });
});
