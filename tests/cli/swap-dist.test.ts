/**
 * Replacing dist/ (src/cli/swap-dist.ts): a build killed between any two steps of the swap leaves, once
 * the next build has started, a complete site in dist/ — the old one or the new one, never none and
 * never a mix.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nodeSwapSteps, previousDirName, restoreDist, stagingDirName, swapDist, type SwapSteps } from "../../src/cli/swap-dist.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with a published site ("old") and a finished staging folder ("new") of build 4242. */
function project() {
  const root = mkdtempSync(join(tmpdir(), "plotline-swap-"));
  roots.push(root);
  const workDir = join(root, ".plotline");
  const site = (dir: string, version: string) => {
    mkdirSync(join(dir, "stories", "a"), { recursive: true });
    writeFileSync(join(dir, "index.html"), version);
    writeFileSync(join(dir, "stories", "a", "index.html"), version);
  };
  const dist = join(root, "dist");
  const staging = join(workDir, stagingDirName(4242));
  const previous = join(workDir, previousDirName(4242));
  site(dist, "old");
  site(staging, "new");
  return { root, workDir, dist, staging, previous };
}

/** Which complete site dist/ holds: "old", "new", or what is wrong with it. */
function siteIn(dist: string): string {
  let pages: string[];
  try {
    pages = [readFileSync(join(dist, "index.html"), "utf8"), readFileSync(join(dist, "stories", "a", "index.html"), "utf8")];
  } catch {
    return "missing";
  }
  return pages[0] === pages[1] ? pages[0]! : "mixed";
}

class Killed extends Error {}

/** The swap's steps, with the process "killed" just before step number `killAt` (counting renames and removals). */
function killedBefore(killAt: number): SwapSteps {
  let step = 0;
  const count = () => {
    if (++step === killAt) throw new Killed();
  };
  return {
    exists: nodeSwapSteps.exists,
    rename: (from, to) => (count(), nodeSwapSteps.rename(from, to)),
    remove: (path) => (count(), nodeSwapSteps.remove(path)),
  };
}

describe("swapDist", () => {
  it("puts the new site in dist/ and leaves nothing behind in .plotline/", () => {
    const p = project();
    swapDist(p.staging, p.dist, p.previous);
    expect(siteIn(p.dist)).toBe("new");
    expect(readdirSync(p.workDir)).toEqual([]);
  });

  it("works when there is no dist/ yet", () => {
    const p = project();
    rmSync(p.dist, { recursive: true });
    swapDist(p.staging, p.dist, p.previous);
    expect(siteIn(p.dist)).toBe("new");
  });

  // Steps: 1 remove an old previous-dist, 2 rename dist → previous, 3 rename staging → dist, 4 remove previous.
  it.each([
    [1, "old"],
    [2, "old"],
    [3, "old"],
    [4, "new"],
  ])("killed before step %i, leaves the %s site in dist/ once the next build has run restoreDist", (killAt, expected) => {
    const p = project();
    expect(() => swapDist(p.staging, p.dist, p.previous, killedBefore(killAt))).toThrow(Killed);
    restoreDist(p.workDir, p.dist);
    expect(siteIn(p.dist)).toBe(expected);
  });

  it("killed between its two renames, leaves no dist/ until restoreDist puts the old site back", () => {
    const p = project();
    expect(() => swapDist(p.staging, p.dist, p.previous, killedBefore(3))).toThrow(Killed);
    expect(siteIn(p.dist)).toBe("missing");
    expect(restoreDist(p.workDir, p.dist)).toBe(p.previous);
    expect(siteIn(p.dist)).toBe("old");
  });
});

describe("swapDist with the unchanged stories' pages moved in from the last site", () => {
  /** The last site has stories a and kept (its page and a folder of files); the build wrote a again and the home page. */
  function withKept() {
    const p = project();
    for (const [path, text] of [
      ["stories/kept/index.html", "old"],
      ["_plotline/data/kept/jobs.csv", "old"],
      ["_plotline/cards/kept.png", "old"],
    ] as const) {
      mkdirSync(join(p.dist, path, ".."), { recursive: true });
      writeFileSync(join(p.dist, path), text);
    }
    const kept = ["stories/kept", "_plotline/data/kept", "_plotline/cards/kept.png"];
    /** The site dist/ holds: its pages and the kept story's files must all be of one build's site. */
    const keptIn = () => kept.map((path) => (existsSync(join(p.dist, path)) ? "there" : "missing")).join(" ");
    return { ...p, kept, keptIn };
  }

  it("moves them into the new site, which then holds every page and file", () => {
    const p = withKept();
    swapDist(p.staging, p.dist, p.previous, nodeSwapSteps, p.kept);
    expect(siteIn(p.dist)).toBe("new");
    expect(p.keptIn()).toBe("there there there");
    expect(readFileSync(join(p.dist, "_plotline/data/kept/jobs.csv"), "utf8")).toBe("old");
    expect(readdirSync(p.workDir)).toEqual([]);
  });

  it("leaves in the new site what the build wrote itself at a kept path", () => {
    const p = withKept();
    mkdirSync(join(p.staging, "_plotline/cards"), { recursive: true });
    writeFileSync(join(p.staging, "_plotline/cards/kept.png"), "new");
    swapDist(p.staging, p.dist, p.previous, nodeSwapSteps, p.kept);
    expect(readFileSync(join(p.dist, "_plotline/cards/kept.png"), "utf8")).toBe("new");
  });

  // Steps: 1 remove an old previous-dist, 2 rename dist → previous, 3–5 the three moves, 6 rename staging → dist, 7 remove previous.
  it.each([
    [1, "old"],
    [2, "old"],
    [3, "old"],
    [4, "old"],
    [5, "old"],
    [6, "old"],
    [7, "new"],
  ])("killed before step %i, leaves the %s site whole in dist/ once the next build has run restoreDist", (killAt, expected) => {
    const p = withKept();
    expect(() => swapDist(p.staging, p.dist, p.previous, killedBefore(killAt), p.kept)).toThrow(Killed);
    restoreDist(p.workDir, p.dist);
    expect(siteIn(p.dist)).toBe(expected);
    expect(p.keptIn()).toBe("there there there");
  });

  it("killed while moving back, puts the rest back at the next try", () => {
    const p = withKept();
    expect(() => swapDist(p.staging, p.dist, p.previous, killedBefore(6), p.kept)).toThrow(Killed);
    let renames = 0;
    const stopsAfterOne: SwapSteps = { ...nodeSwapSteps, rename: (from, to) => (++renames === 2 ? (() => { throw new Killed(); })() : nodeSwapSteps.rename(from, to)) };
    expect(() => restoreDist(p.workDir, p.dist, stopsAfterOne)).toThrow(Killed);
    restoreDist(p.workDir, p.dist);
    expect(siteIn(p.dist)).toBe("old");
    expect(p.keptIn()).toBe("there there there");
  });
});

describe("restoreDist", () => {
  it("does nothing when dist/ is there", () => {
    const p = project();
    mkdirSync(p.previous);
    expect(restoreDist(p.workDir, p.dist)).toBeUndefined();
    expect(siteIn(p.dist)).toBe("old");
  });

  it("never puts back a previous-dist folder that was being removed (its build's staging folder is gone)", () => {
    const p = project();
    rmSync(p.dist, { recursive: true });
    rmSync(p.staging, { recursive: true });
    mkdirSync(p.previous);
    writeFileSync(join(p.previous, "index.html"), "half removed");
    expect(restoreDist(p.workDir, p.dist)).toBeUndefined();
    expect(siteIn(p.dist)).toBe("missing");
  });
});
