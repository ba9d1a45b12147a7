/**
 * The thread of compileProjectOffMain: compiles the project for a build (compile-in-workers.ts, which
 * starts its own workers when there is much to compile), says as soon as it knows whether it will, and
 * sends the project back (plain data, copied by structured clone).
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileProjectForBuild } from "./compile-in-workers.ts";
import type { ProjectOptions } from "./compile-project.ts";
import type { CompileThreadMessage } from "./compile-off-main.ts";

const { root, options } = workerData as { root: string; options: ProjectOptions };
const send = (message: CompileThreadMessage) => parentPort!.postMessage(message);
const project = await compileProjectForBuild(root, options, undefined, undefined, (compilesInWorkers) => send({ lookedUp: { compilesInWorkers } }));
send({ project });
