import { formatDateTimePlain, type Dictionary } from '../../../../i18n/index.ts';
import { csvCell } from '../../platform/csv.ts';
import { write, type ReportDocument, type ReportWriter } from '../document.ts';
import type { ReportRow } from '../rows.ts';
import { publicStatusOf } from '../summary.ts';

/**
 * The report as a table for spreadsheets, one line per comment in the report's order: the CSV here,
 * the XLSX (xlsx.ts) with the same columns.
 */

export function sheetColumns(t: Dictionary): string[] {
  const c = t.reportDocument.sheetColumns;
  return [c.id, c.chapter, c.blockNow, c.version, c.block, c.organisation, c.organisationKind, c.kind, c.text, c.proposedText, c.rationale, c.onBehalfOf, c.supporters, c.stance, c.response, c.submittedAt, c.late, c.receivedVia, c.url, c.attachments];
}

/** Column indexes the XLSX types: the comment's number, and when it was submitted. */
export const ID_COLUMN = 0;
export const SUBMITTED_COLUMN = 15;
/** Columns holding a paragraph number ("3.4"): where it stands now, and as written. */
export const PARAGRAPH_COLUMNS: ReadonlySet<number> = new Set([2, 4]);

/** The key of a status's public label: comments without a published stance are „še v obravnavi“. */

/** A row's cells as text (the id and the time as the CSV writes them; the XLSX types those two). */
export function sheetCells(row: ReportRow, doc: ReportDocument, t: Dictionary): string[] {
  const d = t.reportDocument;
  const chapter = row.chapterNumber !== null && row.chapterTitle !== null ? d.chapterHeading(row.chapterNumber, row.chapterTitle) : d.wholeDraft;
  const blockNow = row.anchorStatus === 'removed' ? d.removed : (row.blockNumber ?? (row.scope === 'draft' || row.chapterNumber === null ? d.wholeDraftCell : d.wholeChapter));
  return [
    String(row.commentId),
    chapter,
    blockNow,
    row.writtenVersionLabel,
    row.writtenBlockNumber ?? '',
    row.organisation.name,
    t.account.organisationKinds[row.organisation.kind] ?? row.organisation.kind,
    t.comments.kinds[row.kind],
    row.body,
    row.proposedText ?? '',
    row.rationale ?? '',
    row.jointLine ?? '',
    row.supporters ?? '',
    t.comments.publicStatuses[publicStatusOf(row.status)] ?? row.status,
    row.response ?? '',
    formatDateTimePlain(row.submittedAt),
    row.late ? d.yes : d.no,
    d.receivedVia[row.receivedVia] ?? row.receivedVia,
    doc.commentUrl(row.commentId),
    row.attachments ?? '',
  ];
}

/**
 * The report as a Slovenian office opens it: BOM, `;` (the comma is the decimal sign), CRLF, every
 * cell quoted, formula-looking cells neutralised by csvCell, Ljubljana wall-clock time.
 *
 * Paragraph numbers stay text: a spreadsheet set to Slovenian reads "3.4" and "6.10" as the dates
 * 3. 4. and 6. 10., and quoting does not stop it guessing. A leading apostrophe would show in the
 * cell, `="3.4"` is a formula, a tab is a formula start and a space may be trimmed: so the number is
 * preceded by U+200B ZERO WIDTH SPACE, a format character (not trimmed), invisible, and enough that
 * the text no longer parses as a number or a date. It is part of the cell's text (a lookup of "3.4"
 * has to allow for it); the XLSX, whose cells are typed as text, needs no such mark.
 */
export const writeCsv: ReportWriter = async (doc, t, out) => {
  const line = (cells: string[]) => `${cells.map(csvCell).join(';')}\r\n`;
  await write(out, `\uFEFF${line(sheetColumns(t))}`);
  for await (const row of doc.rows()) {
    const cells = sheetCells(row, doc, t).map((value, i) => (PARAGRAPH_COLUMNS.has(i) && /^\d/.test(value) ? `\u200B${value}` : value));
    await write(out, line(cells));
  }
};
