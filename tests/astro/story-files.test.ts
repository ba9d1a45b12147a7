/**
 * Putting the stories' files into a built site (src/astro/story-files.ts), at the end of Astro's build,
 * and what of the last site an unchanged story takes with it at the swap (see tests/cli/swap-dist.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { keptSitePaths, putStoryFiles } from "../../src/astro/story-files.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const stories = [
  { slug: "new", reused: false, assets: [{ path: "_plotline/data/new/jobs.csv", file: ".plotline/cache/files/aa/new-csv" }] },
  {
    slug: "kept",
    reused: true,
    assets: [
      { path: "_plotline/data/kept/jobs.csv", file: ".plotline/cache/files/bb/gone-from-store" },
      { path: "_plotline/data/kept/pay.csv", file: ".plotline/cache/files/cc/gone-from-store" },
      { path: "_plotline/cards/kept.png", file: ".plotline/cache/files/dd/gone-from-store" },
      { path: "_plotline/payloads/0a1b2c.json", file: ".plotline/cache/files/ee/gone-from-store" },
    ],
  },
];

it("links a changed story's files from the store, and leaves an unchanged story's to the swap", async () => {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-files-"));
  roots.push(root);
  mkdirSync(join(root, ".plotline/cache/files/aa"), { recursive: true });
  writeFileSync(join(root, ".plotline/cache/files/aa/new-csv"), "year,jobs\n2024,1\n");
  const site = join(root, "site");
  await putStoryFiles(root, site, stories);
  expect(readFileSync(join(site, "_plotline/data/new/jobs.csv"), "utf8")).toBe("year,jobs\n2024,1\n");
  // The stored file itself: no bytes copied, no new file made.
  expect(statSync(join(site, "_plotline/data/new/jobs.csv")).ino).toBe(statSync(join(root, ".plotline/cache/files/aa/new-csv")).ino);
  expect(existsSync(join(site, "_plotline/data/kept"))).toBe(false);
});

it("puts in only the files it is asked for, so a build can put the rest in once they are drawn", async () => {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-files-"));
  roots.push(root);
  mkdirSync(join(root, ".plotline/cache/files/aa"), { recursive: true });
  writeFileSync(join(root, ".plotline/cache/files/aa/new-csv"), "year,jobs\n2024,1\n");
  writeFileSync(join(root, ".plotline/cache/files/aa/new-card"), "not really a PNG");
  const drawn = [{ slug: "new", reused: false, assets: [{ path: "_plotline/data/new/jobs.csv", file: ".plotline/cache/files/aa/new-csv" }, { path: "_plotline/cards/new.png", file: ".plotline/cache/files/aa/new-card" }] }];
  const site = join(root, "site");
  await putStoryFiles(root, site, drawn, (file) => !file.path.endsWith(".png"));
  expect(existsSync(join(site, "_plotline/data/new/jobs.csv"))).toBe(true);
  expect(existsSync(join(site, "_plotline/cards/new.png"))).toBe(false);
  await putStoryFiles(root, site, drawn, (file) => file.path.endsWith(".png"));
  expect(readFileSync(join(site, "_plotline/cards/new.png"), "utf8")).toBe("not really a PNG");
});

it("fails with the missing file's error when a stored file is gone", async () => {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-files-"));
  roots.push(root);
  await expect(putStoryFiles(root, join(root, "site"), [stories[0]!])).rejects.toThrow(/ENOENT.*new-csv/);
});

it("takes an unchanged story's page, embed pages and folder of files whole, and its files elsewhere one by one", () => {
  expect(keptSitePaths(stories).sort()).toEqual(["_plotline/cards/kept.png", "_plotline/data/kept", "_plotline/payloads/0a1b2c.json", "embed/kept", "stories/kept"]);
});
