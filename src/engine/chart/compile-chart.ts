import type { CompiledChart } from "../compiled-chart.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { ChartContext } from "./chart-context.ts";
import { prepareChart } from "./prepare-chart.ts";
import { publishChart } from "./publish-chart.ts";
import { drawChartVariants } from "./draw-chart-variants.ts";
import { chartCacheKey } from "./chart-cache-key.ts";

export type { ChartContext };

/** Where the time of one chart went, in milliseconds. */
export interface ChartTimings {
  check: number;
  render: number;
  html: number;
  /** The downloadable SVG and PNG. */
  images: number;
}

/**
 * Reads, checks and renders one chart block, in three stages: prepare (read, check, add Plotline's
 * defaults: prepare-chart.ts), draw (at each width: draw-chart-variants.ts), publish (figure,
 * payload, data, embed code, downloads: publish/publish-chart.ts). Every failure, including Plot's own,
 * becomes a diagnostic. With a chart cache in the context, a chart prepared exactly as one drawn before
 * (chart-cache-key.ts) is taken from it instead of drawn and published again.
 */
export function compileChart(block: StoryBlock, context: ChartContext): { chart?: CompiledChart; diagnostics: Diagnostic[]; timings: ChartTimings } {
  const started = performance.now();
  const timings: ChartTimings = { check: 0, render: 0, html: 0, images: 0 };
  const { prepared, diagnostics } = prepareChart(block, context);
  timings.check = performance.now() - started;
  if (!prepared) return { diagnostics, timings };

  const cacheKey = context.chartCache ? chartCacheKey(prepared, context) : undefined;
  const cached = cacheKey === undefined ? undefined : context.chartCache!.get(cacheKey);
  if (cached) {
    for (const warning of cached.warnings) diagnostics.push(diagnostic("plot/plot-warning", { detail: warning }, block.fenceSpan));
    return { chart: cached.chart, diagnostics, timings };
  }

  const renderStarted = performance.now();
  const drawing = drawChartVariants(prepared, context.lang);
  timings.render = performance.now() - renderStarted;
  if ("failed" in drawing) return { diagnostics: [...diagnostics, diagnostic("plot/render-failed", { detail: drawing.failed }, block.fenceSpan)], timings };
  // Both drawings usually warn alike; the editor hears each warning once.
  for (const warning of drawing.warnings) diagnostics.push(diagnostic("plot/plot-warning", { detail: warning }, block.fenceSpan));

  const htmlStarted = performance.now();
  const { chart, imagesMs } = publishChart(prepared, drawing, context);
  timings.images = imagesMs;
  timings.html = performance.now() - htmlStarted - imagesMs;
  if (cacheKey !== undefined) context.chartCache!.set(cacheKey, { chart, warnings: drawing.warnings });
  return { chart, diagnostics, timings };
}
