import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { Cell, ColumnType, DataColumn, Row } from "./data-table.ts";
import { nearMiss, typeColumn, type MissingMarkers, type RawValue, type TypeChoice } from "./infer-column-types.ts";
import type { RawTable } from "./raw-table.ts";
import type { TypeSpec } from "./read-types-attribute.ts";
import { writtenDateFormat } from "./written-date-format.ts";

/** Values reported per column that do not fit a type given with types=. */
const MAX_BAD_VALUES = 5;

/** A value as a diagnostic quotes it: trimmed, and cut after 40 characters. */
export function shown(value: RawValue): string {
  const text = typeof value === "string" ? value.trim() : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Types a table read from its format (see infer-column-types.ts for the rules), with the types given
 * by types= and the missing-value markers, reporting values that do not fit, mixed columns and cells
 * read as missing.
 */
export function typeTable(
  raw: RawTable,
  types: TypeSpec[],
  markers: MissingMarkers,
  report: (d: Diagnostic) => void,
  /** Columns the block's types= names, even with a type it could not read: no guesses about those. */
  typedByEditor: ReadonlySet<string> = new Set(),
): { columns: DataColumn[]; rows: Row[]; values?: Record<string, Cell>; valueColumns?: Record<string, DataColumn> } {
  const known = raw.kind === "table" ? raw.names : [...raw.names, "name", "value"];
  const forced = new Map<string, TypeChoice>();
  for (const spec of types) {
    if (known.includes(spec.column)) forced.set(spec.column, spec.choice);
    else report(diagnostic("data/type-unknown-column", { column: spec.column, suggestion: didYouMean(spec.column, known) }, spec.span));
  }
  const reportBad = (column: string, type: ColumnType, bad: number[], valueAt: (i: number) => RawValue, spanAt: (i: number) => SourceSpan) => {
    const format = forced.get(column)?.format;
    for (const i of bad.slice(0, MAX_BAD_VALUES)) {
      report(diagnostic("data/bad-typed-value", { column, type, value: shown(valueAt(i)), ...(format === undefined ? {} : { format }) }, spanAt(i)));
    }
  };
  // Cells read as missing because of a marker: one note for the whole block, at the first such cell.
  const missingCounts: { column: string; count: number }[] = [];
  const markersSeen = new Set<string>();
  let firstMissing: { row: number; column: number } | undefined;
  const noteMissing = (column: string, missing: number[], cell: (i: number) => { row: number; column: number }, valueAt: (i: number) => RawValue) => {
    if (missing.length === 0) return;
    missingCounts.push({ column, count: missing.length });
    for (const i of missing) markersSeen.add(shown(valueAt(i)));
    const first = cell(missing[0]!);
    if (!firstMissing || first.row < firstMissing.row || (first.row === firstMissing.row && first.column < firstMissing.column)) firstMissing = first;
  };
  const reportMissing = () => {
    if (markers.explicit || !firstMissing) return;
    report(diagnostic("data/missing-values", { columns: missingCounts, markers: [...markersSeen] }, raw.cellSpan(firstMissing.row, firstMissing.column)));
  };

  if (raw.kind === "table") {
    const typed = raw.names.map((name, c) => {
      const values = raw.rows.map((row) => row[c] ?? null);
      const column = typeColumn(name, values, forced.get(name), markers);
      reportBad(name, column.column.type, column.bad, (r) => raw.rows[r]?.[c] ?? null, (r) => raw.cellSpan(r, c));
      noteMissing(name, column.missing, (r) => ({ row: r, column: c }), (r) => values[r] ?? null);
      if (column.column.type === "string" && !forced.has(name)) {
        // Markers are not what keeps the column text: the warnings point at the other texts.
        const unmarked = values.map((v) => (typeof v === "string" && markers.texts.has(v.trim()) ? null : v));
        const miss = nearMiss(name, unmarked);
        const first = miss?.misfits[0];
        if (miss && first !== undefined) {
          const value = shown(values[first] ?? null);
          report(diagnostic("data/mixed-column", { column: name, type: miss.type, value, cells: miss.misfits.length }, raw.cellSpan(first, c)));
        } else if (!typedByEditor.has(name)) {
          const written = writtenDateFormat(unmarked);
          if (written) report(diagnostic("data/dates-as-text", { column: name, value: shown(values[written.first] ?? null), format: written.format }, raw.cellSpan(written.first, c)));
        }
      }
      return column;
    });
    reportMissing();
    const rows = raw.rows.map((_, r) => Object.fromEntries(raw.names.map((name, c) => [name, typed[c]?.cells[r] ?? null])) as Row);
    return { columns: typed.map((t) => t.column), rows };
  }

  // Named values: each is typed on its own, as a column named after it; the name/value table by the column rules.
  const values = raw.rows[0] ?? [];
  const named = raw.names.map((name, i) => {
    const one = typeColumn(name, [values[i] ?? null], forced.get(name), markers);
    reportBad(name, one.column.type, one.bad, () => values[i] ?? null, () => raw.cellSpan(0, i));
    noteMissing(name, one.missing, () => ({ row: 0, column: i }), () => values[i] ?? null);
    return [name, one.cells[0] ?? null, one.column] as const;
  });
  reportMissing();
  const nameColumn = typeColumn("name", raw.names, forced.get("name") ?? "string");
  const valueColumn = typeColumn("value", values, forced.get("value"), markers);
  reportBad("value", valueColumn.column.type, valueColumn.bad, (i) => values[i] ?? null, (i) => raw.cellSpan(0, i));
  return {
    columns: [nameColumn.column, valueColumn.column],
    rows: raw.names.map((_, i) => ({ name: nameColumn.cells[i] ?? null, value: valueColumn.cells[i] ?? null })),
    values: Object.fromEntries(named.map(([name, cell]) => [name, cell])),
    valueColumns: Object.fromEntries(named.map(([name, , column]) => [name, column])),
  };
}
