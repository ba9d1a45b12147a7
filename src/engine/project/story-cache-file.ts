import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { threadId } from "node:worker_threads";

/**
 * A story-cache entry as it goes on disk (see story-cache.ts): its file and its bytes, header included.
 * A build that draws a story's PNGs after compiling it (deferred-rasterizer.ts) holds the entry in this
 * form and writes it once they are drawn, so the cache never names a PNG that is not there.
 */
export interface StoryCacheFile {
  file: string;
  bytes: Uint8Array;
}

/** Writes an entry whole: renamed into place, so a build never reads half an entry. */
export function writeStoryCacheFile({ file, bytes }: StoryCacheFile): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}
