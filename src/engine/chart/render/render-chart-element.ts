import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "../spec/chart-spec.ts";
import { specToPlotOptions, type ChartData } from "./spec-to-plot.ts";
import { tidyPlotElement } from "./tidy-plot-element.ts";

/**
 * Draws a chart with Plot into `document` (the page's, or a server-side one) and tidies it: the one
 * drawing routine of both the build and the browser. Throws what Plot throws.
 */
export function renderChartElement(
  spec: ChartSpec,
  data: ChartData,
  options: { document: Document; width?: number; lang?: string; interactive?: boolean },
): Element {
  let plot: Element;
  try {
    plot = Plot.plot(specToPlotOptions(spec, data, options)) as unknown as Element;
  } catch (error) {
    // Plot counts warnings in module state and resets it only when a plot completes; a throw mid-way
    // would leak a warning into the next chart. A plot of nothing completes and clears it.
    Plot.plot({ document: options.document, marks: [] });
    throw error;
  }
  return tidyPlotElement(plot);
}
