import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { fromRoot } from '../../platform/paths.ts';

/**
 * Page layout for the report's PDF, on pdfkit but with our own line breaking, so that the same code
 * can run twice: once only measuring (no PDF is written: it counts the pages and notes where each
 * heading falls, for "stran X od Y" and the table of contents) and once drawing, page for page the
 * same. Pages are written out as soon as they are full (never buffered), and a table row taller
 * than what is left of a page is split line by line, its header repeated on the next page.
 *
 * Tagging (structure for headings, paragraphs, tables) costs memory for every tagged row until the
 * document ends (pdfkit keeps the structure's parent tree); so rows are tagged up to TAG_ROW_BOUND
 * and drawn untagged after it: memory stays flat whatever the row count.
 */

export const TAG_ROW_BOUND = 2000;

export type Style = 'regular' | 'italic' | 'semibold' | 'bold';
const FONT_FILES: Record<Style, string> = { regular: 'Regular', italic: 'It', semibold: 'Semibold', bold: 'Bold' };

/** A paragraph of text in one style (line breaks in `text` start new lines). */
export interface Para {
  text: string;
  style?: Style;
  size?: number;
  /** Space before it, in points (inside a cell: between its paragraphs). */
  gap?: number;
}

interface Line {
  text: string;
  style: Style;
  size: number;
  /** Space above the line (before a cell's next paragraph). */
  gap: number;
  /** Vertical space the line takes: its gap and its height. */
  advance: number;
}

export interface Column {
  width: number;
  align?: 'left' | 'right';
}

export interface TextOptions {
  /** Its structure type: P, H1, H2, … */
  tag?: string;
  indent?: number;
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Space that must be left below its first lines on the same page (for what follows a heading). */
  keepWithNext?: number;
  /** Records the page it lands on under this key (and a destination for the contents' links). */
  key?: string;
  /** Space after it. */
  after?: number;
}

export interface TableOptions {
  size?: number;
  /** The last row (a total) in semibold. */
  lastRowBold?: boolean;
  /** Paragraphs before the table (its heading), kept on the page with its header and first row. */
  lead?: Array<[Para, TextOptions]>;
}

const heightOf = (cells: Array<Array<{ advance: number }>>) => 2 * PAD + Math.max(...cells.map((ls) => ls.reduce((h, l) => h + l.advance, 0)));

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 56.7, right: 56.7, top: 56.7, bottom: 62 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LEADING = 1.28;
const PAD = 3.5;
const BORDER = '#8a8f98';
const HEADER_FILL = '#e8ebf0';

export function newPdfDocument(info: { title: string; author: string; subject: string }): PDFKit.PDFDocument {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    tagged: true,
    lang: 'sl-SI',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Posvet' },
  });
  for (const [style, file] of Object.entries(FONT_FILES)) pdf.registerFont(style, fromRoot('node_modules/source-sans/TTF', `SourceSans3-${file}.ttf`));
  return pdf;
}

type Internal = PDFKit.PDFDocument & {
  _font: { widthOfString(text: string, size: number): number };
  _fontFamilies: Record<string, { layoutCache?: object }>;
  _root: { data: { Pages: { data: { Kids: Array<{ data: Record<string, unknown>; buffer: unknown }> } } } };
};

export interface Heading {
  key: string;
  page: number;
}

export class PdfLayout {
  page = 0;
  y = 0;
  private widths = new Map<string, number>();
  private rootStruct: PDFKit.PDFStructureElement | undefined;
  private taggedRows = 0;
  /** Pages where a key (a heading) landed: filled by both passes. */
  readonly headings = new Map<string, number>();

  private readonly pdf: Internal;
  /** Null while measuring: nothing is drawn. */
  private readonly out: Writable | null;
  private readonly footer: (page: number) => { left: string; right: string };

  constructor(pdf: PDFKit.PDFDocument, out: Writable | null, footer: (page: number) => { left: string; right: string }) {
    this.pdf = pdf as Internal;
    this.out = out;
    this.footer = footer;
    if (out) {
      this.rootStruct = pdf.struct('Document');
      pdf.addStructure(this.rootStruct);
    }
  }

  get drawing(): boolean {
    return this.out !== null;
  }
  get bottom(): number {
    return A4.height - MARGIN.bottom;
  }
  get left(): number {
    return MARGIN.left;
  }

  // ---- measuring and breaking lines

  private font(style: Style, size: number) {
    return this.pdf.font(style).fontSize(size);
  }

