/**
 * A worker thread of startPngDrawing: draws the PNGs of the stories the main thread sends it, one story
 * at a time, into the PNG cache, then writes the story's cache entry, and asks for the next.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { keepPng } from "../image/png-cache.ts";
import { rasterizeSvg } from "../image/rasterize-svg.ts";
import { readStoredText } from "./file-store.ts";
import type { PendingPngs } from "./pending-pngs.ts";
import type { PngDrawReply } from "./png-drawing.ts";
import { writeStoryCacheFile } from "./story-cache-file.ts";

const { root } = workerData as { root: string };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function draw(story: PendingPngs): PngDrawReply {
  let drawn = 0;
  for (const png of story.pngs) {
    const file = join(root, png.file);
    // Drawn already: by another story with the same picture, or by a check or build meanwhile.
    if (existsSync(file)) continue;
    let bytes: Uint8Array;
    try {
      bytes = rasterizeSvg(readStoredText(root, png.svg), png.options);
    } catch (error) {
      return { failed: `could not draw ${png.path} for ${story.story}: ${reason(error)}` };
    }
    try {
      keepPng(file, bytes);
    } catch (error) {
      return { failed: `could not write ${png.path} (for ${story.story}) into ${dirname(png.file)}: ${reason(error)}` };
    }
    drawn++;
  }
  if (story.entry) writeStoryCacheFile(story.entry);
  const { user, system } = process.threadCpuUsage();
  return { drawn, cpuMs: (user + system) / 1000 };
}

parentPort?.on("message", (story: PendingPngs | null) => {
  if (story === null) return parentPort?.close();
  parentPort?.postMessage(draw(story));
});
