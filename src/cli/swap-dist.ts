/**
 * Replacing dist/ with a freshly built site so that a complete site is always there, even when the
 * build is killed midway (a CI job cancelled, a laptop closed).
 *
 * The staging folder holds everything the build wrote before the swap begins; what it takes from the
 * last site unchanged (`kept`: the pages and files of stories that did not change) is moved in during
 * the swap, a rename each, rather than linked file by file beforehand. The swap is these steps:
 *   1. write the list of kept paths beside the staging folder (.plotline/previous-dist-<pid>.moves)
 *   2. dist/ → .plotline/previous-dist-<pid> (if there is a dist/)
 *   3. each kept path: .plotline/previous-dist-<pid>/… → .plotline/dist-<pid>/…
 *   4. .plotline/dist-<pid> → dist/
 *   5. remove the list and .plotline/previous-dist-<pid>
 * Renames are atomic, so a build killed between two steps leaves either dist/ as it was (before 2) or
 * the new site (after 4), except from step 2 to step 4, when dist/ is missing for a moment (a rename
 * per kept path: some 50 ms at 1,000 stories). If a build is killed then, restoreDist — run by the next
 * build before anything else — moves the kept paths back by the list and puts the previous site back:
 * dist/ then holds the site from before the killed build or the one it made, never a mix. (dist/ stays
 * a real folder rather than a link switched atomically, because hosts' upload tools, `astro preview`
 * and CI steps that copy dist/ expect one.)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

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

/** The list of paths a swap moves from the previous site into the new one (step 1). */
export const movesListPath = (previous: string) => `${previous}.moves`;

/**
 * Puts the site in `staging`, with the `kept` paths (site-relative, "/") of the site in `dist` moved
 * into it, at `dist`, keeping the old site in `previous` until the new one is in place.
 */
export function swapDist(staging: string, dist: string, previous: string, steps: SwapSteps = nodeSwapSteps, kept: readonly string[] = []): void {
  steps.remove(previous);
  const moving = kept.length > 0 && steps.exists(dist);
  if (moving) writeFileSync(movesListPath(previous), kept.join("\n"));
  if (steps.exists(dist)) steps.rename(dist, previous);
  if (moving) for (const path of kept) move(steps, previous, staging, path);
  steps.rename(staging, dist);
  rmSync(movesListPath(previous), { force: true });
  steps.remove(previous);
}

/** Moves `path` from one site folder to the other, unless it is not in the first or is in the second already. */
function move(steps: SwapSteps, fromSite: string, toSite: string, path: string): void {
  const from = join(fromSite, ...path.split("/"));
  const to = join(toSite, ...path.split("/"));
  if (!steps.exists(from) || steps.exists(to)) return;
  mkdirSync(dirname(to), { recursive: true });
  steps.rename(from, to);
}

/**
 * If dist/ is missing because a build was killed between steps 2 and 4 of its swap — the one state in
 * which both its previous-dist-<pid> and its dist-<pid> are left — puts the site it was replacing back,
 * with the paths moved out of it.
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
  // What step 3 had moved into the new site goes back first (a path moved twice is where it belongs).
  const moves = movesListPath(previous);
  if (steps.exists(moves)) for (const path of readFileSync(moves, "utf8").split("\n").filter(Boolean)) move(steps, join(workDir, stagingDirName(Number(pid))), previous, path);
  steps.rename(previous, dist);
  rmSync(moves, { force: true });
  return previous;
}
