import { join } from "node:path";
import { cachedRasterizer } from "../image/png-cache.ts";
import type { Rasterizer } from "../image/rasterize-svg.ts";

/** Where a project keeps PNGs it has drawn, by content hash (see png-cache.ts), relative to its root. */
export const pngCacheDir = ".plotline/cache/png";

const rasterizers = new Map<string, Rasterizer>();

/**
 * What compileStory needs to draw a project's PNGs (chart downloads, social cards): a rasterizer with
 * the project's cache, one per process or worker thread. plotline check draws them too (a PNG that
 * cannot be drawn fails both), and what it draws is in the cache for the build.
 */
export function imageOptions(root: string): { rasterize: Rasterizer } {
  let rasterize = rasterizers.get(root);
  if (!rasterize) rasterizers.set(root, (rasterize = cachedRasterizer(join(root, pngCacheDir))));
  return { rasterize };
}

/** Whether plotline.config.mjs asks for build-time chart PNGs (`export const images = { chartPng: true }`). */
export function readChartPngs(images: unknown): boolean {
  return typeof images === "object" && images !== null && (images as { chartPng?: unknown }).chartPng === true;
}
