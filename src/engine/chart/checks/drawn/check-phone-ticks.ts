/**
 * On a phone the chart is drawn 300 px wide (draw-chart-variants.ts). Plot picks fewer ticks there by
 * itself, but ticks the editor asked for (ticks: 40, or an interval of months over ten years) are all
 * drawn, and more than about 20 labels across 300 px overlap into a grey band.
 */
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { variantWidths } from "../../chart-widths.ts";
import type { JsonValue } from "../../spec/chart-spec.ts";
import { type DrawnChart, columnsOnScale, drawnRows, scaleOptions } from "./drawn-chart.ts";
import { scaleSteps } from "./scale-steps.ts";

/** About as many short labels as fit across a phone's drawing without touching. */
const MAX_PHONE_LABELS = 20;

export function checkPhoneTicks(chart: DrawnChart): Diagnostic[] {
  const options = scaleOptions(chart.spec, "x");
  if (options["axis"] === null || options["tickRotate"] !== undefined) return [];
  const width = Math.min(...variantWidths(chart.spec));
  for (const option of ["ticks", "interval"] as const) {
    const labels = labelCount(chart, option, options[option]);
    if (labels === undefined || labels <= MAX_PHONE_LABELS) continue;
    // An interval labels each step only when the editor has not chosen the ticks.
    if (option === "interval" && options["ticks"] !== undefined) continue;
    return [diagnostic("plot/crowded-phone-axis", { scale: "x", option, labels, max: MAX_PHONE_LABELS, width }, chart.locate(["x", option]))];
  }
  return [];
}

/** How many ticks an x scale's `ticks` or `interval` option makes over the chart's data. */
function labelCount(chart: DrawnChart, option: "ticks" | "interval", value: JsonValue | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length;
  // ticks: 30 asks for about 30 ticks (d3 rounds to a nice step); an interval makes one per step.
  if (option === "ticks" && typeof value === "number") return Math.round(value);
  const values = columnsOnScale(chart, "x").flatMap(({ table, column, mark }) => drawnRows(mark, table).map((row) => row[column.name] ?? null));
  return scaleSteps(value, values)?.steps.length;
}
