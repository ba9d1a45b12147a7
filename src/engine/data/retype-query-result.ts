import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { DataTable } from "./data-table.ts";
import { typeColumn, type RawValue } from "./infer-column-types.ts";
import type { TypeSpec } from "./read-types-attribute.ts";
import { shown } from "./type-table.ts";

/**
 * types= on an SQL block: the result's columns converted as a CSV column of the same values would be
 * (a column of years 2023, 2024 given as `year:date` becomes dates), each value as text, number or true/false.
 */
export function retypeQueryResult(table: DataTable, types: TypeSpec[], report: (d: Diagnostic) => void): DataTable {
  if (types.length === 0) return table;
  const known = table.columns.map((c) => c.name);
  const columns = [...table.columns];
  const rows = table.rows.map((row) => ({ ...row }));
  for (const spec of types) {
    const index = known.indexOf(spec.column);
    if (index < 0) {
      report(diagnostic("data/type-unknown-column", { column: spec.column, suggestion: didYouMean(spec.column, known) }, spec.span));
      continue;
    }
    // A DATE or TIMESTAMP column is a date already: a format for reading text has nothing to read.
    if (spec.choice.type === "date" && table.columns[index]!.type === "date") continue;
    const raw: RawValue[] = table.rows.map((row) => {
      const cell = row[spec.column] ?? null;
      return cell instanceof Date ? cell.toISOString() : cell;
    });
    const typed = typeColumn(spec.column, raw, spec.choice);
    const first = typed.bad[0];
    if (first !== undefined) report(diagnostic("data/bad-typed-value", { column: spec.column, type: spec.choice.type, value: shown(raw[first] ?? null), ...(spec.choice.format === undefined ? {} : { format: spec.choice.format }) }, spec.span));
    columns[index] = typed.column;
    rows.forEach((row, r) => (row[spec.column] = typed.cells[r] ?? null));
  }
  return { ...table, columns, rows };
}
