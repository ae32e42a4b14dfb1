import type { Writable } from 'node:stream';
import { formatDate, type Dictionary } from '../../../../i18n/index.ts';
import { write, type ReportDocument, type ReportWriter } from '../document.ts';
import type { ReportRow } from '../rows.ts';
import { publicCounts } from '../summary.ts';
import { ID_COLUMN, SUBMITTED_COLUMN, sheetCells, sheetColumns } from './csv.ts';
import { contentTypes, core, MAX_SHEET_ROWS, rootRels, rowXml, sheetEnd, sheetStart, STYLE, styles, workbook, workbookRels, type Cell } from './xlsx-parts.ts';
import { writePackage } from './zip-parts.ts';

/**
 * The report as an Excel workbook, written by hand into a streamed ZIP: the sheet "Pripombe" (one
 * row per comment, the same columns as the CSV; the comment's number a number, the time it was
 * submitted a date) is generated row by row, never whole in memory; "Povzetek" has the document's
 * particulars and the counts by stance and by chapter. Beyond Excel's 1,048,576 rows a sheet the
 * comments continue on "Pripombe (2)" and so on.
 */

const WIDTHS = [8, 28, 14, 22, 10, 32, 16, 16, 70, 50, 40, 40, 30, 18, 70, 17, 8, 12, 40];
const FLUSH_AT = 64 * 1024;

function commentCells(row: ReportRow, doc: ReportDocument, t: Dictionary): Cell[] {
  const cells: Cell[] = sheetCells(row, doc, t);
  cells[ID_COLUMN] = row.commentId;
  cells[SUBMITTED_COLUMN] = { date: row.submittedAt };
  return cells;
}

function summaryRows(doc: ReportDocument, t: Dictionary): string {
  const d = t.reportDocument;
  const { version } = doc;
  const s = version.summary;
  const stances = Object.keys(publicCounts(s.byStatus));
  const label = (key: string) => t.comments.publicStatuses[key] ?? key;
  const rows: Array<[Cell[], number?]> = [
    [[d.title], STYLE.header],
    [[d.consultationLabel, s.consultation.title]],
    [[d.numberLabel, version.documentNumber ?? d.preview]],
    [[d.dateLabel, version.documentDate ? formatDate(new Date(`${version.documentDate}T12:00:00Z`)) : '']],
    [[d.versionLabel, version.number ?? d.preview]],
    [[d.takenAtLabel, { date: new Date(s.takenAt) }]],
    [[]],
    [[d.byStance, d.countColumn], STYLE.header],
    ...Object.entries(publicCounts(s.byStatus)).map(([key, n]): [Cell[]] => [[label(key), n]]),
    [[d.totalRow, s.total], STYLE.header],
    [[]],
    [[d.byChapter, d.countColumn, ...stances.map(label)], STYLE.header],
    ...s.sections.map((section): [Cell[]] => {
      const byStance = publicCounts(section.byStatus);
      const name = section.section === 'chapter' ? d.chapterHeading(section.chapterNumber!, section.chapterTitle!) : section.section === 'draft' ? d.wholeDraft : d.late;
      return [[name, section.count, ...stances.map((key) => byStance[key] ?? 0)]];
    }),
    [[d.totalRow, s.total, ...stances.map((key) => publicCounts(s.byStatus)[key] ?? 0)], STYLE.header],
  ];
  return rows.map(([cells, style], i) => rowXml(i + 1, cells, style)).join('');
}

/** The writer with a given number of comments per sheet (Excel's limit less the header row; tests use fewer). */
export function xlsxWriter(rowsPerSheet = MAX_SHEET_ROWS - 1): ReportWriter {
  return async (doc, t, out) => {
    const d = t.reportDocument;
    const total = doc.version.rowCount;
    const commentSheets = Math.max(1, Math.ceil(total / rowsPerSheet));
    const names = Array.from({ length: commentSheets }, (_, i) => (i === 0 ? d.sheetComments : d.sheetCommentsMore(i + 1)));
    const rows = doc.rows()[Symbol.asyncIterator]();
    const header = rowXml(1, sheetColumns(t), STYLE.header);

    const commentSheet = (last: boolean) => async (part: Writable) => {
      let buffer = sheetStart(WIDTHS, true) + header;
      // The last sheet takes whatever is left, should the rows have grown since they were counted.
      for (let n = 0; last || n < rowsPerSheet; n++) {
        const next = await rows.next();
        if (next.done) break;
        buffer += rowXml(n + 2, commentCells(next.value, doc, t));
        if (buffer.length >= FLUSH_AT) {
          await write(part, buffer);
          buffer = '';
        }
      }
      await write(part, buffer + sheetEnd);
    };
    const summary = sheetStart([40, 12, 16, 16, 16, 16, 16], false) + summaryRows(doc, t) + sheetEnd;
    await writePackage(out, [
      ['[Content_Types].xml', contentTypes(commentSheets + 1)],
      ['_rels/.rels', rootRels],
      ['docProps/core.xml', core(`${d.title} – ${doc.version.summary.consultation.title}`, doc.version.readyAt ?? doc.version.createdAt)],
      ['xl/workbook.xml', workbook([...names, d.sheetSummary])],
      ['xl/_rels/workbook.xml.rels', workbookRels(commentSheets + 1)],
      ['xl/styles.xml', styles],
      ...names.map((_, i): [string, (part: Writable) => Promise<void>] => [`xl/worksheets/sheet${i + 1}.xml`, commentSheet(i === commentSheets - 1)]),
      [`xl/worksheets/sheet${commentSheets + 1}.xml`, summary],
    ]);
  };
}

export const writeXlsx: ReportWriter = xlsxWriter();
