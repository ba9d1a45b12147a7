/**
 * A build of enough stories for worker threads draws their social cards while Astro writes pages, not
 * during the compile (src/engine/project/png-drawing.ts): the cards must be those drawn at once, and a
 * build stopped or failing while drawing must leave the next build everything it needs.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_STORIES_FOR_WORKERS } from "../../src/engine/project/compile-in-workers.ts";
import { pngCacheDir } from "../../src/engine/project/image-options.ts";
import { decodePng, pngSize } from "../support/decode-png.ts";
import { missingFiles, storyCacheEntries } from "../support/story-cache-entries.ts";
import { createTempProject, repoRoot, runPlotline } from "../support/temp-project.ts";

const site = join(repoRoot, "tests", "sites", "basic");

/** The basic test site, with copies of one story under other titles up to enough stories for workers. */
function projectWithWorkers(): ReturnType<typeof createTempProject> {
  const project = createTempProject(site);
  const stories = join(project.root, "content", "stories");
  const story = readFileSync(join(stories, "city-talent.md"), "utf8");
  for (let n = readdirSync(stories).length; n < MIN_STORIES_FOR_WORKERS + 1; n++) {
    writeFileSync(join(stories, `city-talent-${n}.md`), story.replace("title: Where the talent lives", `title: Where the talent lives, part ${n}`));
  }
  return project;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const slugs = (root: string) => readdirSync(join(root, "content", "stories")).map((name) => name.replace(/\.md$/, ""));
const card = (root: string, slug: string) => readFileSync(join(root, "dist", "_plotline", "cards", `${slug}.png`));
const cachedPngs = (root: string) => (existsSync(join(root, pngCacheDir)) ? readdirSync(join(root, pngCacheDir)).filter((name) => name.endsWith(".png")) : []);

/** A build killed (as by a power cut) once it has compiled and drawn its first card: while it draws the others. */
function buildKilledWhileDrawing(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, "node_modules", ".bin", "node"), [join(root, "src", "cli", "plotline.ts"), "build"], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", NODE_ENV: "production" },
    });
    const poll = setInterval(() => {
      if (cachedPngs(root).length > 0) child.kill("SIGKILL");
    }, 5);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearInterval(poll);
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`the build was not stopped (exit ${status})`));
    });
  });
}

describe("social cards of a build with worker threads", () => {
  let project: ReturnType<typeof projectWithWorkers>;
  let checked: ReturnType<typeof projectWithWorkers>;
  /** Cards as `plotline check` draws them, at once, in the compile: their hashes. */
  let drawnAtOnce: Set<string>;

  beforeAll(() => {
    checked = projectWithWorkers();
    expect(runPlotline(checked.root, "check").status).toBe(0);
    drawnAtOnce = new Set(cachedPngs(checked.root).map((name) => sha(readFileSync(join(checked.root, pngCacheDir, name)))));
    project = projectWithWorkers();
  }, 300_000);
  afterAll(() => {
    project?.cleanup();
    checked?.cleanup();
  });

  it("are drawn while Astro writes pages, the same bytes as `plotline check` draws at once", () => {
    const result = runPlotline(project.root, "build", "--report", "report.json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(project.root, "report.json"), "utf8")) as { stories: number; pngs: { drawn: number } };
    expect(report.stories).toBeGreaterThanOrEqual(MIN_STORIES_FOR_WORKERS);
    expect(report.pngs.drawn).toBe(report.stories);
    expect(drawnAtOnce.size).toBe(report.stories);
    for (const slug of slugs(project.root)) {
      expect(pngSize(card(project.root, slug)), slug).toEqual({ width: 1200, height: 630 });
      expect(drawnAtOnce.has(sha(card(project.root, slug))), slug).toBe(true);
    }
  }, 300_000);

  it("stopped while drawing them, leave a cache that names only cards that are there; the next build publishes every card", async () => {
    // From nothing, so that no card can come from the last build's cache or site.
    for (const folder of [".plotline", "dist"]) rmSync(join(project.root, folder), { recursive: true, force: true });
    await buildKilledWhileDrawing(project.root);
    for (const story of storyCacheEntries(project.root)) expect(missingFiles(project.root, story), story.path).toEqual([]);
    // Whatever is under a PNG's own name is whole.
    for (const name of cachedPngs(project.root)) expect(() => decodePng(readFileSync(join(project.root, pngCacheDir, name))), name).not.toThrow();

    const again = runPlotline(project.root, "build");
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    for (const slug of slugs(project.root)) expect(drawnAtOnce.has(sha(card(project.root, slug))), slug).toBe(true);
  }, 300_000);

  it("that cannot be written fail the build, naming the card and its story, without a stack trace, and leave dist/ as it was", () => {
    const page = join(project.root, "dist", "stories", "city-talent", "index.html");
    const before = readFileSync(page);
    rmSync(join(project.root, ".plotline", "cache"), { recursive: true, force: true });
    writeFileSync(join(project.root, "content", "stories", "city-talent.md"), readFileSync(join(project.root, "content", "stories", "city-talent.md"), "utf8").replace("Beijing leads.", "Beijing leads by far."));
    // A file where the PNG cache's folder should be.
    mkdirSync(join(project.root, pngCacheDir, ".."), { recursive: true });
    writeFileSync(join(project.root, pngCacheDir), "");
    try {
      const failed = runPlotline(project.root, "build");
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/^Build failed while drawing PNGs: could not write _plotline\/cards\/[a-z0-9-]+\.png \(for content\/stories\/[a-z0-9-]+\.md\) into \.plotline\/cache\/png: .+\ndist\/ was left as it was\.\n$/);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(page).equals(before)).toBe(true);
    } finally {
      rmSync(join(project.root, pngCacheDir), { force: true });
    }
  }, 300_000);
});
