/**
 * A worker thread of startStoryFiles: puts the stories' files and unchanged pages into the site being
 * built (src/astro/story-files.ts) while the main thread runs Astro, and answers with what it left for later.
 */
import { parentPort, workerData } from "node:worker_threads";
import { putStoryFiles, type StoryFiles } from "../astro/story-files.ts";
import type { StoryFilesReply } from "./start-story-files.ts";

const { root, outDir, previousSite, stories } = workerData as { root: string; outDir: string; previousSite?: string; stories: StoryFiles[] };

let reply: StoryFilesReply;
try {
  reply = { later: putStoryFiles(root, outDir, previousSite, stories) };
} catch (error) {
  reply = { failed: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
