import type { Cell, DataTable } from "../../data/data-table.ts";
import { mentionedByChart } from "./chart-payload.ts";
import type { ChartSpec } from "../spec/chart-spec.ts";
import { spreadsheetCsv } from "./spreadsheet-csv.ts";
import { mapShapesId } from "../spec/map-shapes-id.ts";

/**
 * The data block whose rows readers get as the chart's data: its `data=`, else, for a map, the shapes
 * its geo mark draws (their columns: a shape is never one).
 */
export function chartDataId(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): string | undefined {
  return spec.data ?? mapShapesId(spec, tables);
}

/**
 * The data a chart is drawn from, as readers can have it: the rows of the chart's data block (see
 * chartDataId) with the columns its marks use (all columns when it names none), in the order written,
 * with the columns its expressions read (`also`: Open, for a stroke computed as `Close > Open`).
 */
export function chartDataTable(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, also: ReadonlySet<string> = new Set()): DataTable | undefined {
  const id = chartDataId(spec, tables);
  const table = id === undefined ? undefined : tables.get(id);
  if (!table) return undefined;
  const mentioned = mentionedByChart(spec, table.id);
  for (const name of also) mentioned.add(name);
  const used = table.columns.filter((c) => mentioned.has(c.name));
  const columns = used.length > 0 ? used : table.columns;
  return { ...table, columns, rows: table.rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null]))) };
}

/** A cell as CSV text: dates at the precision they were written (2021, 2021-03, 2021-03-21). */
function csvCell(value: Cell, precision: string | undefined): string {
  if (value === null) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : precision === "day" ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/**
 * The chart's data as CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly), with
 * cells a spreadsheet would run as formulas made harmless (see spreadsheet-csv.ts).
 */
export function chartDataCsv(table: DataTable): string {
  const header = table.columns.map((c) => c.name);
  const rows = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.name] ?? null, c.precision)));
  return `\uFEFF${spreadsheetCsv([header, ...rows])}\n`;
}
