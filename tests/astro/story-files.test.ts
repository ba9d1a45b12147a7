/**
 * Putting the stories' files and kept pages into a built site (src/astro/story-files.ts), at the end of Astro's build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { putStoryFiles } from "../../src/astro/story-files.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function fixture() {
  const root = mkdtempSync(join(tmpdir(), "plotline-story-files-"));
  roots.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(".plotline/cache/files/aa/new-csv", "year,jobs\n2024,1\n");
  write("previous/_plotline/data/kept/jobs.csv", "year,jobs\n2023,2\n");
  write("previous/stories/kept/index.html", "<p>kept page</p>");
  write("previous/embed/kept/jobs/index.html", "<p>kept embed</p>");
  const stories = [
    { slug: "new", reused: false, assets: [{ path: "_plotline/data/new/jobs.csv", file: ".plotline/cache/files/aa/new-csv" }] },
    { slug: "kept", reused: true, assets: [{ path: "_plotline/data/kept/jobs.csv", file: ".plotline/cache/files/bb/gone-from-store" }] },
  ];
  return { root, site: join(root, "site"), previous: join(root, "previous"), stories };
}

it("copies a changed story's files and links a kept story's files and pages from the last site", async () => {
  const { root, site, previous, stories } = fixture();
  await putStoryFiles(root, site, previous, stories);
  expect(readFileSync(join(site, "_plotline/data/new/jobs.csv"), "utf8")).toBe("year,jobs\n2024,1\n");
  // A copy, not a link: nothing done to the site can change the store.
  expect(statSync(join(site, "_plotline/data/new/jobs.csv")).ino).not.toBe(statSync(join(root, ".plotline/cache/files/aa/new-csv")).ino);
  expect(statSync(join(site, "_plotline/data/kept/jobs.csv")).ino).toBe(statSync(join(previous, "_plotline/data/kept/jobs.csv")).ino);
  expect(readFileSync(join(site, "stories/kept/index.html"), "utf8")).toBe("<p>kept page</p>");
  expect(readFileSync(join(site, "embed/kept/jobs/index.html"), "utf8")).toBe("<p>kept embed</p>");
});
