import { parseIsoDate } from "../../iso-date.ts";
import { type ChartSpec, isJsonObject } from "../spec/chart-spec.ts";

/** The mark options that put values on each position scale. */
const channelsOf: Readonly<Record<string, readonly string[]>> = { x: ["x", "x1", "x2"], y: ["y", "y1", "y2"], fx: ["fx"], fy: ["fy"] };

/**
 * A domain written as dates on a scale that draws dates (`x: {domain: [2020, 2024]}` zooms a chart of
 * years; `[2020-01, 2024-06]` too) becomes Dates, in `options` (Plot's, a copy of the spec's): YAML gives
 * numbers and texts, and Plot would read 2020 as milliseconds and "2020-01" as a category. The same
 * here and in the browser, which draws from the same spec. Values that are not dates are left alone.
 */
export function withDateDomains(options: Record<string, unknown>, spec: ChartSpec, markRows: (index: number) => readonly unknown[] | undefined): void {
  for (const [scale, channels] of Object.entries(channelsOf)) {
    const scaleOptions = options[scale];
    if (!isJsonObject(scaleOptions) || !Array.isArray(scaleOptions["domain"])) continue;
    const domain = scaleOptions["domain"];
    const dates = domain.map((value) =>
      typeof value === "number" && Number.isInteger(value) ? parseIsoDate(String(value), true)?.date : typeof value === "string" ? parseIsoDate(value, true)?.date : undefined,
    );
    if (dates.length === 0 || dates.some((date) => date === undefined)) continue;
    if (!drawsDates(spec, channels, markRows)) continue;
    (options[scale] as Record<string, unknown>)["domain"] = dates;
  }
}

/** Whether a mark puts a column of dates on the scale (its first value that is not missing is a Date). */
function drawsDates(spec: ChartSpec, channels: readonly string[], markRows: (index: number) => readonly unknown[] | undefined): boolean {
  return spec.marks.some((mark, index) => {
    if (/^(axis|grid)/.test(mark.mark)) return false;
    const columns = channels.map((channel) => mark.options[channel]).filter((value): value is string => typeof value === "string");
    if (columns.length === 0) return false;
    const rows = markRows(index) ?? [];
    return columns.some((column) => {
      for (const row of rows) {
        const value = typeof row === "object" && row !== null ? (row as Record<string, unknown>)[column] : undefined;
        if (value === null || value === undefined) continue;
        return value instanceof Date;
      }
      return false;
    });
  });
}
