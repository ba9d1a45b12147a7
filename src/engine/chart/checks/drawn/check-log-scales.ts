/**
 * A log scale has no place for zero or a negative value: Plot maps them to -Infinity or NaN, and the
 * dot or bar is drawn off the chart or not at all. Reported at the scale's `type: log`.
 */
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { type DrawnChart, columnsOnScale, drawnRows, scaleOptions } from "./drawn-chart.ts";

export function checkLogScales(chart: DrawnChart): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const scale of ["x", "y"] as const) {
    if (scaleOptions(chart.spec, scale)["type"] !== "log") continue;
    for (const { table, column, mark } of columnsOnScale(chart, scale)) {
      if (column.type !== "number") continue;
      const values = drawnRows(mark, table).map((row) => row[column.name]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      const below = values.filter((v) => v <= 0);
      if (below.length === 0) continue;
      const smallest = below.reduce((a, b) => Math.min(a, b));
      diagnostics.push(
        diagnostic("plot/log-scale-nonpositive", { scale, column: column.name, count: below.length, total: values.length, smallest }, chart.locate([scale, "type"])),
      );
      break; // One column is enough to show the scale cannot hold the data.
    }
  }
  return diagnostics;
}
