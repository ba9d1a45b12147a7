import { Worker } from "node:worker_threads";
import type { ProjectForBuild } from "./compile-in-workers.ts";
import type { ProjectOptions } from "./compile-project.ts";

/**
 * compileProjectForBuild on a thread of its own (compile-thread.ts), so that the main thread is free
 * meanwhile: a build after a build starts Astro while the cache is read and the edited stories are
 * compiled (build-command.ts), and its main thread never loads the engine (some 200 modules, ~0.9 s).
 */
export function compileProjectOffMain(root: string, options: ProjectOptions): Promise<ProjectForBuild> {
  const worker = new Worker(new URL("./compile-thread.ts", import.meta.url), { workerData: { root, options } });
  return new Promise<ProjectForBuild>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the compile thread stopped with exit code ${code} before it sent the stories`)));
  });
}
