import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Origin } from "./data-origin.ts";
import { parseDsv } from "./parse-dsv.ts";
import type { RawTable } from "./raw-table.ts";

/** Ragged rows reported one by one; the next one also says how many more there are. */
const MAX_RAGGED = 5;

/** Reads CSV or TSV with a header row into named columns, reporting bad quoting, header problems and ragged rows. */
export function readDsv(origin: Origin, format: "csv" | "tsv", report: (d: Diagnostic) => void): RawTable | undefined {
  const parsed = parseDsv(origin.text, format === "csv" ? "," : "\t");
  if (!parsed.ok) {
    report(diagnostic("data/syntax", { format, detail: parsed.detail }, origin.span(parsed.offset, parsed.end)));
    return undefined;
  }
  // Lines with no values at all (empty, spaces, or only separators) are skipped.
  const records = parsed.records.filter((r) => r.values.some((v) => v.trim() !== ""));
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    report(diagnostic("data/empty", {}, origin.whole));
    return undefined;
  }
  const names = header.values.map((v) => v.trim());
  const headerCell = (c: number) => {
    const range = header.ranges[c];
    return range ? origin.span(range.start, range.end) : origin.span(header.start);
  };
  let headerOk = true;
  names.forEach((name, c) => {
    if (name === "") {
      report(diagnostic("data/empty-column-name", { index: c + 1 }, headerCell(c)));
      headerOk = false;
    } else if (names.indexOf(name) < c) {
      report(diagnostic("data/duplicate-column", { column: name }, headerCell(c)));
      headerOk = false;
    }
  });

  const ragged = rows.filter((r) => r.values.length !== names.length);
  ragged.slice(0, MAX_RAGGED + 1).forEach((row, i) => {
    const more = i === MAX_RAGGED ? ragged.length - MAX_RAGGED - 1 : 0;
    report(diagnostic("data/ragged-row", { expected: names.length, found: row.values.length, more }, origin.span(row.start, row.end)));
  });
  if (!headerOk) return undefined;

  return {
    kind: "table",
    names,
    // A short row's missing cells are missing values; a long row's extra cells are dropped (and reported above).
    rows: rows.map((row) => names.map((_, c) => row.values[c] ?? null)),
    cellSpan(r, c) {
      const row = rows[r];
      const range = row?.ranges[c];
      return range ? origin.span(range.start, range.end) : origin.span(row?.start ?? 0, row?.end ?? 0);
    },
  };
}
