import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { threadId } from "node:worker_threads";
import { FONT_VERSION } from "./noto-sans-sc.ts";
import { RESVG_VERSION, rasterizeSvg, type RasterizeOptions, type Rasterizer } from "./rasterize-svg.ts";

const encoder = "node-zlib-png 2";
/** What else decides a PNG besides its SVG and scale: the renderer and the fonts. */
const RENDERER = `${RESVG_VERSION}; ${encoder}; ${FONT_VERSION}`;

/**
 * The file in the PNG cache `dir` that holds the PNG of this SVG drawn with these options, named by a
 * hash of what decides it (the SVG, the scale, the renderer's and fonts' versions), whether it has been
 * drawn yet or not.
 */
export function pngCacheFile(dir: string, svg: string, options: RasterizeOptions = {}): string {
  const key = createHash("sha256")
    .update(`${RENDERER}\n${options.scale ?? 2}\n${options.fontFiles?.join("\n") ?? ""}\n`)
    .update(svg)
    .digest("hex")
    .slice(0, 32);
  return resolve(dir, `${key}.png`);
}

/**
 * Puts a drawn PNG at its place in the cache: written beside it and renamed into place whole, so a file
 * under its cache name is always complete, whoever reads it and whenever a build is stopped.
 */
export function keepPng(file: string, png: Uint8Array): void {
  // Made for every new PNG (a few µs against 30 ms of drawing): the folder may be deleted meanwhile.
  mkdirSync(resolve(file, ".."), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}

/**
 * A rasterizer that keeps every PNG it makes in `dir` (see pngCacheFile): a chart that has not changed
 * is found there by the next build instead of being drawn again (drawing one costs 15–30 ms). It answers
 * with the entry's file, which the build copies into the site at its end. Entries are never stale, only
 * unused; deleting the folder between builds is always safe.
 */
export function cachedRasterizer(dir: string, rasterize: Rasterizer = rasterizeSvg): Rasterizer {
  return (svg, options = {}) => {
    const file = pngCacheFile(dir, svg, options);
    // Entries are renamed into place whole (keepPng), so one that exists is complete.
    if (existsSync(file)) return { file };
    const png = rasterize(svg, options);
    if (!(png instanceof Uint8Array)) return png;
    try {
      keepPng(file, png);
      // The file, not the bytes: they are dropped here and copied into the site at the end of the build.
      return { file };
    } catch {
      // A cache that cannot be written only costs time on the next build; this build keeps the bytes.
      return png;
    }
  };
}
