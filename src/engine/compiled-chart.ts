import type { ChartSpec } from "./chart/spec/chart-spec.ts";
import type { ChartAsset } from "./site-files.ts";

/** What compileChart (chart/compile-chart.ts) gives back for one chart block that could be drawn. */
export interface CompiledChart {
  id: string;
  /** DOM id of the figure in the story page. */
  domId: string;
  title?: string;
  spec: ChartSpec;
  /** Columns of each data id that the chart's expressions read (the spec names only the computed columns). */
  expressionColumns?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The whole <figure>, with the chart as SVG. */
  html: string;
  /** The chart alone (SVG, or legend and SVG), for embeds and downloads. */
  chartMarkup: string;
  /** A file the page needs next to it: the spec and data of a chart too large to inline. */
  asset?: ChartAsset;
  /** The chart's data as a CSV file for readers ("Get the data"). */
  csv?: ChartAsset;
  /** The chart as a standalone SVG file with its title, notes and source, for readers to download. */
  svg?: ChartAsset;
  /** The same as a PNG at 2×, when the compile was given a rasterizer. */
  png?: ChartAsset;
  /** The chart's `highlight:` column and the values it can light, for the prose's :mark[…]. */
  highlight?: { by: string; keys: string[] };
}
