/**
 * A worker thread of compileProjectInWorkers: publishes the story files the main thread sends it (those
 * it did not find in the story cache), one at a time, and sends each back (plain data, copied by
 * structured clone) before asking for the next.
 */
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { nodeDataFiles } from "../data/node-data-files.ts";
import type { CompileJob } from "./compile-in-workers.ts";
import { dataDir, projectStoryOptions, type ProjectOptions } from "./compile-project.ts";
import { readStoryFile } from "./read-story-file.ts";
import { publishStoryFresh } from "./story-cache.ts";

const { root, options } = workerData as { root: string; options: ProjectOptions };
const storyOptions = projectStoryOptions(root, options, nodeDataFiles(join(root, dataDir)));

parentPort?.on("message", async (job: CompileJob) => {
  if (job === null) return parentPort?.close();
  // The main thread found it missing or out of date in the cache: no need to look again.
  parentPort?.postMessage(await publishStoryFresh(root, readStoryFile(join(root, job.path), job.path), storyOptions));
});
