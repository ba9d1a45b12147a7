import type { DataTable } from "../../data/data-table.ts";
import { type ChartSpec, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/** Categories a legend of swatches can show on a phone; more (a colour per country) are no key. */
const MAX_CATEGORIES = 10;

/**
 * A map coloured by a column (a choropleth) cannot be read without its key: the colours alone say
 * nothing of the numbers. When a geo mark fills by a column of numbers or dates (or of a few
 * categories) and the colour scale says nothing of its legend, the chart gets one.
 */
export function withMapLegend(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const color = spec.options["color"];
  if (color !== undefined && !isJsonObject(color)) return spec;
  if (isJsonObject(color) && color["legend"] !== undefined) return spec;
  const fillsByColumn = spec.marks.some((mark) => {
    const fill = mark.options["fill"];
    const id = markDataId(spec, mark);
    const table = id === undefined ? undefined : tables.get(id);
    const column = typeof fill === "string" ? table?.columns.find((c) => c.name === fill) : undefined;
    if (mark.mark !== "geo" || !table?.shapes || !column) return false;
    return column.type !== "string" || new Set(table.rows.map((row) => row[column.name])).size <= MAX_CATEGORIES;
  });
  return fillsByColumn ? { ...spec, options: { ...spec.options, color: { ...(color ?? {}), legend: true } } } : spec;
}
