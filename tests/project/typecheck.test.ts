import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../support/temp-project.ts";

it("all TypeScript (engine, CLI, Astro helpers, tests) type-checks under strict settings", () => {
  const result = spawnSync(join(repoRoot, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
