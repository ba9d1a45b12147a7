/**
 * A worker thread of compileProjectInWorkers: compiles the story files it is given and sends back
 * the compiled stories (plain data, copied by structured clone).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CompiledStory } from "../compile-story.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { join } from "node:path";
import { dataDir, type storyOptions } from "./compile-project.ts";
import { imageOptions } from "./image-options.ts";
import { readStoryFile } from "./read-story-file.ts";
import { compileStoryCachedAsync } from "./story-cache.ts";

interface Job {
  root: string;
  paths: string[];
  options: ReturnType<typeof storyOptions>;
}

const { root, paths, options } = workerData as Job;
const dataFiles = nodeDataFiles(join(root, dataDir));
const stories: CompiledStory[] = [];
for (const path of paths) stories.push(await compileStoryCachedAsync(root, readStoryFile(join(root, path), path), { dataFiles, ...options, ...imageOptions(root) }));
parentPort?.postMessage(stories, transferables(stories));

/**
 * PNGs drawn without a cache (bytes, not a file: see png-cache.ts) move to the main thread instead of
 * being copied: each has a buffer of its own (see encode-png.ts).
 */
function transferables(compiled: readonly CompiledStory[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const story of compiled) {
    for (const { content } of story.assets) {
      if (!(content instanceof Uint8Array) || !(content.buffer instanceof ArrayBuffer)) continue;
      if (content.byteOffset === 0 && content.byteLength === content.buffer.byteLength) buffers.add(content.buffer);
    }
  }
  return [...buffers];
}
