import type { Png } from "./image/rasterize-svg.ts";

/** A file the site serves beside a story's page: a chart's payload, CSV, SVG or PNG, or the social card. */
export interface ChartAsset {
  /** Path under the site root, e.g. "_plotline/payloads/3f2a….json". */
  path: string;
  /** Text (JSON, CSV, SVG), or a PNG as bytes or as the file that holds them (see Png). */
  content: string | Png;
}
