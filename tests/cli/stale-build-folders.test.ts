/** What killed builds leave in .plotline/ is removed by the next build (src/cli/stale-build-folders.ts). */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeStaleBuildFolders } from "../../src/cli/stale-build-folders.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("removeStaleBuildFolders", () => {
  it("removes the staging, previous-site (with its list of moves) and search-pages folders of builds no longer running, its own id's included, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "plotline-stale-"));
    roots.push(dir);
    for (const name of ["dist-101", "previous-dist-102", "search-pages-103", "dist-200", "previous-dist-200", "search-pages-200", "dist-7", "cache", "dist-notes"]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "index.html"), "x");
    }
    writeFileSync(join(dir, "build.lock"), "7\n");
    // The list of moves of a swap killed after its last rename (swap-dist.ts).
    writeFileSync(join(dir, "previous-dist-102.moves"), "stories/a");
    writeFileSync(join(dir, "previous-dist-200.moves"), "stories/a");
    const running = new Set([200]);
    const removed = removeStaleBuildFolders(dir, (pid) => running.has(pid), 7);
    expect(removed.sort()).toEqual(["dist-101", "dist-7", "previous-dist-102", "previous-dist-102.moves", "search-pages-103"]);
    expect(readdirSync(dir).sort()).toEqual(["build.lock", "cache", "dist-200", "dist-notes", "previous-dist-200", "previous-dist-200.moves", "search-pages-200"]);
  });
});
