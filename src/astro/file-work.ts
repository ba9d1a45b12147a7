import { mkdir } from "node:fs/promises";

/**
 * File work (copies, writes) handed to Node's thread pool a few at a time, so that a build's main
 * thread goes on with its own work while the other core does the system calls. `add` waits while
 * `limit` are under way; `done` waits for the rest and throws the first failure.
 */
export function fileWork(limit = 8): { add(task: () => Promise<unknown>): Promise<void>; folder(path: string): Promise<unknown>; done(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  const folders = new Map<string, Promise<unknown>>();
  let failure: { error: unknown } | undefined;
  return {
    async add(task) {
      while (running.size >= limit) await Promise.race(running);
      const run: Promise<unknown> = task().then(
        () => running.delete(run),
        (error: unknown) => {
          failure ??= { error };
          running.delete(run);
        },
      );
      running.add(run);
    },
    /** Makes a folder (and its parents) once, however many files go into it. */
    folder(path) {
      let made = folders.get(path);
      if (!made) folders.set(path, (made = mkdir(path, { recursive: true })));
      return made;
    },
    async done() {
      await Promise.all(running);
      if (failure) throw failure.error;
    },
  };
}
