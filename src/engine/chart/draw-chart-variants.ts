import type { Cell, DataTable, Row } from "../data/data-table.ts";
import type { PreparedChart } from "./prepare-chart.ts";
import { preAggregateMarks } from "./data/pre-aggregate-marks.ts";
import { type ChartPayload, chartPayload, payloadData, serializePayload } from "./publish/chart-payload.ts";
import { type ChartSpec, facetDataId, markDataId } from "./spec/chart-spec.ts";
import { renderChartSvg } from "./render/render-chart-svg.ts";
import { variantWidths } from "./chart-widths.ts";
import type { ChartData } from "./render/spec-to-plot.ts";

export interface ChartVariant {
  /** The width Plot drew at, in px. */
  width: number;
  markup: string;
}

/** A chart's drawings, and what the browser draws it again from. */
export interface ChartDrawing {
  variants: ChartVariant[];
  /** The spec and rows the narrow drawing and the browser use: the reduced ones when a payload of groups draws the same. */
  drawFrom: { spec: ChartSpec; rows: ChartData; payload?: ChartPayload };
  /** What Plot warned about (console.warn), once each. */
  warnings: string[];
}

/** Draws a prepared chart at each of its widths (the second stage of compileChart); what Plot throws is `failed`. */
export function drawChartVariants({ drawn, rows, tables, inline, domId }: PreparedChart, lang: string): ChartDrawing | { failed: string } {
  const variants: ChartVariant[] = [];
  let drawFrom: { spec: ChartSpec; rows: ChartData; payload?: ChartPayload } = { spec: drawn, rows };
  const warnings: string[] = [];
  const originalWarn = console.warn;
  try {
    // Plot reports suspicious data through console.warn; editors should see it as a warning instead.
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" ").replace(/^Warning:\s*/, ""));
    const [wide, ...narrower] = variantWidths(drawn);
    const render = (chart: ChartSpec, data: ChartData, width: number) => renderChartSvg(chart, data, { idPrefix: `${domId}-${width}`, width, lang: lang });
    variants.push({ width: wide!, markup: render(drawn, rows, wide!) });
    const lean = aggregatedPayload(drawn, rows, tables, inline, (chart, data) => render(chart, data, wide!) === variants[0]!.markup);
    if (lean) drawFrom = lean;
    // The narrow drawing comes from what the browser gets: the same picture, from fewer rows when reduced.
    for (const width of narrower) variants.push({ width, markup: render(drawFrom.spec, drawFrom.rows, width) });
  } catch (error) {
    return { failed: (error instanceof Error ? error.message : String(error)).replace(/\.$/, "") };
  } finally {
    console.warn = originalWarn;
  }
  return { variants, drawFrom, warnings: [...new Set(warnings)] };
}

/**
 * The payload of a chart whose grouping and binning marks are evaluated here (pre-aggregate-marks.ts):
 * the reduced rows instead of the source rows. Used only when the chart drawn from exactly what the
 * browser would get (the payload, through JSON) is the chart drawn from the source (`drawsSame`);
 * otherwise undefined, and the payload holds the source rows as before.
 */
function aggregatedPayload(
  spec: ChartSpec,
  rows: ChartData,
  tables: ReadonlyMap<string, DataTable>,
  inline: ReadonlyMap<string, (Row | Cell)[]>,
  drawsSame: (spec: ChartSpec, data: ChartData) => boolean,
): { spec: ChartSpec; rows: ChartData; payload: ChartPayload } | undefined {
  try {
    const reduced = preAggregateMarks(spec, rows);
    if (!reduced) return undefined;
    const used = new Set([...reduced.spec.marks.map((mark) => markDataId(reduced.spec, mark)), facetDataId(reduced.spec)]);
    const kept = new Map([...[...tables].filter(([id]) => used.has(id)), ...reduced.tables]);
    const payload = chartPayload(reduced.spec, kept, inline);
    const data = payloadData(JSON.parse(serializePayload(payload)) as ChartPayload);
    return drawsSame(reduced.spec, data) ? { spec: reduced.spec, rows: data, payload } : undefined;
  } catch {
    // Plot could not evaluate a transform on its own: the chart keeps its source rows.
    return undefined;
  }
}