  widthOf(text: string, style: Style, size: number): number {
    const key = `${style}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.font(style, size)._font.widthOfString(text, size);
      if (this.widths.size > 20_000) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }

  /** Greedy line breaking at spaces; a word wider than the line is cut where it must be. */
  wrap(text: string, style: Style, size: number, width: number): string[] {
    const lines: string[] = [];
    const space = this.widthOf(' ', style, size);
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/[ \t]+/)) {
        if (!word) continue;
        let w = this.widthOf(word, style, size);
        if (line && lineWidth + space + w <= width) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        lineWidth = w;
        while (w > width) {
          // Cut the word: as many characters as fit.
          let cut = 0;
          let acc = 0;
          const chars = Array.from(line);
          while (cut < chars.length && acc + this.widthOf(chars[cut], style, size) <= width) acc += this.widthOf(chars[cut++], style, size);
          cut = Math.max(cut, 1);
          lines.push(chars.slice(0, cut).join(''));
          line = chars.slice(cut).join('');
          w = lineWidth = this.widthOf(line, style, size);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private linesOf(paras: Para[], width: number, defaultSize: number): Line[] {
    const lines: Line[] = [];
    for (const p of paras) {
      const size = p.size ?? defaultSize;
      const style = p.style ?? 'regular';
      this.wrap(p.text, style, size, width).forEach((text, i) => {
        const gap = i === 0 && lines.length ? (p.gap ?? 0) : 0;
        lines.push({ text, style, size, gap, advance: size * LEADING + gap });
      });
    }
    return lines;
  }

  // ---- pages

  newPage(): void {
    this.page++;
    this.y = MARGIN.top;
    // pdfkit caches every word's glyphs per font, without bound: emptied now and then (both passes).
    if (this.page % 20 === 0) for (const f of Object.values(this.pdf._fontFamilies)) if (f.layoutCache) f.layoutCache = Object.create(null);
    if (!this.out) return;
    const pdf = this.pdf;
    pdf.addPage({ size: 'A4', margin: 0 });
    // The page before is written: keep of it only what its reference needs (memory stays flat).
    const kids = pdf._root.data.Pages.data.Kids;
    if (kids.length > 1) {
      const previous = kids[kids.length - 2];
      const structParents = previous.data.StructParents;
      previous.data = structParents === undefined ? {} : { StructParents: structParents };
    }
    const { left, right } = this.footer(this.page);
    const y = A4.height - MARGIN.bottom + 24;
    this.artifact(() => {
      pdf.moveTo(MARGIN.left, y - 6).lineTo(A4.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(BORDER).stroke();
      this.font('regular', 8).fillColor('#333333').text(left, MARGIN.left, y, { lineBreak: false });
      this.font('regular', 8).text(right, A4.width - MARGIN.right - this.widthOf(right, 'regular', 8), y, { lineBreak: false });
      pdf.fillColor('black');
    });
  }

  /** Starts a new page unless `height` fits below y. */
  ensure(height: number): void {
    if (this.page === 0 || this.y + height > this.bottom) this.newPage();
  }

  /** Waits while the file's buffer is full: the document streams out at the pace it is written. */
  async settle(): Promise<void> {
    const out = this.out;
    if (out?.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }

  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Pagination' });
    draw();
    this.pdf.endMarkedContent();
  }

  private drawLine(line: Line, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left'): void {
    const w = align === 'left' ? 0 : this.widthOf(line.text, line.style, line.size);
    const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
    this.font(line.style, line.size).text(line.text, x + dx, y + line.gap, { lineBreak: false });
  }

  private tag(): boolean {
    return this.drawing && this.taggedRows < TAG_ROW_BOUND;
  }

  /** Marks what `draw` puts on the page as content of a structure element of `type`. */
  private marked(type: string, tagged: boolean, draw: () => void): PDFKit.PDFStructureContent | undefined {
    if (!tagged) {
      draw();
      return undefined;
    }
    const content = this.pdf.markStructureContent(type);
    draw();
    this.pdf.endMarkedContent();
    return content;
  }

  // ---- flowing text

  /** A paragraph (or heading) flowing over pages; `key` records the page it starts on. */
  text(para: Para, options: TextOptions = {}): void {
    const x = MARGIN.left + (options.indent ?? 0);
    const width = options.width ?? CONTENT_WIDTH - (options.indent ?? 0);
    const lines = this.linesOf([{ ...para, gap: 0 }], width, para.size ?? 10);
    this.ensure(Math.min(lines.length, 2) * lines[0].advance + (options.keepWithNext ?? 0));
    if (options.key) {
      this.headings.set(options.key, this.page);
      if (this.drawing) (this.pdf.addNamedDestination as (...args: unknown[]) => void)(options.key, 'XYZ', null, this.y);
    }
    const tagged = this.drawing && options.tag !== undefined;
    const contents: PDFKit.PDFStructureContent[] = [];
    let i = 0;
    while (i < lines.length) {
      if (this.y + lines[i].advance > this.bottom) this.newPage();
      const start = i;
      let y = this.y;
      while (i < lines.length && (i === start || y + lines[i].advance <= this.bottom)) y += lines[i++].advance;
      const content = this.marked(options.tag ?? 'P', tagged, () => {
        if (!this.drawing) return;
        let ly = this.y;
        for (let j = start; j < i; j++) {
          this.drawLine(lines[j], x, ly, width, options.align);
          ly += lines[j].advance;
        }
      });
      if (content) contents.push(content);
      this.y = y;
    }
    if (tagged && this.rootStruct) this.rootStruct.add(this.pdf.struct(options.tag!, {}, contents));
    this.y += options.after ?? (para.size ?? 10) * 0.6;
  }

  /** A line of the table of contents: title, leader dots, page number linked to the heading. */
  tocLine(title: string, page: number | undefined, key: string, indent: number): void {
    const size = 10;
    const numberWidth = 30;
    const width = CONTENT_WIDTH - indent - numberWidth - 8;
    const lines = this.linesOf([{ text: title, size }], width, size);
    this.ensure(lines.length * lines[0].advance);
    const top = this.y;
    const x = MARGIN.left + indent;
    const content = this.marked('P', this.drawing, () => {
      if (!this.drawing) return;
      for (const line of lines) {
        this.drawLine(line, x, this.y, width);
        this.y += line.advance;
      }
      const last = lines[lines.length - 1];
      const lastY = this.y - last.advance;
      const number = page === undefined ? '' : String(page);
      const dotsFrom = x + this.widthOf(last.text, 'regular', size) + 4;
      const dotsTo = A4.width - MARGIN.right - numberWidth;
      const dot = this.widthOf('.', 'regular', size) + 1.5;
      const dots = Math.max(0, Math.floor((dotsTo - dotsFrom) / dot));
      this.font('regular', size).fillColor('#666666').text('.'.repeat(dots), dotsFrom, lastY, { lineBreak: false, characterSpacing: 1.5 });
      this.font('regular', size).fillColor('black').text(number, A4.width - MARGIN.right - this.widthOf(number, 'regular', size), lastY, { lineBreak: false });
      this.pdf.goTo(x, top, A4.width - MARGIN.right - x, this.y - top, key);
    });
    if (!this.drawing) this.y += lines.reduce((h, l) => h + l.advance, 0);
    if (content && this.rootStruct) this.rootStruct.add(this.pdf.struct('P', {}, [content]));
    this.y += 2;
  }

  // ---- tables

  /**
   * A table whose header row repeats on every page it runs over; rows come as a stream (never all in
   * memory). A row that does not fit on what is left of the page goes to the next, or, if it is taller
   * than a page, is split there line by line.
   */
  async table(columns: Column[], header: string[], rows: AsyncIterable<Para[][]> | Iterable<Para[][]>, options: TableOptions = {}): Promise<void> {
    const { size = 8.5, lastRowBold = false, lead = [] } = options;
    const headerCells = this.cellLines(columns, header.map((text) => [{ text, style: 'semibold' }]), size);
    const headerHeight = heightOf(headerCells);
    const table = this.drawing ? this.pdf.struct('Table') : undefined;
    if (table) this.rootStruct!.add(table);
    let headerTagged = false;

    const drawHeader = () => {
      const top = this.y;
      const tagHeader = table !== undefined && !headerTagged && this.tag();
      const cells: PDFKit.PDFStructureElement[] = [];
      if (this.drawing) {
        this.artifact(() => {
          this.pdf.rect(MARGIN.left, top, CONTENT_WIDTH, headerHeight).fillColor(HEADER_FILL).fill().fillColor('black');
        });
        const draw = () => this.drawCells(headerCells, columns, top + PAD, (c) => (tagHeader ? this.marked('TH', true, c) : (this.artifact(c), undefined)), (content) => {
          if (content) cells.push(this.pdf.struct('TH', { scope: 'Column' } as never, [content]));
        });
        draw();
        this.borders(columns, top, headerHeight);
        if (tagHeader) table!.add(this.pdf.struct('TR', {}, cells));
      }
      headerTagged = headerTagged || tagHeader;
      this.y = top + headerHeight;
    };

    const firstLine = size * LEADING;
    const room = this.bottom - MARGIN.top - headerHeight;
    const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<Para[][]>)[Symbol.iterator]();
    let next = await iterator.next();
    const linesOfRow = (row: Para[][], last: boolean) =>
      this.cellLines(columns, last && lastRowBold ? row.map((paras) => paras.map((p) => ({ ...p, style: 'semibold' as const }))) : row, size);

    // What leads into the table (its heading), its header and its first row (or the start of it, when
    // taller than a page) stay together on one page.
    let first = next.done ? undefined : linesOfRow(next.value, false);
    const firstHeight = first ? heightOf(first) : 0;
    const leadHeight = lead.reduce((h, [para, o]) => h + this.heightOf(para, o), 0);
    this.ensure(leadHeight + headerHeight + (firstHeight <= room ? firstHeight : 2 * PAD + 3 * firstLine));
    for (const [para, o] of lead) this.text(para, o);
    drawHeader();
    while (!next.done) {
      const row = next.value;
      next = await iterator.next();
      const cells = first && !next.done ? first : linesOfRow(row, next.done === true);
      first = undefined;
      const height = heightOf(cells);
      if (this.y + height > this.bottom && (height <= room || this.y + 2 * PAD + 3 * firstLine > this.bottom)) {
        this.newPage();
        drawHeader();
      }
      const tagged = table !== undefined && this.tag();
      const parts: PDFKit.PDFStructureContent[][] = cells.map(() => []);
      const from = cells.map(() => 0);
      for (;;) {
        // One page's part of the row: in each cell, the lines that fit.
        const top = this.y;
        const to = cells.map((ls, c) => {
          let y = top + PAD;
          let i = from[c];
          while (i < ls.length && y + ls[i].advance <= this.bottom - PAD) y += ls[i++].advance;
          return i;
        });
        const used = Math.max(...cells.map((ls, c) => ls.slice(from[c], to[c]).reduce((h, l) => h + l.advance, 0)));
        if (this.drawing) {
          this.drawCells(
            cells.map((ls, c) => ls.slice(from[c], to[c])),
            columns,
            top + PAD,
            (c) => this.marked('TD', tagged, c),
            (content, c) => content && parts[c].push(content),
          );
          this.borders(columns, top, used + 2 * PAD);
        }
        this.y = top + used + 2 * PAD;
        to.forEach((i, c) => (from[c] = i));
        if (cells.every((ls, c) => from[c] >= ls.length)) break;
        this.newPage();
        drawHeader();
      }
      if (tagged) {
        table!.add(this.pdf.struct('TR', {}, parts.map((contents) => this.pdf.struct('TD', {}, contents))));
        this.taggedRows++;
      }
      await this.settle();
    }
    table?.end();
    this.y += 10;
  }

  private cellLines(columns: Column[], row: Para[][], size: number): Line[][] {
    return row.map((paras, c) => this.linesOf(paras, columns[c].width - 2 * PAD, size));
  }

  /** The height a paragraph takes with `text()`'s options. */
  heightOf(para: Para, options: TextOptions = {}): number {
    const width = options.width ?? CONTENT_WIDTH - (options.indent ?? 0);
    const lines = this.linesOf([{ ...para, gap: 0 }], width, para.size ?? 10);
    return lines.reduce((h, l) => h + l.advance, 0) + (options.after ?? (para.size ?? 10) * 0.6);
  }

  private drawCells(
    cells: Line[][],
    columns: Column[],
    top: number,
    mark: (draw: () => void) => PDFKit.PDFStructureContent | undefined,
    done: (content: PDFKit.PDFStructureContent | undefined, column: number) => void,
  ): void {
    let x = MARGIN.left;
    cells.forEach((lines, c) => {
      const left = x;
      const content = mark(() => {
        let y = top;
        for (const line of lines) {
          this.drawLine(line, left + PAD, y, columns[c].width - 2 * PAD, columns[c].align);
          y += line.advance;
        }
      });
      done(content, c);
      x += columns[c].width;
    });
  }

  private borders(columns: Column[], top: number, height: number): void {
    this.artifact(() => {
      const pdf = this.pdf.lineWidth(0.5).strokeColor(BORDER);
      pdf.rect(MARGIN.left, top, CONTENT_WIDTH, height).stroke();
      let x = MARGIN.left;
      for (const column of columns.slice(0, -1)) {
        x += column.width;
        pdf.moveTo(x, top).lineTo(x, top + height).stroke();
      }
    });
  }

  /** Ends the document's structure (before pdf.end()). */
  finish(): void {
    this.rootStruct?.end();
  }
}
