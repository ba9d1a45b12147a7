import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { CompiledStory } from "../compile-story.ts";
import { compileProjectAsync, finishProject, listStoryFiles, storyOptions, type CompiledProject, type ProjectOptions } from "./compile-project.ts";

/** Below this many stories, starting workers costs more than it saves (about 0.4 s each). */
export const MIN_STORIES_FOR_WORKERS = 16;

/**
 * compileProjectAsync on every core: stories are shared out among worker threads by size (largest first,
 * each to the least loaded worker), so a build of thousands of stories uses the whole machine.
 * The result is the same as compileProjectAsync's, in the same order, project-level checks included.
 */
export async function compileProjectInWorkers(
  root: string,
  options: ProjectOptions = {},
  workers = availableParallelism(),
  minStories = MIN_STORIES_FOR_WORKERS,
): Promise<CompiledProject> {
  const paths = listStoryFiles(root);
  if (workers < 2 || paths.length < minStories) return compileProjectAsync(root, options);

  const shares = Array.from({ length: Math.min(workers, paths.length) }, () => ({ paths: [] as string[], bytes: 0 }));
  const sized = paths.map((path) => ({ path, bytes: statSync(join(root, path)).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { path, bytes } of sized) {
    const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
    share.paths.push(path);
    // A story's own size understates the data files it reads; count a fixed share for them.
    share.bytes += bytes + 50_000;
  }

  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<CompiledStory[]>((resolve, reject) => {
          const worker = new Worker(new URL("./compile-worker.ts", import.meta.url), {
            workerData: { root, paths: share.paths, options: storyOptions(options) },
          });
          worker.once("message", (stories: CompiledStory[]) => resolve(stories));
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`a compile worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  const byPath = new Map(results.flat().map((story) => [story.path, story]));
  return finishProject(root, paths.map((path) => byPath.get(path)!));
}
