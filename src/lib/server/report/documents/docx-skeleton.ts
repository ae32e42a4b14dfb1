import { AlignmentType, Document, Footer, Header, HeadingLevel, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { formatDate, type Dictionary } from '../../../../i18n/index.ts';
import type { ReportDocument } from '../document.ts';
import { publicCounts, type ReportSectionSummary } from '../summary.ts';
import { TABLE_TEXT_STYLE } from './docx-table.ts';

/**
 * The Word report without its large tables, built with `docx` (styles, the first page's header,
 * page numbers as PAGE and NUMPAGES fields, the table of contents, headings, the introduction, the
 * summary tables, the signature and the annex). Where a section's table of comments goes stands a
 * paragraph holding `placeholder(i)`, which the writer replaces by the table streamed from the rows.
 */

export const placeholder = (i: number) => `\u00A7REPORT-ROWS-${i}\u00A7`;

const FONT = 'Calibri';
const day = (iso: string) => formatDate(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

const p = (text: string, options: { bold?: boolean; italics?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: options.alignment, children: [new TextRun({ text, bold: options.bold, italics: options.italics, size: options.size })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ text, heading: level });

/** A small table (a few rows per stance, chapter or participant) with a bold, repeated header row. */
function smallTable(header: string[], rows: Array<Array<string | number>>, widths: number[]): Table {
  const tableCell = (value: string | number, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: bold ? { fill: 'DDE4EE' } : undefined,
      children: [new Paragraph({ style: TABLE_TEXT_STYLE, alignment: typeof value === 'number' ? AlignmentType.RIGHT : undefined, children: [new TextRun({ text: String(value), bold })] })],
    });
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => tableCell(h, i, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v, i) => tableCell(v, i)) }))],
  });
}

function sectionName(s: ReportSectionSummary, t: Dictionary): string {
  const d = t.reportDocument;
  return s.section === 'chapter' ? d.chapterHeading(s.chapterNumber!, s.chapterTitle!) : s.section === 'draft' ? d.wholeDraft : d.late;
}

export function skeleton(doc: ReportDocument, t: Dictionary): Document {
  const d = t.reportDocument;
  const { version } = doc;
  const s = version.summary;
  const label = (key: string) => t.comments.publicStatuses[key] ?? key;
  const stances = Object.keys(publicCounts(s.byStatus));
  const sections = s.sections;
  const late = sections.findIndex((x) => x.section === 'late');
  const sectionBody = (x: ReportSectionSummary, i: number) => [
    heading(x.section === 'late' ? `5. ${d.late}` : sectionName(x, t), x.section === 'late' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2),
    ...(x.section === 'late' ? [p(d.lateNote)] : []),
    p(d.sectionCount(x.count), { italics: true }),
    ...(x.count ? [p(placeholder(i))] : []),
  ];
  const particulars = version.kind === 'preview' ? [p(d.preview, { bold: true }), p(d.previewNote(formatDate(new Date(s.takenAt))))] : [
    p(`${d.numberLabel}: ${version.documentNumber ?? ''}`),
    p(`${d.dateLabel}: ${d.placeAndDate(version.place ?? '', version.documentDate ? day(version.documentDate) : '')}`),
  ];
  const pageNumber: ParagraphChild[] = [new TextRun({ children: [d.pageField.before, PageNumber.CURRENT, d.pageField.between, PageNumber.TOTAL_PAGES], size: 18 })];
  const children = [
    ...particulars,
    new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.title, bold: true, size: 32 })] }),
    p(d.subtitle(s.consultation.title), { alignment: AlignmentType.CENTER }),
    ...(version.number ? [p(d.versionLine(version.number), { alignment: AlignmentType.CENTER })] : []),
    new Paragraph({ spacing: { before: 480, after: 160 }, children: [new TextRun({ text: d.contents, bold: true, size: 28 })] }),
    new TableOfContents(d.contents, { hyperlink: true, headingStyleRange: '1-2' }),
    heading(`1. ${d.introduction}`),
    p(d.subject(s.consultation.title, s.consultation.caseNumber)),
    ...s.drafts.map((v) => p(d.draftLine(v.label, day(v.publishedAt), day(v.opensAt), day(v.lastDay)))),
    p(d.placedIn(s.draft.label)),
    p(d.publishedAt(s.url)),
    p(s.consultation.invited ? d.invited(s.consultation.invited) : d.invitedDefault),
    p(d.participation(s.participation.municipalities, s.participation.municipalitiesInDirectory)),
    p(d.associations(s.participation.associations)),
    p(d.received(s.total, s.byKind.comment ?? 0, s.byKind.amendment ?? 0, s.byKind.question ?? 0, s.late)),
    heading(`2. ${d.method}`),
    ...d.methodText.map((text) => p(text)),
    heading(`3. ${d.summary}`),
    heading(d.byStance, HeadingLevel.HEADING_3),
    smallTable([d.stanceColumn, d.countColumn], [...Object.entries(publicCounts(s.byStatus)).map(([k, n]) => [label(k), n]), [d.totalRow, s.total]], [6000, 1500]),
    heading(d.byChapter, HeadingLevel.HEADING_3),
    smallTable(
      [d.chapterColumn, d.countColumn, ...stances.map(label)],
      [...sections.map((x) => [sectionName(x, t), x.count, ...stances.map((k) => publicCounts(x.byStatus)[k] ?? 0)]), [d.totalRow, s.total, ...stances.map((k) => publicCounts(s.byStatus)[k] ?? 0)]],
      [3138, 900, ...stances.map(() => Math.floor(5600 / stances.length))],
    ),
    heading(`4. ${d.comments}`),
    ...sections.flatMap((x, i) => (i === late ? [] : sectionBody(x, i))),
    ...(late >= 0 ? sectionBody(sections[late], late) : []),
    new Paragraph({ spacing: { before: 600 }, children: [new TextRun(d.placeAndDate(version.place ?? '', version.documentDate ? day(version.documentDate) : ''))] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 400 }, children: [new TextRun({ text: version.signatoryName ?? '', bold: true })] }),
    p(version.signatoryTitle ?? '', { alignment: AlignmentType.RIGHT }),
    new Paragraph({ text: d.annex, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    s.participants.length
      ? smallTable(
          [d.annexColumns.organisation, d.annexColumns.kind, d.annexColumns.comments, d.annexColumns.confirmed],
          s.participants.map((x) => [x.name, t.account.organisationKinds[x.kind] ?? x.kind, x.comments, x.confirmedJoint]),
          [4638, 2000, 1300, 1700],
        )
      : p(d.noParticipants),
    // Word wants a paragraph between the last table and the end of the body.
    new Paragraph({}),
  ];
  return new Document({
    title: `${d.title} – ${s.consultation.title}`,
    creator: s.consultation.ownerName,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: FONT, size: 22 } }, heading1: { run: { font: FONT, size: 28, bold: true }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } }, heading2: { run: { font: FONT, size: 24, bold: true }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } }, heading3: { run: { font: FONT, size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } } },
      paragraphStyles: [{ id: TABLE_TEXT_STYLE, name: 'Report Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40 } } }],
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } } },
        headers: {
          first: new Header({ children: [p(d.republic, { bold: true }), p(d.ministry(s.consultation.ownerName), { bold: true }), p(d.address, { size: 18 })] }),
          default: new Header({ children: [p(`${d.title} – ${s.consultation.shortTitle}${version.number ? ` – ${d.versionLine(version.number)}` : ''}`, { size: 16, italics: true })] }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] }),
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] }),
        },
        children,
      },
    ],
  });
}
