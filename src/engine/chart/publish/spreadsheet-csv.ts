/**
 * CSV for readers to open in a spreadsheet. A cell that begins with "=", "+", "-", "@", a tab or a
 * carriage return is read by Excel, LibreOffice and Google Sheets as a formula and run when the file is
 * opened (CSV injection). As OWASP recommends, such a cell gets a leading single quote, which makes it
 * text, and is written in double quotes; cells that are numbers (also "-5", "+1", "1e3", "22.5%") are
 * written as they are, so they stay numbers. Other cells are quoted only when they must be (RFC 4180).
 */

/** What a spreadsheet reads as a plain number, which is harmless however it starts. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as the CSV file holds it: neutralised and quoted when a spreadsheet would run it, else quoted only if needed. */
export function spreadsheetCell(text: string): string {
  if (FORMULA_START.test(text) && !NUMBER.test(text)) return quote(`'${text}`);
  return /[",\n\r]/.test(text) ? quote(text) : text;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Rows of cells as CSV text, lines ended with "\n" (no last line end: the caller adds it). */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(spreadsheetCell).join(",")).join("\n");
}
