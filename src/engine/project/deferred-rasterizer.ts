import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { pngCacheFile } from "../image/png-cache.ts";
import type { RasterizeOptions, Rasterizer } from "../image/rasterize-svg.ts";
import { storeFile } from "./file-store.ts";
import { pngCacheDir } from "./image-options.ts";

/** A PNG left to draw: everything a thread needs to draw it without the story. */
export interface PngJob {
  /** The SVG, in the project's file store (root-relative). */
  svg: string;
  options: RasterizeOptions;
  /** Where it goes in the PNG cache (root-relative), the file the compiled story already names. */
  file: string;
}

/**
 * A rasterizer for a build's compile workers that draws nothing: it answers with the file a PNG will have
 * in the project's PNG cache (png-cache.ts), and notes a job for each one not there yet, its SVG in the
 * file store, for another thread to draw while Astro writes pages (png-drawing.ts). A PNG already in the
 * cache costs nothing, as with cachedRasterizer; what is drawn later is the same bytes.
 */
export function deferredRasterizer(root: string): { rasterize: Rasterizer; takeJobs: () => PngJob[] } {
  const dir = join(root, pngCacheDir);
  let jobs: PngJob[] = [];
  return {
    rasterize: (svg, options = {}) => {
      const file = pngCacheFile(dir, svg, options);
      if (!existsSync(file)) jobs.push({ svg: storeFile(root, svg), options, file: relative(root, file).split("\\").join("/") });
      return { file };
    },
    /** The jobs noted since the last call: a worker takes them after each story. */
    takeJobs: () => {
      const taken = jobs;
      jobs = [];
      return taken;
    },
  };
}
