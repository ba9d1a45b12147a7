import { Worker } from "node:worker_threads";
import type { ProjectForBuild } from "./compile-in-workers.ts";
import type { ProjectOptions } from "./compile-project.ts";

/** What the compile thread (compile-thread.ts) sends: first whether it compiles in workers, then the project. */
export type CompileThreadMessage = { lookedUp: { compilesInWorkers: boolean } } | { project: ProjectForBuild };

/** A project being compiled on a thread of its own (compileProjectOffMain). */
export interface CompilingProject {
  /**
   * Resolves once the story cache has been looked at: true when many stories are left to compile, on
   * worker threads (a first build), false when few or none are (a build after an edit).
   */
  compilesInWorkers: Promise<boolean>;
  project: Promise<ProjectForBuild>;
}

/**
 * compileProjectForBuild on a thread of its own, so that the main thread is free meanwhile: a build
 * after an edit starts Astro while the cache is read and the edited stories compiled (build-command.ts).
 * The main thread then never loads the engine (some 200 modules, about 0.9 s).
 */
export function compileProjectOffMain(root: string, options: ProjectOptions): CompilingProject {
  const worker = new Worker(new URL("./compile-thread.ts", import.meta.url), { workerData: { root, options } });
  let lookedUp!: (compilesInWorkers: boolean) => void;
  const compilesInWorkers = new Promise<boolean>((resolve) => (lookedUp = resolve));
  const project = new Promise<ProjectForBuild>((resolve, reject) => {
    worker.on("message", (message: CompileThreadMessage) => {
      if ("lookedUp" in message) lookedUp(message.lookedUp.compilesInWorkers);
      else resolve(message.project);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the compile thread stopped with exit code ${code} before it sent the stories`)));
  });
  // A thread that fails before it has looked: whoever waits for the lookup waits for the project's failure.
  project.catch(() => lookedUp(true));
  return { compilesInWorkers, project };
}
