/**
 * Hashes of data files for the story cache (src/engine/project/data-file-hashes.ts): a file is read
 * again whenever it may have changed, and a file untouched for a while is not read again by the next build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../support/temp-project.ts";
import { afterEach, expect, it } from "vitest";
import { dataFileHash, dataFileHashesPath, saveDataFileHashes } from "../../src/engine/project/data-file-hashes.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-data-hashes-"));
  roots.push(root);
  mkdirSync(join(root, "data"));
  return root;
}

const kept = (root: string) => JSON.parse(readFileSync(join(root, dataFileHashesPath), "utf8")) as Record<string, { stamp: string; digest: string }>;

it("hashes a file again when it is rewritten with the same size", () => {
  const root = project();
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,120\n");
  const first = dataFileHash(root, "jobs.csv");
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\nBeijing,121\n");
  expect(dataFileHash(root, "jobs.csv")).not.toBe(first);
  expect(dataFileHash(root, "missing.csv")).toBe("missing");
});

it("keeps no hash of a file written just before, for the next build", () => {
  const root = project();
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\n");
  dataFileHash(root, "jobs.csv");
  saveDataFileHashes(root);
  expect(existsSync(join(root, dataFileHashesPath)) ? kept(root) : {}).toEqual({});
});

it("keeps the hash of a file untouched for two seconds, and takes it back while the file stays as it was", async () => {
  const root = project();
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobs\n");
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const digest = dataFileHash(root, "jobs.csv");
  saveDataFileHashes(root);
  expect(kept(root)["jobs.csv"]!.digest).toBe(digest);
  // The next build, another process, takes the kept hash as it is without reading the file: a kept
  // hash written by hand shows it.
  const stats = statSync(join(root, "data", "jobs.csv"));
  writeFileSync(join(root, dataFileHashesPath), JSON.stringify({ "jobs.csv": { stamp: `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino}`, digest: "kept" } }));
  const module = pathToFileURL(join(repoRoot, "src", "engine", "project", "data-file-hashes.ts")).href;
  const nextBuild = (file: string) =>
    spawnSync(process.execPath, ["--input-type=module", "-e", `import { dataFileHash } from ${JSON.stringify(module)}; console.log(dataFileHash(${JSON.stringify(root)}, ${JSON.stringify(file)}))`], { encoding: "utf8" }).stdout.trim();
  expect(nextBuild("jobs.csv")).toBe("kept");
  // Written again (same size), the file is read again.
  writeFileSync(join(root, "data", "jobs.csv"), "city,jobz\n");
  expect(nextBuild("jobs.csv")).toMatch(/^[0-9a-f]{64}$/);
});
