/**
 * A worker thread of compileProjectInWorkers: publishes the story files the main thread sends it (those
 * it did not find in the story cache), one at a time, and sends each back (plain data, copied by
 * structured clone) before asking for the next. With deferPngs it draws no PNG: it sends back the PNGs
 * each story needs (pending-pngs.ts) and holds the story's cache entry until they are drawn.
 */
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { nodeDataFiles } from "../data/node-data-files.ts";
import type { CompileJob, CompiledInWorker } from "./compile-in-workers.ts";
import { dataDir, projectStoryOptions, type ProjectOptions } from "./compile-project.ts";
import { deferredRasterizer } from "./deferred-rasterizer.ts";
import { pendingPngs } from "./pending-pngs.ts";
import { readStoryFile } from "./read-story-file.ts";
import { publishStoryFresh, publishStoryFreshHeld } from "./story-cache.ts";
import { writeStoryCacheFile } from "./story-cache-file.ts";

const { root, options, deferPngs } = workerData as { root: string; options: ProjectOptions; deferPngs: boolean };
const deferred = deferPngs ? deferredRasterizer(root) : undefined;
const storyOptions = { ...projectStoryOptions(root, options, nodeDataFiles(join(root, dataDir))), ...(deferred ? { rasterize: deferred.rasterize } : {}) };

/** Compiles one story; the main thread found it missing or out of date in the cache: no need to look again. */
async function compile(path: string): Promise<CompiledInWorker> {
  const input = readStoryFile(join(root, path), path);
  if (!deferred) return { story: await publishStoryFresh(root, input, storyOptions) };
  const { published, entry } = await publishStoryFreshHeld(root, input, storyOptions);
  const pending = pendingPngs(published, deferred.takeJobs(), entry);
  if (pending) return { story: published, pending };
  if (entry) writeStoryCacheFile(entry);
  return { story: published };
}

parentPort?.on("message", async (job: CompileJob) => {
  if (job === null) return parentPort?.close();
  parentPort?.postMessage(await compile(job.path));
});
