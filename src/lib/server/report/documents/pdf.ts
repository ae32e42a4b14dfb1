import type { Writable } from 'node:stream';
import { formatDate, formatNumber, type Dictionary } from '../../../../i18n/index.ts';
import type { ReportDocument, ReportWriter } from '../document.ts';
import type { ReportRow } from '../rows.ts';
import { publicCounts, publicStatusOf, type ReportSectionSummary } from '../summary.ts';
import { CONTENT_WIDTH, newPdfDocument, PdfLayout, type Column, type Para, type TextOptions } from './pdf-layout.ts';

/**
 * The report as PDF: the ministry's document — header, table of contents, introduction, method,
 * summary, the comments with their stances chapter by chapter, late comments, signature, annex of
 * participants — with "stran X od Y" on every page. Laid out twice: the first pass only measures (the
 * page count and the pages the headings fall on), the second writes, streaming each page out.
 */

/** A calendar day ("2027-03-15") or an instant as Slovenian writes it. */
const day = (value: string) => formatDate(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value));


const sectionKey = (s: ReportSectionSummary) => (s.section === 'chapter' ? `ch-${s.chapterSlug}` : s.section);

function sectionTitle(t: Dictionary, s: ReportSectionSummary): string {
  const r = t.reportDocument;
  return s.section === 'chapter' ? r.chapterHeading(s.chapterNumber ?? 0, s.chapterTitle ?? '') : s.section === 'draft' ? r.wholeDraft : r.late;
}

/** A row's five cells: Predlagatelj | Odstavek | Pripomba | Stališče | Obrazložitev. */
export function rowCells(row: ReportRow, t: Dictionary, draftLabel: string): Para[][] {
  const r = t.reportDocument;
  const proposer: Para[] = [{ text: row.organisation.name, style: 'semibold' }];
  if (row.jointLine) proposer.push({ text: row.jointLine, style: 'italic', gap: 2 });
  if (row.supporters) proposer.push({ text: `${r.supporters} ${row.supporters}`, gap: 2 });
  if (row.attachments) proposer.push({ text: `${r.attachments} ${row.attachments}`, gap: 2 });
  const via = r.receivedBy[row.receivedVia];
  if (via) proposer.push({ text: via, style: 'italic', gap: 2 });

  const removed = row.anchorStatus === 'removed';
  const where = removed ? r.removed : (row.blockNumber ?? (row.scope === 'draft' ? r.wholeDraftCell : r.wholeChapter));
  const paragraph: Para[] = [{ text: where, style: row.blockNumber && !removed ? 'semibold' : 'italic' }];
  if (row.writtenVersionLabel !== draftLabel || (row.writtenBlockNumber && row.writtenBlockNumber !== row.blockNumber))
    paragraph.push({ text: r.writtenOn(row.writtenVersionLabel, row.writtenBlockNumber), style: 'italic', gap: 2 });
  if (row.anchorStatus === 'changed') paragraph.push({ text: r.changed, style: 'italic', gap: 2 });

  const comment: Para[] = [
    { text: r.commentNumber(row.commentId), style: 'semibold' },
    { text: t.comments.kinds[row.kind], style: 'italic' },
  ];
  if (row.quote) comment.push({ text: r.quote, style: 'semibold', gap: 3 }, { text: row.quote, style: 'italic' });
  comment.push({ text: row.body, gap: 3 });
  if (row.proposedText) comment.push({ text: r.proposedText, style: 'semibold', gap: 3 }, { text: row.proposedText });
  if (row.rationale) comment.push({ text: r.rationale, style: 'semibold', gap: 3 }, { text: row.rationale });

  const stance: Para[] = [{ text: t.comments.publicStatuses[publicStatusOf(row.status)] ?? row.status }];
  const response: Para[] = [{ text: row.response?.trim() ? row.response : r.noResponse }];
  return [proposer, paragraph, comment, stance, response];
}

const COMMENT_COLUMNS: Column[] = [{ width: 82 }, { width: 54 }, { width: 170 }, { width: 54 }, { width: CONTENT_WIDTH - 360 }];

async function* cellsOf(rows: AsyncIterable<ReportRow>, t: Dictionary, draftLabel: string): AsyncGenerator<Para[][]> {
  for await (const row of rows) yield rowCells(row, t, draftLabel);
}

