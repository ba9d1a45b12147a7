/** Where one cell was written: offsets into the text, quotes included. */
export interface DsvCellRange {
  start: number;
  end: number;
}

/** One record (a row; several lines if a quoted cell holds line breaks) with its cells. */
export interface DsvRecord {
  /** Offset of the record's first character. */
  start: number;
  /** Offset just after the record's last cell. */
  end: number;
  /** The cells as d3-dsv reads them (quotes removed, "" turned into "). */
  values: string[];
  ranges: DsvCellRange[];
}

export type DsvResult =
  | { ok: true; records: DsvRecord[] }
  | { ok: false; offset: number; end: number; detail: string };

const QUOTE = 34;
const NEWLINE = 10;

/**
 * Reads delimiter-separated text (CSV, TSV) whose line ends are already "\n".
 *
 * d3-dsv does not say where cells are, and it is silent about two mistakes (a quote that is never
 * closed swallows the rest of the file; text right after a closing quote is dropped). So the text is
 * scanned with d3-dsv's own tokenising rules (a cell is quoted only
 * if its first character is a double quote; "" inside quotes is a quote; a single trailing line
 * break is ignored), recording where each record and cell starts and rejecting those two mistakes.
 */
export function parseDsv(text: string, delimiter: string): DsvResult {
  const scan = scanDsv(text, delimiter.charCodeAt(0));
  if (!scan.ok) return scan;
  // The scan follows d3-dsv's rules exactly (a test holds it to d3 on real files), so the cells are read
  // from its ranges rather than by parsing the text a second time.
  const records: DsvRecord[] = scan.records.map((ranges) => {
    const values = ranges.map((r) => cellText(text, r));
    return { start: ranges[0]?.start ?? 0, end: ranges[ranges.length - 1]?.end ?? 0, values, ranges };
  });
  return { ok: true, records };
}

function cellText(text: string, range: DsvCellRange): string {
  return text.charCodeAt(range.start) === QUOTE ? text.slice(range.start + 1, range.end - 1).replace(/""/g, '"') : text.slice(range.start, range.end);
}

type ScanResult = { ok: true; records: DsvCellRange[][] } | { ok: false; offset: number; end: number; detail: string };

function scanDsv(text: string, delimiter: number): ScanResult {
  let n = text.length;
  // Like d3-dsv: emptiness is decided before the trailing line break is dropped.
  if (n === 0) return { ok: true, records: [] };
  if (text.charCodeAt(n - 1) === NEWLINE) n--;
  const records: DsvCellRange[][] = [];
  let i = 0;
  let eof = false;
  while (!eof) {
    const cells: DsvCellRange[] = [];
    for (;;) {
      const start = i;
      if (text.charCodeAt(start) === QUOTE && start < n) {
        let k = start + 1;
        for (;;) {
          if (k >= n) {
            const lineEnd = text.indexOf("\n", start);
            return {
              ok: false,
              offset: start,
              end: lineEnd === -1 ? text.length : lineEnd,
              detail: "a cell opens a double quote here that is never closed",
            };
          }
          if (text.charCodeAt(k) === QUOTE) {
            if (text.charCodeAt(k + 1) === QUOTE && k + 1 < n) {
              k += 2;
              continue;
            }
            break;
          }
          k++;
        }
        i = k + 1;
        cells.push({ start, end: i });
        if (i >= n) {
          eof = true;
          break;
        }
        const c = text.charCodeAt(i);
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === NEWLINE) {
          i++;
          break;
        }
        const shown = text[i] === " " ? "a space" : text[i] === "\t" ? "a tab" : `"${text[i]}"`;
        const linesDown = text.slice(start, i).split("\n").length - 1;
        if (linesDown > 0) {
          // The quote that "closes" this cell is on a later line: most likely this cell's closing quote is missing.
          const lineEnd = text.indexOf("\n", start);
          return {
            ok: false,
            offset: start,
            end: lineEnd === -1 ? text.length : lineEnd,
            detail: `the double quote that opens this cell is closed only ${linesDown === 1 ? "on the next line" : `${linesDown} lines further down`}, where ${shown} follows it; a closing quote is probably missing here`,
          };
        }
        return {
          ok: false,
          offset: i,
          end: i + 1,
          detail: `${shown} follows the closing quote of a cell, where a separator or the end of the line should be`,
        };
      }
      let k = start;
      while (k < n && text.charCodeAt(k) !== delimiter && text.charCodeAt(k) !== NEWLINE) k++;
      cells.push({ start, end: k });
      if (k >= n) {
        eof = true;
        break;
      }
      i = k + 1;
      if (text.charCodeAt(k) === NEWLINE) break;
    }
    records.push(cells);
  }
  return { ok: true, records };
}
