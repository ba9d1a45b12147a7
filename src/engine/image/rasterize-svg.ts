import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY, notoSansScFiles } from "./noto-sans-sc.ts";

export interface RasterizeOptions {
  /** Pixels per SVG unit: 2 (the default) for sharp images on high-density screens. */
  scale?: number;
  /** Draw with these font files instead of the Noto Sans SC subsets the text needs (tests: none at all). */
  fontFiles?: readonly string[];
}

/** SVG (string) → PNG (bytes). The same function type is used with a cache in front (see png-cache.ts). */
export type Rasterizer = (svg: string, options?: RasterizeOptions) => Uint8Array;

/**
 * The most pixels a PNG may have (about 4,000 × 4,000). A chart an editor made 20,000 px wide would
 * otherwise need gigabytes at 2×; such drawings are scaled down to fit instead.
 */
export const MAX_PIXELS = 16_000_000;

/**
 * resvg's drawings and pixel buffers live outside the JavaScript heap, which the garbage collector
 * does not count, so it runs too seldom to free them: a build of 1,500 charts held 10 GB. A collection
 * is asked for after every 256 MB or so of drawings (a few ms each time).
 */
const COLLECT_AFTER_BYTES = 256 * 1024 * 1024;
let drawnBytes = 0;
let collect: (() => void) | undefined;
function collectNow(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

/** The characters an SVG draws: its text content, without the <title> and <desc> no one sees. */
function drawnText(svg: string): string {
  const visible = svg.replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, "");
  let text = "";
  for (const match of visible.matchAll(/>([^<]+)</g)) text += match[1];
  return text.replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, digits: string) => String.fromCodePoint(parseInt(digits, hex ? 16 : 10)));
}

/**
 * Draws an SVG as a PNG with resvg, using only fonts shipped on npm (no system fonts: a build draws the
 * same picture on every machine). resvg's own XML parser is strict, so this throws on SVG that is not
 * well-formed XML.
 */
export const rasterizeSvg: Rasterizer = (svg, options = {}) => {
  const fontFiles = options.fontFiles ?? notoSansScFiles(drawnText(svg));
  const fonts = {
    loadSystemFonts: false,
    fontFiles: [...fontFiles],
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
    serifFamily: FONT_FAMILY,
    monospaceFamily: FONT_FAMILY,
  };
  const draw = (scale: number) => new Resvg(svg, { font: fonts, logLevel: "off", fitTo: { mode: "zoom", value: scale } });
  const requested = options.scale ?? 2;
  let resvg = draw(requested);
  // width and height are the SVG's own size; parsing again is needed only for oversized drawings.
  const fitting = Math.sqrt(MAX_PIXELS / Math.max(1, resvg.width * resvg.height));
  if (fitting < requested) resvg = draw(fitting);
  const png = resvg.render().asPng();
  drawnBytes += resvg.width * resvg.height * (fitting < requested ? fitting : requested) ** 2 * 4 + svg.length * 4;
  if (drawnBytes > COLLECT_AFTER_BYTES) {
    drawnBytes = 0;
    collectNow();
  }
  // A copy in a buffer of its own: it can then be handed to another thread (see compile-worker.ts).
  return new Uint8Array(png);
};
