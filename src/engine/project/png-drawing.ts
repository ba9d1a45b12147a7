import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PendingPngs } from "./pending-pngs.ts";

/**
 * What a drawing worker answers for one story's PNGs: how many it drew and the CPU time its thread has
 * used so far (for build reports: wall time means little on a shared machine), or why one could not be drawn.
 */
export type PngDrawReply = { drawn: number; cpuMs: number } | { failed: string };

/** A PNG that could not be drawn or kept. Its message says which and why: the build prints it and fails. */
export class PngDrawError extends Error {}

/** Starting a worker (resvg and the engine's image code loaded) costs about what drawing this many stories' cards does. */
const MIN_STORIES_FOR_ANOTHER_WORKER = 16;

export interface PngDrawing {
  /**
   * Draws what is left on every core, for a caller that has nothing else to do, and resolves once every
   * PNG is drawn and its story's cache entry written; rejects with a PngDrawError if one could not be.
   */
  finish(): Promise<{ drawn: number; cpuMs: number }>;
  /** Stops after the PNGs being drawn (a build that failed elsewhere): what was drawn is kept, whole. */
  stop(): Promise<void>;
}

/**
 * Draws the PNGs a build's compile left (deferred-rasterizer.ts) in worker threads, `workers` of them
 * to begin with (one, beside a main thread writing pages), each taking the next story's PNGs as soon as
 * it has drawn the last. A story's cache entry is written once its PNGs are in the PNG cache, so a build
 * stopped halfway leaves a cache that names only PNGs that are there.
 */
export function startPngDrawing(root: string, pending: readonly PendingPngs[], workers = 1): PngDrawing {
  const queue = [...pending];
  const running: Promise<void>[] = [];
  let alive = 0;
  let drawn = 0;
  /** CPU time of each worker's thread, as it last said. */
  const cpuMs: number[] = [];
  let failure: PngDrawError | undefined;
  let stopped = false;

  const startWorker = () => {
    alive++;
    const index = cpuMs.push(0) - 1;
    const worker = new Worker(new URL("./png-draw-worker.ts", import.meta.url), { workerData: { root } });
    // One story at a time, so that stopping waits for one story's PNGs at most.
    const next = () => worker.postMessage((stopped || failure ? undefined : queue.shift()) ?? null);
    running.push(
      new Promise<void>((resolve) => {
        worker.on("message", (reply: PngDrawReply) => {
          if ("failed" in reply) failure ??= new PngDrawError(reply.failed);
          else {
            drawn += reply.drawn;
            cpuMs[index] = reply.cpuMs;
          }
          next();
        });
        worker.once("error", (error) => (failure ??= new PngDrawError(`a thread drawing PNGs stopped: ${error.message}`)));
        worker.once("exit", (code) => {
          alive--;
          if (code !== 0) failure ??= new PngDrawError(`a thread drawing PNGs stopped with exit code ${code}`);
          resolve();
        });
        next();
      }),
    );
  };
  const grow = (to: number) => {
    while (alive < to && queue.length > 0 && (alive === 0 || queue.length >= MIN_STORIES_FOR_ANOTHER_WORKER) && !stopped && !failure) startWorker();
  };
  grow(workers);

  return {
    async finish() {
      grow(availableParallelism());
      await Promise.all(running);
      if (failure) throw failure;
      return { drawn, cpuMs: cpuMs.reduce((sum, ms) => sum + ms, 0) };
    },
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
