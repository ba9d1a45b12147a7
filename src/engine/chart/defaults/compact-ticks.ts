import type { DataTable } from "../../data/data-table.ts";
import { isJsonObject, markDataId, type ChartSpec } from "../spec/chart-spec.ts";

/** From this size on, an axis's numbers are written compactly: 13亿 or 1.3B, not 1,300,000,000. */
export const COMPACT_FROM = 1_000_000;

const channelsOf = { x: ["x", "x1", "x2"], y: ["y", "y1", "y2"] } as const;
/** Scale types whose ticks are not plain numbers. */
const notNumeric = new Set(["band", "point", "ordinal", "time", "utc"]);

/**
 * Plot writes an axis's numbers in full ("1,300,000,000"), which runs into the next label on a phone
 * and is hard to read in any language. When the editor chose no tickFormat and the column drawn on x
 * or y reaches a million, the axis uses Plotline's "compact" format, which follows the story's language
 * (万 and 亿 in Chinese, M and B in English). Values Plot computes (counts, stacks) are not looked at.
 */
export function withCompactTicks(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  let options = spec.options;
  for (const scale of ["x", "y"] as const) {
    const given = options[scale];
    const scaleOptions = isJsonObject(given) ? given : given === undefined ? {} : undefined;
    if (!scaleOptions || scaleOptions["tickFormat"] !== undefined || scaleOptions["percent"] === true) continue;
    if (typeof scaleOptions["type"] === "string" && notNumeric.has(scaleOptions["type"])) continue;
    if (largestDrawn(spec, tables, channelsOf[scale]) >= COMPACT_FROM) {
      options = { ...options, [scale]: { ...scaleOptions, tickFormat: "compact" } };
    }
  }
  return options === spec.options ? spec : { ...spec, options };
}

/** The largest magnitude among the number columns the marks put on these channels. */
function largestDrawn(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, channels: readonly string[]): number {
  let largest = 0;
  for (const mark of spec.marks) {
    const tableId = markDataId(spec, mark);
    const table = tableId === undefined ? undefined : tables.get(tableId);
    if (!table) continue;
    for (const channel of channels) {
      const column = mark.options[channel];
      if (typeof column !== "string" || table.columns.find((c) => c.name === column)?.type !== "number") continue;
      for (const row of table.rows) {
        const value = row[column];
        if (typeof value === "number" && Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
      }
    }
  }
  return largest;
}
