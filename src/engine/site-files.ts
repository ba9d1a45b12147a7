import type { Png } from "./image/rasterize-svg.ts";

/**
 * Where the files Plotline writes beside the pages go, by path under the site root (without the base):
 * all under one folder, _plotline/, that no page or file of public/ is meant to share.
 */
export const PLOTLINE_FOLDER = "_plotline/";

/** A file the site serves beside a story's page: a chart's payload, CSV, SVG or PNG, or the social card. */
export interface ChartAsset {
  /** Path under the site root, e.g. "_plotline/payloads/3f2a….json". */
  path: string;
  /** Text (JSON, CSV, SVG), or a PNG as bytes or as the file that holds them (see Png). */
  content: string | Png;
}

/** The folder of chart payloads too large to inline. They are named by their content, so hosts may cache them for ever. */
export const PAYLOAD_FOLDER = `${PLOTLINE_FOLDER}payloads/`;

/** A chart payload, named by (a hash of) its content. */
export const payloadPath = (name: string): string => `${PAYLOAD_FOLDER}${name}.json`;

/** The data behind a chart, as a CSV for readers to download. */
export const chartCsvPath = (storySlug: string, chartId: string): string => `${PLOTLINE_FOLDER}data/${storySlug}/${chartId}.csv`;

/** A chart as a standalone SVG or PNG for readers to download. */
export const chartImagePath = (storySlug: string, chartId: string, extension: "svg" | "png"): string =>
  `${PLOTLINE_FOLDER}charts/${storySlug}/${chartId}.${extension}`;

/** A story's social card, the picture shown when it is shared. */
export const socialCardPath = (slug: string): string => `${PLOTLINE_FOLDER}cards/${slug}.png`;

/** The host page's script that sizes Plotline iframes (a file of public/). */
export const EMBED_SCRIPT_PATH = `${PLOTLINE_FOLDER}embed.js`;
