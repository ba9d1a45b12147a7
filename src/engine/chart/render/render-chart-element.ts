import * as Plot from "@observablehq/plot";
import { axisMarkOf, isJsonObject, scaleOrAxisOption, type ChartSpec } from "../spec/chart-spec.ts";
import { separateLabels } from "./label-collisions.ts";
import { specToPlotOptions, type ChartData } from "./spec-to-plot.ts";
import { thinLegendTicks, thinTickLabels, unseparateYears } from "./tick-thinning.ts";
import { chartSvgOf, tidyPlotElement } from "./tidy-plot-element.ts";
import { markHighlight } from "./highlight-keys.ts";

/** Plotline's additions made once Plot has drawn, at the width drawn at: each on unless switched off. */
export interface DrawnAdditions {
  /** Tick thinning: band, point, ordinal and time axes keep the labels that fit (tick-thinning.ts). */
  tickThinning?: boolean;
  /** Label collisions: text labels moved apart or left out, never drawn on each other (label-collisions.ts). */
  labelCollisions?: boolean;
}

export interface RenderElementOptions extends DrawnAdditions {
  document: Document;
  width?: number;
  lang?: string;
  interactive?: boolean;
}

/**
 * Draws a chart with Plot into `document` (the page's, or a server-side one) and tidies it: the one
 * drawing routine of both the build and the browser. Throws what Plot throws.
 */
export function renderChartElement(spec: ChartSpec, data: ChartData, options: RenderElementOptions): Element {
  let plot: Element;
  try {
    plot = Plot.plot(specToPlotOptions(spec, data, options)) as unknown as Element;
  } catch (error) {
    // Plot counts warnings in module state and resets it only when a plot completes; a throw mid-way
    // would leak a warning into the next chart. A plot of nothing completes and clears it.
    Plot.plot({ document: options.document, marks: [] });
    throw error;
  }
  const tidied = tidyPlotElement(plot);
  markHighlight(chartSvgOf(tidied), spec.highlight);
  // The chart's own switches (its plotline: or the house style, in the spec) over the caller's.
  const off = new Set(spec.drawnAdditionsOff ?? []);
  fitText(tidied, spec, {
    tickThinning: options.tickThinning !== false && !off.has("tickThinning"),
    labelCollisions: options.labelCollisions !== false && !off.has("labelCollisions"),
  });
  return tidied;
}

/**
 * Plotline's additions to what Plot drew, where the width is known: the same here and in the browser,
 * which draws the chart again at the same width. Years on a band axis lose their thousands separator
 * whatever the switches say (Plot's "1,880" is a number format, not a year).
 */
export function fitText(plot: Element, spec: ChartSpec, additions: DrawnAdditions = {}): void {
  const svg = chartSvgOf(plot);
  if (!svg) return;
  const scales = (plot as unknown as { scale?: (name: string) => { type?: string; domain?: unknown[] } | undefined }).scale;
  const scaleOf = (name: string) => {
    try {
      return scales?.call(plot, name);
    } catch {
      return undefined;
    }
  };
  unseparateYears(svg, scaleOf, scalesWithOption(spec, "tickFormat"));
  if (additions.tickThinning !== false) {
    thinTickLabels(svg, editorTicks(spec));
    const color = spec.options["color"];
    if (!isJsonObject(color) || color["ticks"] === undefined) thinLegendTicks(plot);
  }
  if (additions.labelCollisions !== false) separateLabels(svg);
}

/** The position scales for which the spec sets `option` in the scale's options. */
function scalesWithOption(spec: ChartSpec, option: string): Set<string> {
  const scales = new Set<string>();
  for (const scale of ["x", "y", "fx", "fy"]) {
    const options = spec.options[scale];
    if (isJsonObject(options) && options[option] !== undefined) scales.add(scale);
  }
  return scales;
}

/** The scales whose ticks the editor chose: `ticks` of the scale, or `ticks` or `interval` of an axis mark. */
function editorTicks(spec: ChartSpec): Set<string> {
  const scales = new Set<string>();
  for (const [scale, axis] of Object.entries(axisMarkOf)) {
    const chosen = scaleOrAxisOption(spec, scale, "ticks") !== undefined || spec.marks.some((mark) => mark.mark === axis && mark.options["interval"] !== undefined);
    if (chosen) scales.add(scale);
  }
  return scales;
}
