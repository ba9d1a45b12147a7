/**
 * A build killed before it finished leaves its staging folder, .plotline/dist-<pid> (a whole site, tens
 * of MB), and perhaps .plotline/previous-dist-<pid>, its list of moves (swap-dist.ts) and
 * .plotline/search-pages-<pid> (pages for the search indexer); nothing else would ever remove them. The next build, holding the build lock,
 * removes those of builds that are no longer running (after restoreDist has had its say), its own process
 * id included: it has not started staging yet, so a folder with its id was left by an earlier process
 * that had the same id (containers reuse small ids).
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isProcessAlive } from "./build-lock.ts";

/** Removes the dist-<pid>, previous-dist-<pid>(.moves) and search-pages-<pid> of builds no longer running; returns their names. */
export function removeStaleBuildFolders(workDir: string, isAlive: (pid: number) => boolean = isProcessAlive, ownPid: number = process.pid): string[] {
  let names: string[];
  try {
    names = readdirSync(workDir);
  } catch {
    return [];
  }
  const stale = names.filter((name) => {
    const pid = /^(?:previous-dist|dist|search-pages)-(\d+)(?:\.moves)?$/.exec(name)?.[1];
    return pid !== undefined && (Number(pid) === ownPid || !isAlive(Number(pid)));
  });
  for (const name of stale) {
    try {
      rmSync(join(workDir, name), { recursive: true, force: true });
    } catch {
      // The last build's own remover is at it too (swap-dist.ts): whoever is last removes the folder.
    }
  }
  return stale;
}