/** Lays the whole document out on `layout`; `pages` (from the first pass) fills the contents' page numbers. */
async function layoutDocument(layout: PdfLayout, doc: ReportDocument, t: Dictionary, pages: Map<string, number>): Promise<void> {
  const r = t.reportDocument;
  const { version } = doc;
  const s = version.summary;
  const c = s.consultation;
  const h1Para = (n: number | null, title: string, key: string): [Para, TextOptions] => [
    { text: n === null ? title : r.pdf.heading(n, title), style: 'bold', size: 14 },
    { tag: 'H1', key, keepWithNext: 60, after: 8 },
  ];
  const h1 = (n: number | null, title: string, key: string) => layout.text(...h1Para(n, title, key));
  const h2 = (title: string, key: string): [Para, TextOptions] => [{ text: title, style: 'semibold', size: 12 }, { tag: 'H2', key, keepWithNext: 70, after: 5 }];
  const h3 = (title: string): [Para, TextOptions] => [{ text: title, style: 'semibold', size: 11 }, { tag: 'H3', keepWithNext: 60, after: 4 }];
  const para = (text: string): [Para, TextOptions] => [{ text, size: 10 }, { tag: 'P' }];
  const p = (text: string) => layout.text(...para(text));

  // The first page: the ministry's heading, number and date, title.
  layout.newPage();
  layout.text({ text: r.republic, style: 'bold', size: 11 }, { tag: 'P', after: 1 });
  layout.text({ text: r.ministry(c.ownerName), style: 'semibold', size: 11 }, { tag: 'P', after: 1 });
  layout.text({ text: r.address, size: 9.5 }, { tag: 'P', after: 24 });
  if (version.kind === 'preview') {
    layout.text({ text: r.preview, style: 'bold', size: 11 }, { tag: 'P', after: 2 });
    layout.text({ text: r.previewNote(day(s.takenAt)), size: 10 }, { tag: 'P', after: 14 });
  } else {
    layout.text({ text: `${r.numberLabel}: ${version.documentNumber ?? ''}`, size: 10 }, { tag: 'P', after: 1 });
    layout.text({ text: r.placeAndDate(version.place ?? '', day(version.documentDate ?? s.takenAt)), size: 10 }, { tag: 'P', after: 40 });
  }
  layout.text({ text: r.title, style: 'bold', size: 18 }, { tag: 'H1', align: 'center', after: 6 });
  layout.text({ text: r.subtitle(c.title), style: 'semibold', size: 12 }, { tag: 'P', align: 'center', after: 4 });
  if (version.number !== null) layout.text({ text: r.versionLine(version.number), size: 10.5 }, { tag: 'P', align: 'center', after: 36 });

  // The contents.
  const chapters = s.sections.filter((x) => x.section !== 'late');
  const late = s.sections.find((x) => x.section === 'late');
  layout.text({ text: r.contents, style: 'bold', size: 12 }, { tag: 'H2', keepWithNext: 40, after: 6 });
  const entries: Array<[string, string, number]> = [
    [r.pdf.heading(1, r.introduction), 's1', 0],
    [r.pdf.heading(2, r.method), 's2', 0],
    [r.pdf.heading(3, r.summary), 's3', 0],
    [r.pdf.heading(4, r.comments), 's4', 0],
    ...chapters.map((x): [string, string, number] => [sectionTitle(t, x), sectionKey(x), 16]),
    ...(late ? [[r.pdf.heading(5, r.late), 'late', 0] as [string, string, number]] : []),
    [r.annex, 'annex', 0],
  ];
  for (const [title, key, indent] of entries) layout.tocLine(title, pages.get(key), key, indent);

  // 1 Introduction, 2 Method.
  layout.newPage();
  h1(1, r.introduction, 's1');
  p(r.subject(c.title, c.caseNumber));
  for (const d of s.drafts) p(r.draftLine(d.label, day(d.publishedAt), day(d.opensAt), day(d.lastDay)));
  p(r.placedIn(s.draft.label));
  p(r.publishedAt(s.url));
  p(c.invited ? r.invited(c.invited) : r.invitedDefault);
  p(r.participation(s.participation.municipalities, s.participation.municipalitiesInDirectory));
  p(r.associations(s.participation.associations));
  p(r.received(s.total, s.byKind.comment ?? 0, s.byKind.amendment ?? 0, s.byKind.question ?? 0, s.late));
  layout.y += 8;
  h1(2, r.method, 's2');
  for (const text of r.methodText) p(text);
  layout.y += 8;

  // 3 Summary: by stance, by chapter.
  h1(3, r.summary, 's3');
  const stances = Object.keys(t.comments.publicStatuses);
  const counts = publicCounts(s.byStatus);
  const n = (v: number | undefined) => [{ text: formatNumber(v ?? 0) }];
  await layout.table(
    [{ width: 200 }, { width: 70, align: 'right' }],
    [r.stanceColumn, r.countColumn],
    [...stances.map((k) => [[{ text: t.comments.publicStatuses[k] }], n(counts[k])]), [[{ text: r.totalRow }], n(s.total)]],
    { size: 9.5, lastRowBold: true, lead: [h3(r.byStance)] },
  );
  const per = (CONTENT_WIDTH - 150 - 44) / stances.length;
  await layout.table(
    [{ width: 150 }, { width: 44, align: 'right' }, ...stances.map(() => ({ width: per, align: 'right' as const }))],
    [r.chapterColumn, r.countColumn, ...stances.map((k) => t.comments.publicStatuses[k])],
    [
      ...s.sections.map((x) => {
        const byStance = publicCounts(x.byStatus);
        return [[{ text: sectionTitle(t, x) }], n(x.count), ...stances.map((k) => n(byStance[k]))];
      }),
      [[{ text: r.totalRow }], n(s.total), ...stances.map((k) => n(counts[k]))],
    ],
    { lastRowBold: true, lead: [h3(r.byChapter)] },
  );

  // 4 The comments, chapter by chapter; 5 late comments.
  // A section: its heading (and note), its count, its table, kept together with the first row.
  const section = async (x: ReportSectionSummary, lead: Array<[Para, TextOptions]>) => {
    lead.push(para(r.sectionCount(x.count)));
    if (x.count === 0) {
      for (const [a, o] of lead) layout.text(a, { ...o, keepWithNext: Math.max(o.keepWithNext ?? 0, 20) });
      return;
    }
    const rows = doc.rows(x.section === 'chapter' ? { section: 'chapter', chapterSlug: x.chapterSlug! } : { section: x.section });
    const { proposer, paragraph, comment, stance, response } = r.columns;
    await layout.table(COMMENT_COLUMNS, [proposer, paragraph, comment, stance, response], cellsOf(rows, t, s.draft.label), { lead });
  };
  layout.newPage();
  h1(4, r.comments, 's4');
  for (const x of chapters) await section(x, [h2(sectionTitle(t, x), sectionKey(x))]);
  if (late) {
    layout.y += 8;
    await section(late, [h1Para(5, r.late, 'late'), para(r.lateNote)]);
  }

  // The signature, then the annex.
  layout.ensure(110);
  layout.y += 24;
  const signatureX = CONTENT_WIDTH / 2;
  const sign = (text: string, style: 'regular' | 'semibold' | 'italic' = 'regular', after = 1) =>
    layout.text({ text, style, size: 10 }, { tag: 'P', indent: signatureX, after });
  if (version.kind === 'published') {
    sign(r.placeAndDate(version.place ?? '', day(version.documentDate ?? s.takenAt)), 'regular', 18);
    sign(r.signature, 'italic');
    sign(version.signatoryName ?? '', 'semibold');
    sign(version.signatoryTitle ?? '');
  }

  layout.newPage();
  h1(null, r.annex, 'annex');
  if (s.participants.length === 0) p(r.noParticipants);
  else {
    const a = r.annexColumns;
    await layout.table(
      [{ width: 215 }, { width: 100 }, { width: 70, align: 'right' }, { width: CONTENT_WIDTH - 385, align: 'right' }],
      [a.organisation, a.kind, a.comments, a.confirmed],
      s.participants.map((x) => [[{ text: x.name }], [{ text: t.account.organisationKinds[x.kind] ?? x.kind }], n(x.comments), n(x.confirmedJoint)]),
      { size: 9 },
    );
  }
}

