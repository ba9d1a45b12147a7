import type { StoryData } from "../data/story-data.ts";
import type { Rasterizer } from "../image/rasterize-svg.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { AdditionSwitches } from "./spec/addition-switches.ts";
import type { ChartCache } from "./chart-cache.ts";

/** What compiling one chart block needs from its story and project (see compile-chart.ts). */
export interface ChartContext {
  data: ReadonlyMap<string, StoryData>;
  lang: string;
  storySlug: string;
  /** Ids of the charts compiled so far in this story. */
  usedIds: ReadonlySet<string>;
  /** Ids given with id= anywhere in the story: ids made from titles keep clear of them. */
  reservedIds?: ReadonlySet<string>;
  /** The site's base path ("/" or "/newsroom/"), for the URLs of chart files. */
  assetBase?: string;
  /** The site's address ("https://news.example.com"): with it, each figure offers its embed code (absolute URLs). */
  site?: string | undefined;
  /** Ids of data blocks that exist but could not be read (already reported): charts on them are skipped. */
  failedData?: ReadonlySet<string>;
  /** Draws the chart's downloadable PNG; without one, charts offer the SVG download only. */
  rasterize?: Rasterizer | undefined;
  /** The site's house style: which of Plotline's additions are on (plotline.config.mjs `additions`); a chart's `plotline:` wins. */
  additions?: AdditionSwitches | undefined;
  /** The chart blocks this one extends (extends=), nearest first: its YAML is laid over theirs. */
  bases?: readonly StoryBlock[];
  /** Charts drawn before, by what decides them (chart-cache.ts): one prepared alike is not drawn again. */
  chartCache?: ChartCache | undefined;
}
