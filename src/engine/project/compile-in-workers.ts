import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { dataDir, finishProject, listStoryFiles, projectStoryOptions, publishProject, type ProjectOptions, type PublishedProject } from "./compile-project.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { readStoryFile } from "./read-story-file.ts";
import { cachedPublishedStory, publishStoryCached } from "./story-cache.ts";
import type { PublishedStory } from "./published-story.ts";
import type { PendingPngs } from "./pending-pngs.ts";

/** Below this many stories, starting workers costs more than it saves (about 0.4 s each). */
export const MIN_STORIES_FOR_WORKERS = 16;

/** What the main thread sends a compile worker: the next story file, or null when there is none left. */
export type CompileJob = { path: string } | null;

/** What a compile worker sends back: the story, and with deferPngs the PNGs it left to draw. */
export interface CompiledInWorker {
  story: PublishedStory;
  pending?: PendingPngs;
}

export interface WorkerCompileOptions {
  /**
   * Draw no PNG in the compile (a build): the result lists them in `pendingPngs`, and the stories that
   * need them are kept in the story cache once they are drawn (png-drawing.ts). Stories compiled on
   * the main thread (too few for workers) are drawn at once, as check and the dev server draw them.
   */
  deferPngs?: boolean;
}

/** A project compiled by compileProjectInWorkers: the PNGs its workers left to draw besides. */
export interface ProjectFromWorkers extends PublishedProject {
  pendingPngs: PendingPngs[];
}

/**
 * publishProject on every core: each worker thread takes the next story from one queue (largest files
 * first) as soon as it has sent back the last, so both cores stay busy to the end whatever the stories'
 * sizes, and each story crosses to the main thread as soon as it is done, small (published-story.ts:
 * its body and files are in the file store). The result is publishProject's, in the same order,
 * project-level checks included.
 */
export async function compileProjectInWorkers(
  root: string,
  options: ProjectOptions = {},
  workers = availableParallelism(),
  minStories = MIN_STORIES_FOR_WORKERS,
  { deferPngs = false }: WorkerCompileOptions = {},
): Promise<ProjectFromWorkers> {
  const paths = listStoryFiles(root);
  if (workers < 2 || paths.length < minStories) return { ...(await publishProject(root, options)), pendingPngs: [] };

  // Stories unchanged since the last build are taken from the cache here: no worker starts for them
  // (starting one, and loading the engine in it, costs about a second).
  const byPath = new Map<string, PublishedStory>();
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const todo: string[] = [];
  for (const path of paths) {
    const cached = cachedPublishedStory(root, readStoryFile(join(root, path), path), projectStoryOptions(root, options, dataFiles));
    if (cached) byPath.set(path, cached);
    else todo.push(path);
  }
  const finished = (pendingPngs: PendingPngs[] = []) => ({ ...finishProject(root, paths.map((path) => byPath.get(path)!)), pendingPngs });
  if (todo.length === 0) return finished();
  if (todo.length < minStories) {
    for (const path of todo) byPath.set(path, await publishStoryCached(root, readStoryFile(join(root, path), path), projectStoryOptions(root, options, dataFiles)));
    return finished();
  }

  const pendingPngs: PendingPngs[] = [];
  // A story's own size understates the data files it reads, but largest first still ends the build evenly.
  const queue = todo.map((path) => ({ path, bytes: statSync(join(root, path)).size })).sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  await Promise.all(
    Array.from(
      { length: Math.min(workers, queue.length) },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL("./compile-worker.ts", import.meta.url), { workerData: { root, options, deferPngs } });
          const next = () => {
            const job = queue.shift();
            worker.postMessage((job ? { path: job.path } : null) satisfies CompileJob);
          };
          worker.on("message", ({ story, pending }: CompiledInWorker) => {
            byPath.set(story.path, story);
            if (pending) pendingPngs.push(pending);
            next();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`a compile worker stopped with exit code ${code}`))));
          next();
        }),
    ),
  );
  return finished(pendingPngs);
}
