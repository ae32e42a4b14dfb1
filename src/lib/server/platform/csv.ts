/**
 * CSV for spreadsheets. Every cell is quoted; a cell that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe so it stays text.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // A BOM so that spreadsheet programs read UTF-8 (č, š, ž) correctly; CRLF as RFC 4180 says.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
