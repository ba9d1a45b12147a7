import type { DataTable } from "../../data/data-table.ts";
import { type ChartSpec, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/** The fill of shapes with no value: a neutral grey, between the page's light and dark backgrounds. */
export const NO_DATA_FILL = "#b8b8b8";

/**
 * Plot leaves out a shape whose fill has no value, so a country a table does not cover vanishes from the
 * map as if it were sea. When a geo mark fills by a column with missing values and the colour scale has
 * no `unknown`, those shapes are drawn grey: the map keeps its outline and the reader sees "no data".
 */
export function withMapNoData(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const color = spec.options["color"];
  if (color !== undefined && !isJsonObject(color)) return spec;
  if (color?.["unknown"] !== undefined) return spec;
  const gaps = spec.marks.some((mark) => {
    const fill = mark.options["fill"];
    const table = tables.get(markDataId(spec, mark) ?? "");
    if (mark.mark !== "geo" || !table?.shapes || typeof fill !== "string" || !table.columns.some((c) => c.name === fill)) return false;
    return table.rows.some((row) => row[fill] === null || row[fill] === undefined);
  });
  return gaps ? { ...spec, options: { ...spec.options, color: { ...(color ?? {}), unknown: NO_DATA_FILL } } } : spec;
}
