import type { DataTable, DatePrecision } from "../../data/data-table.ts";
import { shownDatePrecision } from "../../data/shown-date-precision.ts";
import { precisionRank } from "../../iso-date.ts";
import { type ChartSpec, type JsonObject, isJsonObject, markDataId } from "../spec/chart-spec.ts";

/** Marks that draw a scale as bands (one bar or cell per value), by the scale they do it on. */
export const bandScalesOf: Readonly<Record<string, readonly ("x" | "y")[]>> = {
  barY: ["x"], barX: ["y"], cell: ["x", "y"], cellX: ["x"], cellY: ["y"], tickX: ["y"], tickY: ["x"],
  waffleY: ["x"], waffleX: ["y"], boxY: ["x"], boxX: ["y"],
};

/** How a date of each precision is written under a bar, in each story language. */
export function dateTickFormat(precision: DatePrecision, lang: string): string {
  const zh = lang === "zh-CN";
  switch (precision) {
    case "year":
      return zh ? "%Y年" : "%Y";
    case "month":
      return zh ? "%Y年%-m月" : "%b %Y";
    case "day":
      return zh ? "%Y年%-m月%-d日" : "%b %-d, %Y";
    case "time":
      return zh ? "%-m月%-d日 %H:%M" : "%b %-d, %H:%M";
  }
}


/**
 * Bars by year are the most common newsroom chart, and years are dates. Plot draws dates on a band
 * scale correctly but warns and labels them as full timestamps. When a bar-like mark puts a date
 * column on a scale the editor has not configured, make that scale a band scale explicitly and label it
 * at the data's own precision (2021, Mar 2025, …; monthly data written as days reads Mar 2025). The editor's own type, interval or
 * tickFormat always wins.
 */
export function withBandDateDefaults(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, lang: string): ChartSpec {
  const options: JsonObject = { ...spec.options };
  for (const scale of ["x", "y"] as const) {
    const existing = options[scale];
    const scaleOptions: JsonObject = isJsonObject(existing) ? existing : {};
    if (existing !== undefined && !isJsonObject(existing)) continue;
    if (scaleOptions["type"] !== undefined || scaleOptions["interval"] !== undefined) continue;
    let precision: DatePrecision | undefined;
    let allDates = true;
    for (const mark of spec.marks) {
      if (!bandScalesOf[mark.mark]?.includes(scale)) continue;
      const column = mark.options[scale];
      const tableId = markDataId(spec, mark);
      const table = tableId === undefined ? undefined : tables.get(tableId);
      const dataColumn = typeof column === "string" ? table?.columns.find((c) => c.name === column) : undefined;
      if (dataColumn?.type === "date") {
        const next = shownDatePrecision(dataColumn, table!.rows);
        if (precision === undefined || precisionRank[next] > precisionRank[precision]) precision = next;
      } else if (dataColumn) allDates = false;
    }
    // Dates and categories on one band scale: no date format fits every label, so leave it to Plot.
    if (precision === undefined || !allDates) continue;
    options[scale] = { ...scaleOptions, type: "band", tickFormat: scaleOptions["tickFormat"] ?? dateTickFormat(precision, lang) };
  }
  return { ...spec, options };
}
