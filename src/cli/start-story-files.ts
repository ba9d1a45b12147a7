import { Worker } from "node:worker_threads";
import type { PublishedFile } from "../engine/project/published-story.ts";
import type { StoryFiles } from "../astro/story-files.ts";

/** What the worker answers: the files it left for later (PNGs not drawn yet), or why it could not put one. */
export type StoryFilesReply = { later: PublishedFile[] } | { failed: string };

/**
 * Starts putting the stories' files and unchanged pages into the site `outDir` on a thread of its own
 * (story-files-worker.ts), so that copying thousands of files overlaps Astro writing pages on the main
 * thread. Resolves with the files left for later; rejects with a message if a file could not be put.
 */
export function startStoryFiles(root: string, outDir: string, previousSite: string | undefined, stories: readonly StoryFiles[]): Promise<PublishedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./story-files-worker.ts", import.meta.url), { workerData: { root, outDir, previousSite, stories } });
    let settled = false;
    worker.once("message", (reply: StoryFilesReply) => {
      settled = true;
      if ("failed" in reply) reject(new Error(reply.failed));
      else resolve(reply.later);
    });
    worker.once("error", (error) => {
      if (!settled) (settled = true), reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) (settled = true), reject(new Error(`the thread copying the stories' files stopped (exit code ${code})`));
    });
  });
}