/** Writes the PDF to `out`; returns the page count of both passes (equal by construction, checked by the tests). */
export async function renderPdf(doc: ReportDocument, t: Dictionary, out: Writable): Promise<{ pages: number; measured: number }> {
  const r = t.reportDocument;
  const s = doc.version.summary;
  const info = { title: r.pdf.title(s.consultation.title), author: s.consultation.ownerName, subject: r.pdf.subject(s.consultation.caseNumber) };
  const footerLeft = doc.version.documentNumber ? r.pdf.footerNumber(doc.version.documentNumber) : r.preview;

  // Pass 1: measuring only.
  let measure: PdfLayout | undefined = new PdfLayout(newPdfDocument(info), null, () => ({ left: '', right: '' }));
  await layoutDocument(measure, doc, t, new Map());
  const { page: total, headings } = measure;
  measure = undefined;

  // Pass 2: the document, page by page into `out`.
  const pdf = newPdfDocument(info);
  // Chunks go straight to `out`; the layout waits for it to drain after every table row (settle).
  pdf.on('data', (chunk: Uint8Array) => out.write(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.once('end', resolve);
    pdf.once('error', reject);
  });
  const layout = new PdfLayout(pdf, out, (page) => ({ left: footerLeft, right: r.page(page, total) }));
  await layoutDocument(layout, doc, t, headings);
  layout.finish();
  pdf.end();
  await ended;
  await layout.settle();
  return { pages: layout.page, measured: total };
}

export const writePdf: ReportWriter = async (doc, t, out) => {
  await renderPdf(doc, t, out);
};
