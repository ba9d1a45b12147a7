import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { dataDir, finishProject, listStoryFiles, projectStoryOptions, publishProject, type ProjectOptions, type PublishedProject } from "./compile-project.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { readStoryFile } from "./read-story-file.ts";
import { cachedPublishedStory, publishStoryCached } from "./story-cache.ts";
import { saveDataFileHashes } from "./data-file-hashes.ts";
import type { PublishedStory } from "./published-story.ts";
import type { PendingPngs } from "./pending-pngs.ts";

/** Below this many stories, starting workers costs more than it saves (about 0.4 s each). */
export const MIN_STORIES_FOR_WORKERS = 16;

/** What the main thread sends a compile worker: the next story file, or null when there is none left. */
export type CompileJob = { path: string } | null;

/** What a compile worker sends back: the story, and compiling for a build, the PNGs it left to draw. */
export interface CompiledInWorker {
  story: PublishedStory;
  pending?: PendingPngs;
}

/** A project compiled for a build (compileProjectForBuild): the PNGs its workers left to draw besides. */
export interface ProjectForBuild extends PublishedProject {
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
): Promise<PublishedProject> {
  const { pendingPngs: _, ...project } = await compileInWorkers(root, options, workers, minStories, false);
  return project;
}

/**
 * compileProjectInWorkers for a build, whose workers draw no PNG: the result lists the PNGs not in the
 * PNG cache yet in `pendingPngs`, to be drawn while Astro writes pages (png-drawing.ts), and a story
 * that needs one is kept in the story cache only once it is drawn. Stories compiled on the main thread
 * (too few for workers) have theirs drawn at once, as check and the dev server do.
 */
export function compileProjectForBuild(
  root: string,
  options: ProjectOptions = {},
  workers = availableParallelism(),
  minStories = MIN_STORIES_FOR_WORKERS,
): Promise<ProjectForBuild> {
  return compileInWorkers(root, options, workers, minStories, true);
}

async function compileInWorkers(root: string, options: ProjectOptions, workers: number, minStories: number, deferPngs: boolean): Promise<ProjectForBuild> {
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
  const finished = (pendingPngs: PendingPngs[] = []) => {
    saveDataFileHashes(root);
    return { ...finishProject(root, paths.map((path) => byPath.get(path)!)), pendingPngs };
  };
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
