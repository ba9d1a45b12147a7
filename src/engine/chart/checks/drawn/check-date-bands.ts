/**
 * A bar or cell mark over a column of dates gets a band scale, one band per date (band-date-scales.ts):
 * right for 12 months or 20 years, a smear for 1,700 months of temperatures. Reported at the mark's
 * channel when the bands would be thinner than a few pixels.
 */
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { bandScalesOf } from "../../defaults/band-date-scales.ts";
import { type DrawnChart, drawnRows, placedColumn, scaleOptions } from "./drawn-chart.ts";
import { DEFAULT_WIDTH } from "../../chart-widths.ts";

/** More bands than this, at 640 px, are under 5 px each: no longer bars, and no label fits under them. */
const MAX_DATE_BANDS = 120;
const YEAR = 365.25 * 24 * 3600 * 1000;

export function checkDateBands(chart: DrawnChart): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  chart.spec.marks.forEach((mark, index) => {
    for (const scale of bandScalesOf[mark.mark] ?? []) {
      const options = scaleOptions(chart.spec, scale);
      if (reported.has(scale) || options["type"] !== "band" || options["interval"] !== undefined) continue;
      const placed = placedColumn(chart, mark, scale);
      if (!placed || placed.column.type !== "date") continue;
      const times = new Set<number>();
      let first = Infinity;
      let last = -Infinity;
      for (const row of drawnRows(mark, placed.table)) {
        const value = row[placed.column.name];
        if (!(value instanceof Date)) continue;
        times.add(value.getTime());
        first = Math.min(first, value.getTime());
        last = Math.max(last, value.getTime());
      }
      if (times.size <= MAX_DATE_BANDS) continue;
      const span = (last - first) / YEAR;
      const width = typeof chart.spec.options["width"] === "number" ? chart.spec.options["width"] : DEFAULT_WIDTH;
      reported.add(scale);
      diagnostics.push(
        diagnostic(
          "plot/too-many-bands",
          {
            scale,
            column: placed.column.name,
            bands: times.size,
            width: Math.round(((width - 60) / times.size) * 10) / 10,
            interval: span > 20 ? "5 years" : span > 3 ? "year" : span > 0.5 ? "month" : "week",
          },
          chart.locate([...chart.markPath(index), scale]),
        ),
      );
    }
  });
  return diagnostics;
}
