/**
 * Reading an uploaded CSV as people save it from a spreadsheet: UTF-8 with or without a BOM, or
 * Windows-1250 (Excel's "CSV" on a Slovenian Windows). How the encoding is told: a UTF-8 BOM says
 * UTF-8; otherwise the bytes are decoded as UTF-8 with `fatal: true` — text in Windows-1250 with
 * any č, š, ž (bytes 0x80–0xFF standing alone) is not valid UTF-8, so the decoder throws and the
 * file is read as Windows-1250; pure ASCII reads the same either way. Three such letters in a row can
 * happen to be a valid UTF-8 sequence ("čšž" is E8 9A 9E, "蚞"): text that decodes as UTF-8 to
 * characters at U+0800 or above (other than punctuation, € and ™) — CJK and the like, which no
 * Slovenian directory holds — is read as Windows-1250 too. (Cyrillic and all Latin letters are
 * below U+0800 and keep UTF-8.) UTF-16 (a FE FF / FF FE BOM)
 * is refused with a message. The separator (`,` or `;`) is the one the header line has more of
 * outside quotes. Quoted fields may hold separators, doubled quotes and line breaks; lines end in
 * LF or CRLF. Cells are kept as text, never evaluated: a cell that starts with = + - @ is just text.
 */

export type CsvEncoding = 'utf-8' | 'windows-1250';

export type Decoded = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; problem: 'utf16' | 'empty' };

/** Characters a Windows-1250 file misread as UTF-8 turns into (three-byte sequences), not punctuation. */
const UNLIKELY = /[\u0800-\u1FFF\u2070-\u20AB\u20AD-\u2121\u2123-\uFFFF]/;

export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return { ok: false, problem: 'utf16' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !UNLIKELY.test(text)) return { ok: true, text, encoding: 'utf-8' };
  return { ok: true, text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
}

/** `;` when the header line has more of them than commas outside quotes, else `,`. */
export function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvRecord {
  /** The line the record starts on (1: the first line of the file). */
  line: number;
  cells: string[];
}

/** The records of the text (RFC 4180 with either separator); blank lines are left out. */
export function parseCsv(text: string, separator: ',' | ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell.trim() !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      // A quote opens a quoted field only at its start; elsewhere it is a character of the cell.
      quoted = true;
      touched = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return records;
}

/** Does a spreadsheet read this cell as a formula? (Shown as text all the same.) */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}
