import type { Cell, DataTable } from "../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";

const kindOf = (value: Exclude<Cell, null>): string =>
  value instanceof Date ? "dates" : typeof value === "boolean" ? "true/false values" : typeof value === "number" ? "numbers" : "text";

const written = (value: Exclude<Cell, null>): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/**
 * `:value` over a column of text (or dates) that a number format or an aggregate needs as numbers: the
 * message names the column and its first values, so the editor looks at the data, not at the format.
 */
export function columnNotNumbers(table: DataTable, column: string, need: string, span: SourceSpan): Diagnostic {
  const cells: Exclude<Cell, null>[] =
    table.kind === "values" && table.values
      ? [table.values[column]].filter((v): v is Exclude<Cell, null> => v !== null && v !== undefined)
      : table.rows.map((row) => row[column] ?? null).filter((v): v is Exclude<Cell, null> => v !== null);
  const notNumbers = cells.filter((v) => typeof v !== "number");
  const holds = notNumbers.length ? kindOf(notNumbers[0]!) : "text";
  const examples = [...new Set(notNumbers.map(written))].slice(0, 3);
  return diagnostic("value/column-not-numbers", { column, named: table.kind === "values", data: table.id, holds, examples, need }, span);
}
