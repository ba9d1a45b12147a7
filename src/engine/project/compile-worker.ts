/**
 * A worker thread of compileProjectInWorkers: compiles the story files it is given and sends back
 * the compiled stories (plain data, copied by structured clone).
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileStory } from "../compile-story.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { join } from "node:path";
import { dataDir, type storyOptions } from "./compile-project.ts";
import { readStoryFile } from "./read-story-file.ts";

interface Job {
  root: string;
  paths: string[];
  options: ReturnType<typeof storyOptions>;
}

const { root, paths, options } = workerData as Job;
const dataFiles = nodeDataFiles(join(root, dataDir));
const stories = paths.map((path) => compileStory(readStoryFile(join(root, path), path), { dataFiles, ...options }));
parentPort?.postMessage(stories);
