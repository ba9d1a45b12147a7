import type { Cell, ColumnType, DataTable, Row } from "../../data/data-table.ts";
import { typeColumn, type RawValue } from "../../data/infer-column-types.ts";
import type { JsonValue } from "../spec/chart-spec.ts";

const isRecord = (value: JsonValue): value is { [key: string]: JsonValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const raw = (value: JsonValue | undefined): RawValue =>
  value === undefined || value === null ? null : typeof value === "object" ? JSON.stringify(value) : value;

/**
 * A mark's inline `data:` list, typed by the same rules as a data block, so `["2020-03-01"]` on a date
 * axis is a date. A list of rows becomes a table; a list of plain values (`[0]`) stays a list of values,
 * typed as the single column "value", which is what Plot expects for marks such as ruleY. Plain values
 * on a scale that shows dates are dates (`ruleX: [2020]` on a year axis is the year 2020): the caller
 * passes that type.
 */
export function typeInlineData(id: string, values: readonly JsonValue[], scalarType?: ColumnType): { table: DataTable; values: (Row | Cell)[] } {
  if (values.length > 0 && values.every(isRecord)) {
    const names = [...new Set(values.flatMap((row) => Object.keys(row)))];
    const typed = names.map((name) => typeColumn(name, values.map((row) => raw(row[name]))));
    const rows: Row[] = values.map((_, i) => Object.fromEntries(typed.map((t) => [t.column.name, t.cells[i] ?? null])));
    return { table: { id, kind: "table", columns: typed.map((t) => t.column), rows }, values: rows };
  }
  const typed = typeColumn("value", values.map((v) => raw(v)), scalarType);
  return { table: { id, kind: "table", columns: [typed.column], rows: [] }, values: typed.cells };
}
