/**
 * A build after another takes what has not changed from it (src/cli/page-plan.ts: story and embed pages,
 * the search index; engine/project/story-cache.ts: compiled stories): the site it writes must be the
 * site a build from nothing writes, file for file and byte for byte, whatever changed in between. The
 * search index is the same index, not the same bytes: Pagefind numbers pages in the order it read them,
 * and a build after an edit reads the kept pages first (src/cli/search-indexing.ts).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPagefindIndex } from "../support/pagefind-index.ts";
import { createTempProject, repoRoot, runPlotline } from "../support/temp-project.ts";

const site = join(repoRoot, "tests", "sites", "basic");

/** Every file of a built site: path → content. */
function siteFiles(dist: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of readdirSync(dist, { recursive: true, encoding: "utf8", withFileTypes: false }).sort()) {
    try {
      files.set(path, readFileSync(join(dist, path)));
    } catch {
      // A folder.
    }
  }
  return files;
}

/** A site's files without its search index, whose files are named by the order Pagefind read pages in. */
const pagesOf = (files: Map<string, Buffer>) => new Map([...files].filter(([path]) => path.split(sep)[0] !== "pagefind"));

/** The same files byte for byte, and the same search index. */
function expectSameSite(built: string, fresh: string): void {
  const a = pagesOf(siteFiles(built));
  const b = pagesOf(siteFiles(fresh));
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [path, content] of a) expect(content.equals(b.get(path)!), path).toBe(true);
  expect(readPagefindIndex(join(built, "pagefind"))).toEqual(readPagefindIndex(join(fresh, "pagefind")));
}

// The fresh project is built only once, after the edit: a build from nothing to compare with.

describe("a build after a build", () => {
  let project: ReturnType<typeof createTempProject>;
  let fresh: ReturnType<typeof createTempProject>;
  const report = () => JSON.parse(readFileSync(join(project.root, "report.json"), "utf8")) as { cachedStories: number; reusedPages: number; stories: number };

  beforeAll(() => {
    project = createTempProject(site);
    fresh = createTempProject(site);
    expect(runPlotline(project.root, "build").status).toBe(0);
  }, 300_000);
  afterAll(() => {
    project.cleanup();
    fresh.cleanup();
  });

  it("takes every page of an unchanged site from the last build, and writes the same site", () => {
    const first = siteFiles(join(project.root, "dist"));
    const again = runPlotline(project.root, "build", "--report", join(project.root, "report.json"));
    expect(again.status, again.stderr).toBe(0);
    expect(report()).toMatchObject({ cachedStories: report().stories, reusedPages: report().stories });
    const second = siteFiles(join(project.root, "dist"));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, content] of second) expect(content.equals(first.get(path)!), path).toBe(true);
  }, 300_000);

  it("writes again the pages of a story whose file was removed from dist/, and puts the file back", () => {
    const before = pagesOf(siteFiles(join(project.root, "dist")));
    const index = readPagefindIndex(join(project.root, "dist", "pagefind"));
    const csv = [...before.keys()].find((path) => path.startsWith(join("_plotline", "data", "city-talent")) && path.endsWith(".csv"))!;
    rmSync(join(project.root, "dist", csv));
    const again = runPlotline(project.root, "build", "--report", join(project.root, "report.json"));
    expect(again.status, again.stderr).toBe(0);
    expect(report().reusedPages).toBe(report().stories - 1);
    const after = pagesOf(siteFiles(join(project.root, "dist")));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, content] of after) expect(content.equals(before.get(path)!), path).toBe(true);
    // Indexed again with that story's page: the same index (Pagefind names its files by the order it read pages in).
    expect(readPagefindIndex(join(project.root, "dist", "pagefind"))).toEqual(index);
  }, 300_000);

  it("fails on a mistake made after a build with the mistake alone, and leaves dist/ as it was", () => {
    // After a build, Astro starts while the stories are compiled: it must stop without a word of its own.
    const file = join(project.root, "content", "stories", "daily-index.md");
    const original = readFileSync(file, "utf8");
    const before = siteFiles(join(project.root, "dist"));
    writeFileSync(file, original.replace(/^title: .*$/m, "title:"));
    try {
      const failed = runPlotline(project.root, "build");
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/^content\/stories\/daily-index\.md:\d+:\d+ error /m);
      expect(failed.stderr).toMatch(/\nBuild failed: 1 error in 1 of 5 stories(, and \d+ warnings?)?\. dist\/ was left as it was\.\n/);
      expect(failed.stderr).not.toMatch(/while writing pages|\n\s+at /);
      expect(readdirSync(join(project.root, ".plotline")).filter((name) => /^(previous-)?dist-/.test(name))).toEqual([]);
      const after = siteFiles(join(project.root, "dist"));
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [path, content] of after) expect(content.equals(before.get(path)!), path).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  }, 300_000);

  it("writes again the pages of a story that changed, and takes the others from the last build", () => {
    for (const root of [project.root, fresh.root]) {
      const file = join(root, "content", "stories", "pay-gap.md");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "A new headline, & more"'));
    }
    const edited = runPlotline(project.root, "build", "--report", join(project.root, "report.json"));
    expect(edited.status, edited.stderr).toBe(0);
    expect(report().cachedStories).toBe(report().stories - 1);
    expect(report().reusedPages).toBe(report().stories - 1);
    expect(runPlotline(fresh.root, "build").status).toBe(0);
    expectSameSite(join(project.root, "dist"), join(fresh.root, "dist"));
  }, 300_000);

  it("writes every page again when the site's code changes", () => {
    for (const root of [project.root, fresh.root]) cpSync(join(repoRoot, "src"), join(root, "src"), { recursive: true });
    const layout = join(project.root, "src", "layouts", "BaseLayout.astro");
    writeFileSync(layout, readFileSync(layout, "utf8").replace("<body>", '<body data-test="changed">'));
    expect(runPlotline(project.root, "build", "--report", join(project.root, "report.json")).status).toBe(0);
    expect(report().reusedPages).toBe(0);
    expect(readFileSync(join(project.root, "dist", "stories", "city-talent", "index.html"), "utf8")).toContain('data-test="changed"');
  }, 300_000);
});
