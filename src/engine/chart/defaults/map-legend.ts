import type { DataColumn, DataTable } from "../../data/data-table.ts";
import { type ChartSpec, type JsonObject, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/** Categories a legend of swatches can show on a phone; more (a colour per country) are no key. */
const MAX_CATEGORIES = 10;
/** From this size on, a legend's numbers are written compactly (12.3K, 1.2万): the ramp is 240 px wide. */
const COMPACT_FROM = 1000;

/**
 * A map coloured by a column (a choropleth) cannot be read without its key: the colours alone say
 * nothing of the numbers. When a geo mark fills by a column of numbers or dates (or of a few
 * categories) and the colour scale says nothing of its legend, the chart gets one. A legend of numbers
 * without a tickFormat gets a short one: Plot writes quantile thresholds in full (10390021.222222222)
 * and large numbers with every digit, which runs together in the legend's 240 px.
 */
export function withMapLegend(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const color = spec.options["color"];
  if (color !== undefined && !isJsonObject(color)) return spec;
  const given: JsonObject = color ?? {};
  const filled = spec.marks.flatMap((mark) => {
    const fill = mark.options["fill"];
    const table = tables.get(markDataId(spec, mark) ?? "");
    const column = typeof fill === "string" ? table?.columns.find((c) => c.name === fill) : undefined;
    return mark.mark === "geo" && table?.shapes && column ? [{ table, column }] : [];
  })[0];
  if (!filled) return spec;
  const { table, column } = filled;
  const legible = column.type !== "string" || new Set(table.rows.map((row) => row[column.name])).size <= MAX_CATEGORIES;
  const added: JsonObject = { ...given };
  if (given["legend"] === undefined && legible) added["legend"] = true;
  const format = column.type === "number" && given["tickFormat"] === undefined && added["legend"] !== false && added["legend"] !== undefined ? legendFormat(table, column) : undefined;
  if (format !== undefined) added["tickFormat"] = format;
  return Object.keys(added).length === Object.keys(given).length ? spec : { ...spec, options: { ...spec.options, color: added } };
}

/** Percentages as such; large numbers compact; others to three significant digits (quantiles are rarely round). */
function legendFormat(table: DataTable, column: DataColumn): string {
  if (column.percent) return "percent";
  const largest = Math.max(0, ...table.rows.map((row) => (typeof row[column.name] === "number" ? Math.abs(row[column.name] as number) : 0)));
  return largest >= COMPACT_FROM ? "compact" : ",.3~r";
}
