/**
 * A tickFormat chosen for other data can write the same label under every tick ("%Y" over three months
 * of days: 2024, 2024, 2024) or a crowd of decimals (".8f"). The ticks are worked out from the data the
 * way Plot does (d3's ticks over the scale's extent, one per 80 px across and 35 px up), not drawn.
 */
import { formatSpecifier, scaleLinear, scaleLog, scaleSqrt, scaleSymlog, scaleUtc } from "d3";
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { isTimeSpecifier, localizedFormat } from "../../../i18n/d3-locales.ts";
import { bandScalesOf } from "../../defaults/band-date-scales.ts";
import { variantWidths } from "../../chart-widths.ts";
import { type DrawnChart, columnsOnScale, drawnRows, scaleOptions } from "./drawn-chart.ts";

/** More decimals than this on an axis is noise: no reader takes in 0.000001. */
const MAX_DECIMALS = 5;
const DEFAULT_HEIGHT = 400;
/** Roughly what Plot's margins and insets take from the width or height. */
const MARGINS = 60;
const SPACING = { x: 80, y: 35 } as const;
/** Marks whose scale starts at zero (Plot stacks them from it). */
const FROM_ZERO = { x: /^(barX|areaX|rectX)$/, y: /^(barY|areaY|rectY)$/ } as const;

export function checkTickFormats(chart: DrawnChart): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const scale of ["x", "y"] as const) {
    const options = scaleOptions(chart.spec, scale);
    const format = options["tickFormat"];
    if (typeof format !== "string" || format === "") continue;
    const decimals = decimalsOf(format);
    if (decimals > MAX_DECIMALS) {
      diagnostics.push(diagnostic("plot/tick-format-decimals", { scale, format, decimals }, chart.locate([scale, "tickFormat"])));
      continue;
    }
    const ticks = tickValues(chart, scale);
    if (!ticks || ticks.length < 2) continue;
    const run = longestRun(ticks.map(localizedFormat(format, chart.lang)));
    if (run.length < 2) continue;
    diagnostics.push(diagnostic("plot/tick-format-repeats", { scale, format, text: run.text, ticks: run.length }, chart.locate([scale, "tickFormat"])));
  }
  return diagnostics;
}

/**
 * The longest stretch of neighbouring ticks written alike ("2024", "2024", "2024"). Labels that come
 * round again further on ("Apr" of two years, with months between) are a cycle readers follow, not this.
 */
function longestRun(labels: readonly string[]): { text: string; length: number } {
  let best = { text: "", length: 0 };
  for (let i = 0, start = 0; i < labels.length; i++) {
    if (labels[i] !== labels[start]) start = i;
    if (i - start + 1 > best.length) best = { text: labels[i]!, length: i - start + 1 };
  }
  return best;
}

/** The decimals a number format writes on every value (".6f" → 6, ".2%" → 2); 0 for dates and significant digits. */
function decimalsOf(format: string): number {
  if (isTimeSpecifier(format) || format === "compact" || format === "percent") return 0;
  try {
    const specifier = formatSpecifier(format);
    return ["f", "%", "e"].includes(specifier.type) ? (specifier.precision ?? 0) : 0;
  } catch {
    return 0;
  }
}

/** The ticks Plot would put on a continuous scale of numbers or dates, at the chart's widest drawing. */
function tickValues(chart: DrawnChart, scale: "x" | "y"): (number | Date)[] | undefined {
  const options = scaleOptions(chart.spec, scale);
  const type = options["type"];
  if (type !== undefined && !["linear", "log", "sqrt", "symlog", "utc", "time"].includes(String(type))) return undefined;
  if (options["ticks"] !== undefined && typeof options["ticks"] !== "number") return undefined;
  // An interval, or a bar or cell over the scale, makes it a band scale: one label per value, not ticks.
  if (options["interval"] !== undefined || chart.spec.marks.some((m) => bandScalesOf[m.mark]?.includes(scale))) return undefined;
  const placed = columnsOnScale(chart, scale);
  const types = new Set(placed.map((p) => p.column.type));
  if (placed.length === 0 || types.size !== 1) return undefined;
  const dates = types.has("date");
  if (!dates && !types.has("number")) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const { table, column, mark } of placed) {
    for (const row of drawnRows(mark, table)) {
      const value = row[column.name];
      const n = value instanceof Date ? value.getTime() : typeof value === "number" ? value : NaN;
      if (Number.isFinite(n)) (lo = Math.min(lo, n)), (hi = Math.max(hi, n));
    }
  }
  if (!Number.isFinite(lo) || lo === hi) return undefined;
  if (!dates && (options["zero"] === true || chart.spec.marks.some((m) => FROM_ZERO[scale].test(m.mark)))) (lo = Math.min(lo, 0)), (hi = Math.max(hi, 0));
  const domain = options["domain"];
  if (Array.isArray(domain) && domain.length === 2 && domain.every((d) => typeof d === "number")) [lo, hi] = domain as [number, number];
  const extent = scale === "x" ? Math.max(...variantWidths(chart.spec)) : typeof chart.spec.options["height"] === "number" ? chart.spec.options["height"] : DEFAULT_HEIGHT;
  const count = typeof options["ticks"] === "number" ? options["ticks"] : (extent - MARGINS) / SPACING[scale];
  if (dates) return scaleUtc().domain([new Date(lo), new Date(hi)]).ticks(count);
  const d3Scale = type === "log" && lo > 0 ? scaleLog() : type === "sqrt" ? scaleSqrt() : type === "symlog" ? scaleSymlog() : scaleLinear();
  return d3Scale.domain([lo, hi]).ticks(count);
}
