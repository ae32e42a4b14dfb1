/**
 * The one CSV writer, for spreadsheets: a BOM so that they read UTF-8 (č, š, ž), every cell quoted,
 * CRLF as RFC 4180 says. A cell a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe so it stays text. The separator is `,` for machines
 * (open data) and `;` for people: a spreadsheet set to Slovenian reads `;` as the column separator
 * (the comma is its decimal sign).
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export type CsvSeparator = ',' | ';';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], separator: CsvSeparator = ','): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
