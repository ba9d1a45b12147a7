import type { ChartSpec } from "./spec/chart-spec.ts";

/**
 * Charts are drawn twice: at their full width for wide screens, and at 300 px for phones, where a 640 px
 * chart scaled down to fit would have 5 px text. The page shows one or the other with a container
 * query (see the stylesheet), so every reader gets legible text without JavaScript.
 */
export const NARROW_WIDTH = 300;
/** Plot's width when the chart gives none. */
export const DEFAULT_WIDTH = 640;

/** The width a chart is drawn at on wide screens: its own, else Plot's default. */
export const chartWidth = (spec: ChartSpec): number => (typeof spec.options["width"] === "number" ? spec.options["width"] : DEFAULT_WIDTH);

/** The widths to draw a chart at: its own width, and a narrow one unless it is narrow already. */
export function variantWidths(spec: ChartSpec): number[] {
  const width = chartWidth(spec);
  return width > NARROW_WIDTH * 1.25 ? [width, NARROW_WIDTH] : [width];
}
