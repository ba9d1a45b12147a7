/**
 * Replacing dist/ with a freshly built site so that a complete site is always there, even when the
 * build is killed midway (a CI job cancelled, a laptop closed).
 *
 * The staging folder is complete before the swap begins. The swap is three steps:
 *   1. dist/ → .plotline/previous-dist-<pid> (if there is a dist/)
 *   2. .plotline/dist-<pid> → dist/
 *   3. remove .plotline/previous-dist-<pid>
 * Renames are atomic, so a build killed between two steps leaves either dist/ as it was (before 2) or
 * the new site (after 2), except between steps 1 and 2, when dist/ is missing for a moment. If a build
 * is killed at that moment, restoreDist — run by the next build before anything else — puts the
 * previous site back: dist/ then holds the site from before the killed build or the one it made, never
 * a mix. (dist/ stays a real folder rather than a link switched atomically, because hosts' upload
 * tools, `astro preview` and CI steps that copy dist/ expect one.)
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The file operations of the swap, replaceable so that tests can stop it between any two steps. */
export interface SwapSteps {
  rename(from: string, to: string): void;
  remove(path: string): void;
  exists(path: string): boolean;
}

export const nodeSwapSteps: SwapSteps = {
  rename: renameSync,
  remove: (path) => rmSync(path, { recursive: true, force: true }),
  exists: existsSync,
};

/**
 * The steps of a build: the old site (step 3) is removed by a process of its own that outlives the build,
 * since removing tens of thousands of files takes seconds and nothing waits for it; if that process is
 * stopped, the next build removes what it left (stale-build-folders.ts). Most files of an unchanged site
 * are hard links shared with the new one (see page-plan.ts), so removing the old one frees little.
 */
export const buildSwapSteps: SwapSteps = {
  ...nodeSwapSteps,
  remove(path) {
    if (!existsSync(path)) return;
    const remover = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", path], { detached: true, stdio: "ignore" });
    remover.on("error", () => rmSync(path, { recursive: true, force: true }));
    remover.unref();
  },
};

/** Where a build with process id `pid` stages its site, and keeps the previous one while swapping. */
export const stagingDirName = (pid: number) => `dist-${pid}`;
export const previousDirName = (pid: number) => `previous-dist-${pid}`;
/** Where it links story pages for the search indexer to read (search-indexing.ts). */
export const searchPagesDirName = (pid: number) => `search-pages-${pid}`;

/** Puts the complete site in `staging` at `dist`, keeping the old one in `previous` until the new one is in place. */
export function swapDist(staging: string, dist: string, previous: string, steps: SwapSteps = nodeSwapSteps): void {
  steps.remove(previous);
  if (steps.exists(dist)) steps.rename(dist, previous);
  steps.rename(staging, dist);
  steps.remove(previous);
}

/**
 * If dist/ is missing because a build was killed between steps 1 and 2 of its swap — the one state in
 * which both its previous-dist-<pid> and its dist-<pid> are left — puts the site it was replacing back.
 * (A previous-dist-* without its dist-* was being removed in step 3 and may be partial.) Returns the
 * folder restored, if any.
 */
export function restoreDist(workDir: string, dist: string, steps: SwapSteps = nodeSwapSteps): string | undefined {
  if (steps.exists(dist)) return undefined;
  let names: string[];
  try {
    names = readdirSync(workDir);
  } catch {
    return undefined;
  }
  const interrupted = names
    .map((name) => /^previous-dist-(\d+)$/.exec(name)?.[1])
    .filter((pid): pid is string => pid !== undefined && names.includes(stagingDirName(Number(pid))));
  const pid = interrupted[0];
  if (pid === undefined) return undefined;
  const previous = join(workDir, previousDirName(Number(pid)));
  steps.rename(previous, dist);
  return previous;
}
