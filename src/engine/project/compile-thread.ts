/**
 * The thread of compileProjectOffMain: compiles the project for a build (compile-in-workers.ts, which
 * starts its own workers when there is much to compile) and sends it back (plain data, copied by
 * structured clone).
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileProjectForBuild } from "./compile-in-workers.ts";
import type { ProjectOptions } from "./compile-project.ts";

const { root, options } = workerData as { root: string; options: ProjectOptions };
parentPort!.postMessage(await compileProjectForBuild(root, options));
