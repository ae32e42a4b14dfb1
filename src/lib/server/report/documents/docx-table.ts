import type { Dictionary } from '../../../../i18n/index.ts';
import type { ReportRow } from '../rows.ts';
import { publicStatusOf } from '../summary.ts';
import { xml } from './zip-parts.ts';

/**
 * The large tables of the Word report as WordprocessingML written by hand, a row at a time (the
 * `docx` package would build the whole document in memory): Predlagatelj | Odstavek | Pripomba |
 * Stališče | Obrazložitev, the header row repeated on every page, rows allowed to break across pages.
 */

/** Column widths in twentieths of a point: together the text width of an A4 page with 2 cm margins. */
export const TABLE_WIDTHS = [1900, 1250, 3200, 1150, 2138];
/** The paragraph style of the table's text (defined in the skeleton's styles). */
export const TABLE_TEXT_STYLE = 'ReportTableText';

interface Line {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A paragraph per line of the text (a comment's line breaks become paragraphs). */
function paragraphs(lines: Line[]): string {
  let out = '';
  for (const line of lines) {
    const rPr = line.bold || line.italic ? `<w:rPr>${line.bold ? '<w:b/>' : ''}${line.italic ? '<w:i/>' : ''}</w:rPr>` : '';
    for (const text of line.text.replace(/\r\n?/g, '\n').split('\n')) {
      out += `<w:p><w:pPr><w:pStyle w:val="${TABLE_TEXT_STYLE}"/></w:pPr>${text ? `<w:r>${rPr}<w:t xml:space="preserve">${xml(text)}</w:t></w:r>` : ''}</w:p>`;
    }
  }
  return out || `<w:p><w:pPr><w:pStyle w:val="${TABLE_TEXT_STYLE}"/></w:pPr></w:p>`;
}

function cell(i: number, lines: Line[], shaded = false): string {
  const shading = shaded ? '<w:shd w:val="clear" w:color="auto" w:fill="DDE4EE"/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${TABLE_WIDTHS[i]}" w:type="dxa"/>${shading}</w:tcPr>${paragraphs(lines)}</w:tc>`;
}

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8C97A8"/>`;

export function tableStart(t: Dictionary): string {
  const c = t.reportDocument.columns;
  const grid = TABLE_WIDTHS.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  const header = [c.proposer, c.paragraph, c.comment, c.stance, c.response].map((text, i) => cell(i, [{ text, bold: true }], true)).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TABLE_WIDTHS.reduce((a, b) => a + b)}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header}</w:tr>`
  );
}

export const tableEnd = '</w:tbl>';

/** What the Odstavek cell says: where the paragraph stands now, and what the comment was written on when that differs. */
export function paragraphLines(row: ReportRow, t: Dictionary, currentDraftLabel: string): Line[] {
  const d = t.reportDocument;
  const where = row.anchorStatus === 'removed' ? d.removed : (row.blockNumber ?? (row.scope === 'draft' || row.chapterNumber === null ? d.wholeDraftCell : d.wholeChapter));
  const lines: Line[] = [{ text: where }];
  if (row.writtenVersionLabel !== currentDraftLabel || (row.writtenBlockNumber && row.writtenBlockNumber !== row.blockNumber)) {
    lines.push({ text: d.writtenOn(row.writtenVersionLabel, row.writtenBlockNumber), italic: true });
  }
  if (row.anchorStatus === 'changed') lines.push({ text: d.changed, italic: true });
  return lines;
}

/** One comment as a table row. */
export function rowXml(row: ReportRow, t: Dictionary, currentDraftLabel: string): string {
  const d = t.reportDocument;
  const proposer: Line[] = [{ text: row.organisation.name, bold: true }];
  if (row.jointLine) proposer.push({ text: row.jointLine });
  if (row.supporters) proposer.push({ text: `${d.supporters} ${row.supporters}` });
  if (row.attachments) proposer.push({ text: `${d.attachments} ${row.attachments}` });
  if (d.receivedBy[row.receivedVia]) proposer.push({ text: d.receivedBy[row.receivedVia], italic: true });
  const comment: Line[] = [{ text: d.commentNumber(row.commentId), bold: true }, { text: t.comments.kindLabels[row.kind], italic: true }];
  if (row.quote) comment.push({ text: d.quote, bold: true }, { text: row.quote, italic: true });
  comment.push({ text: row.body });
  if (row.proposedText) comment.push({ text: d.proposedText, bold: true }, { text: row.proposedText });
  if (row.rationale) comment.push({ text: d.rationale, bold: true }, { text: row.rationale });
  const stance = t.comments.publicStatuses[publicStatusOf(row.status)] ?? row.status;
  return (
    `<w:tr>${cell(0, proposer)}${cell(1, paragraphLines(row, t, currentDraftLabel))}${cell(2, comment)}` +
    `${cell(3, [{ text: stance }])}${cell(4, [{ text: row.response ?? d.noResponse }])}</w:tr>`
  );
}
