import type { CompiledChart } from "../compiled-chart.ts";

/** A drawn and published chart as a cache keeps it: the chart, and what Plot warned while drawing it. */
export interface CachedChart {
  chart: CompiledChart;
  warnings: string[];
}

/**
 * Charts kept between compiles by what decides them (chart-cache-key.ts), so that a story compiled again
 * because one of its charts, a sentence, or one of its data files changed draws only the charts whose
 * spec or data changed. The engine only asks; where and how charts are kept is the caller's
 * (project/chart-cache-store.ts keeps them in .plotline/cache/charts/).
 */
export interface ChartCache {
  get(key: string): CachedChart | undefined;
  set(key: string, chart: CachedChart): void;
}
