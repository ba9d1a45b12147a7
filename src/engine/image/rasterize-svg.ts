import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { encodePng } from "./encode-png.ts";
import { FONT_FAMILY, notoSansScFiles } from "./noto-sans-sc.ts";

export interface RasterizeOptions {
  /** Pixels per SVG unit: 2 (the default) for sharp images on high-density screens. */
  scale?: number;
  /** Draw with these font files instead of the Noto Sans SC subsets the text needs (tests: none at all). */
  fontFiles?: readonly string[];
}

/**
 * A PNG: its bytes, or the file that holds them. The PNG cache (png-cache.ts) answers with its file, so
 * a build hands thousands of PNGs from worker to output folder as paths, never holding them in memory.
 */
export type Png = Uint8Array | { file: string };

/** SVG (string) → PNG. The same function type is used with a cache in front (see png-cache.ts). */
export type Rasterizer = (svg: string, options?: RasterizeOptions) => Png;

/**
 * The most pixels a PNG may have (about 4,000 × 4,000). A chart an editor made 20,000 px wide would
 * otherwise need gigabytes at 2×; such drawings are scaled down to fit instead.
 */
export const MAX_PIXELS = 16_000_000;

/**
 * resvg compiled to WebAssembly, loaded once per process or worker (about 40 ms) when this module is
 * first imported. The native build (@resvg/resvg-js 2.6) was a little faster but never gave back the
 * memory of a drawing (6 MB a chart: a 300-story build reached 11 GB); here every drawing is freed
 * as soon as its pixels are read.
 */
const wasmFile = createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm");
// Astro's build loads this module a second time (through Vite) in the same process, where the
// WebAssembly is already set up and may only be initialised once.
const initialised = Symbol.for("plotline.resvg-wasm");
const holder = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;
await (holder[initialised] ??= initWasm(readFileSync(wasmFile)));
/** Part of the PNG cache key (see png-cache.ts): another resvg may draw differently. */
export const RESVG_VERSION = `resvg-wasm ${(JSON.parse(readFileSync(join(dirname(wasmFile), "package.json"), "utf8")) as { version: string }).version}`;

/** Font files read once per process: resvg is given their bytes for each drawing. */
const fontBytes = new Map<string, Uint8Array>();
const fontBuffer = (file: string): Uint8Array => {
  let bytes = fontBytes.get(file);
  if (!bytes) fontBytes.set(file, (bytes = new Uint8Array(readFileSync(file))));
  return bytes;
};

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
export const rasterizeSvg = (svg: string, options: RasterizeOptions = {}): Uint8Array => {
  const fontFiles = options.fontFiles ?? notoSansScFiles(drawnText(svg));
  const font = {
    loadSystemFonts: false,
    fontBuffers: fontFiles.map(fontBuffer),
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
    serifFamily: FONT_FAMILY,
    monospaceFamily: FONT_FAMILY,
  };
  const draw = (scale: number) => new Resvg(svg, { font, fitTo: { mode: "zoom", value: scale } });
  const requested = options.scale ?? 2;
  let resvg = draw(requested);
  // width and height are the SVG's own size; parsing again is needed only for oversized drawings.
  const fitting = Math.sqrt(MAX_PIXELS / Math.max(1, resvg.width * resvg.height));
  if (fitting < requested) {
    resvg.free();
    resvg = draw(fitting);
  }
  try {
    const image = resvg.render();
    try {
      return encodePng(image.width, image.height, image.pixels);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
};
