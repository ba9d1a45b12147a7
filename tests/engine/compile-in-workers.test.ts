import { rmSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileProjectInWorkers } from "../../src/engine/project/compile-in-workers.ts";
import { publishProject } from "../../src/engine/project/compile-project.ts";
import { storyCacheDir } from "../../src/engine/project/story-cache.ts";
import { repoRoot } from "../support/temp-project.ts";

it("compiling in worker threads gives exactly what compiling in one thread gives, in the same order", async () => {
  const site = join(repoRoot, "tests", "sites", "basic");
  // Both compile every story: none is taken from the last build's compile.
  const noCache = () => rmSync(join(site, storyCacheDir), { recursive: true, force: true });
  noCache();
  const inWorkers = await compileProjectInWorkers(site, { assetBase: "/news/" }, 2, 1);
  noCache();
  const inOneThread = await publishProject(site, { assetBase: "/news/" });
  expect([...inWorkers.stories, ...inOneThread.stories].some((s) => s.fromCache)).toBe(false);
  expect(inWorkers.stories.map((s) => s.path)).toEqual(inOneThread.stories.map((s) => s.path));
  // Everything but the timings, which differ from run to run.
  const withoutTimings = (project: typeof inOneThread) => ({ ...project, stories: project.stories.map(({ timings: _, ...story }) => story) });
  expect(withoutTimings(inWorkers)).toEqual(withoutTimings(inOneThread));
}, 60_000);

it("worker threads get the project's house style", async () => {
  const site = join(repoRoot, "tests", "sites", "basic");
  rmSync(join(site, storyCacheDir), { recursive: true, force: true });
  const houseStyle = { additions: { endLabels: false, symbols: false } };
  const inWorkers = await compileProjectInWorkers(site, { assetBase: "/news/", ...houseStyle }, 2, 1);
  const inOneThread = await publishProject(site, { assetBase: "/news/", ...houseStyle });
  expect(inWorkers.stories.some((s) => s.fromCache)).toBe(false);
  expect(inOneThread.stories.every((s) => s.fromCache)).toBe(true);
}, 60_000);
