/**
 * One build at a time per project: two builds writing .plotline/ and swapping dist/ at once would
 * leave a mixed site or fail halfway ("ENOTEMPTY"). The lock is .plotline/build.lock holding the
 * process id of the build that has it. It is made complete under a name of its own and then linked to
 * build.lock (link(2) fails if build.lock exists), so nobody ever reads a half-written lock. A lock
 * whose process is no longer running was left by a build that was killed, and is taken over.
 */
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const buildLockName = "build.lock";

export type BuildLock = { held: true; release: () => void } | { held: false; pid: number; path: string };

/** Whether a process with this id is running (on this machine). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the build lock of the project whose working folder is `workDir` (which must exist), or says who has it. */
export function acquireBuildLock(workDir: string, pid: number = process.pid, isAlive: (pid: number) => boolean = isProcessAlive): BuildLock {
  const path = join(workDir, buildLockName);
  const mine = join(workDir, `${buildLockName}.${pid}`);
  writeFileSync(mine, `${pid}\n`);
  try {
    // Again after removing a lock left by a build that was killed (a few times, if others race for it too).
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
        return { held: true, release: () => releaseIfMine(path, pid) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const text = readLock(path);
      if (text === undefined) continue;
      const holder = Number(text.trim());
      if (holder !== pid && isAlive(holder)) return { held: false, pid: holder, path };
      // Stale. Removed only if it is still the one read, so a lock another build has just taken stays.
      if (readLock(path) === text) rmSync(path, { force: true });
    }
    const holder = Number(readLock(path)?.trim());
    return { held: false, pid: holder, path };
  } finally {
    rmSync(mine, { force: true });
  }
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function releaseIfMine(path: string, pid: number): void {
  if (readLock(path)?.trim() === String(pid)) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
}
