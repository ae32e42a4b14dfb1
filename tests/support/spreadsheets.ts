import { unzip } from './zip.ts';

/** Reading the downloads as a spreadsheet program would: CSV cells and XLSX sheets. */

export interface CsvCell {
  value: string;
  /** Whether the cell was written in quotes. */
  quoted: boolean;
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF) with the given separator and the BOM dropped; remembers which cells were quoted. */
export function parseCsvCells(text: string, separator: string): CsvCell[][] {
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const input = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push({ value: cell, quoted: wasQuoted });
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (input[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === separator) endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** The CSV's cells as text (the report's CSV uses ";" for a Slovenian spreadsheet). */
export function parseCsv(text: string, separator = ';'): string[][] {
  return parseCsvCells(text, separator).map((row) => row.map((c) => c.value));
}

export const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

export interface XlsxCell {
  value: string;
  /** The cell's t attribute: s (shared string), inlineStr, n (number, the default)… */
  type: string;
  hasFormula: boolean;
}

/** The workbook's sheet names and each sheet's cells by row (shared, inline and plain values, with each cell's type). */
export function readXlsxCells(zip: Buffer): { sheetNames: string[]; sheets: XlsxCell[][][] } {
  const files = unzip(zip);
  const xml = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const textOf = (fragment: string) => [...fragment.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const sheetNames = [...xml('xl/workbook.xml').matchAll(/<sheet\s[^>]*name="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const sheets = sheetNames.map((_, i) =>
    [...xml(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
      const cells: XlsxCell[] = [];
      for (const c of row[1].matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = c[1];
        const inner = c[2] ?? '';
        const column = /r="([A-Z]+)\d+"/.exec(attributes)?.[1] ?? '';
        const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
        const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
        cells[index < 0 ? cells.length : index] = {
          value: type === 's' ? shared[Number(value)] : type === 'inlineStr' ? textOf(inner) : unescapeXml(value ?? ''),
          type,
          hasFormula: /<f[\s>/]/.test(inner),
        };
      }
      return Array.from(cells, (v) => v ?? { value: '', type: 'n', hasFormula: false });
    }),
  );
  return { sheetNames, sheets };
}

/** The workbook's sheet names and each sheet's cells as rows of text. */
export function readXlsx(zip: Buffer): { sheetNames: string[]; sheets: string[][][] } {
  const { sheetNames, sheets } = readXlsxCells(zip);
  return { sheetNames, sheets: sheets.map((rows) => rows.map((row) => row.map((c) => c.value))) };
}
