/**
 * A build's PNGs (social cards, chart PNGs) drawn after the compile, by other threads, while Astro writes
 * pages (src/engine/project/deferred-rasterizer.ts, png-drawing.ts): the same bytes as drawn at once, and
 * a story cache that never names a PNG that was not drawn.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProjectForBuild } from "../../src/engine/project/compile-in-workers.ts";
import { publishProject } from "../../src/engine/project/compile-project.ts";
import { storeFile } from "../../src/engine/project/file-store.ts";
import { pngCacheDir } from "../../src/engine/project/image-options.ts";
import { PngDrawError, startPngDrawing } from "../../src/engine/project/png-drawing.ts";
import type { PublishedProject } from "../../src/engine/project/compile-project.ts";
import { pngSize } from "../support/decode-png.ts";
import { missingFiles, storyCacheEntries } from "../support/story-cache-entries.ts";
import { repoRoot } from "../support/temp-project.ts";

const site = join(repoRoot, "tests", "sites", "basic");
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of the basic test site's stories and data: nothing compiled or drawn yet. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-png-drawing-"));
  roots.push(root);
  for (const folder of ["content", "data"]) cpSync(join(site, folder), join(root, folder), { recursive: true });
  return root;
}

const options = { assetBase: "/news/" };
/** As a build compiles: in worker threads, PNGs left to draw. */
const compileForBuild = (root: string) => compileProjectForBuild(root, options, 2, 1);
const cardOf = (story: PublishedProject["stories"][number]) => story.assets.find((asset) => asset.path === story.socialCard?.path)!;
const partials = (root: string) => (existsSync(join(root, pngCacheDir)) ? readdirSync(join(root, pngCacheDir)).filter((name) => name.endsWith(".partial")) : []);

describe("PNGs drawn after a build's compile", () => {
  it("are not drawn by the compile, which keeps no story until its PNGs are; drawn later, they are the bytes a compile draws at once", async () => {
    const root = project();
    const compiled = await compileForBuild(root);
    const { pendingPngs, ...deferred } = compiled;
    const withCards = deferred.stories.filter((story) => story.socialCard);
    expect(withCards.length).toBeGreaterThan(1);
    expect(pendingPngs.map((pending) => pending.story).sort()).toEqual(withCards.map((story) => story.path).sort());
    expect(pendingPngs.flatMap((pending) => pending.pngs.map((png) => png.path)).sort()).toEqual(withCards.map((story) => story.socialCard!.path).sort());
    for (const story of withCards) expect(existsSync(join(root, cardOf(story).file)), story.path).toBe(false);
    expect(storyCacheEntries(root)).toEqual([]);

    expect((await startPngDrawing(root, pendingPngs).finish()).drawn).toBe(withCards.length);

    const atOnce = project();
    const drawnAtOnce = await publishProject(atOnce, options);
    // The same stories, naming the same files (PNG cache entries are named by what they show)…
    const withoutTimings = (p: PublishedProject) => ({ ...p, stories: p.stories.map(({ timings: _, ...story }) => story) });
    expect(withoutTimings(deferred)).toEqual(withoutTimings(drawnAtOnce));
    // …with the same bytes in them.
    for (const story of withCards) {
      const card = readFileSync(join(root, cardOf(story).file));
      expect(pngSize(card), story.path).toEqual({ width: 1200, height: 630 });
      expect(card.equals(readFileSync(join(atOnce, cardOf(story).file))), story.path).toBe(true);
    }
    // Every story is kept now: the next build compiles and draws nothing.
    expect(storyCacheEntries(root).map((story) => story.path).sort()).toEqual(deferred.stories.filter((story) => story.ok).map((story) => story.path).sort());
    const again = await compileForBuild(root);
    expect(again.stories.every((story) => story.fromCache)).toBe(true);
    expect(again.pendingPngs).toEqual([]);
  }, 120_000);

  it("stopped before all were drawn, leave a cache that names only PNGs that are there; the next build draws the rest", async () => {
    const root = project();
    const first = await compileForBuild(root);
    const [drawnFirst, ...left] = first.pendingPngs;
    await startPngDrawing(root, [drawnFirst!]).finish();
    // What a build stopped now leaves: the one story whose card was drawn, and nothing half-written.
    const kept = storyCacheEntries(root);
    expect(kept.map((story) => story.path)).toEqual([drawnFirst!.story]);
    for (const story of kept) expect(missingFiles(root, story)).toEqual([]);
    expect(partials(root)).toEqual([]);

    const second = await compileForBuild(root);
    expect(second.stories.filter((story) => story.fromCache).map((story) => story.path)).toEqual([drawnFirst!.story]);
    expect(second.pendingPngs.map((pending) => pending.story).sort()).toEqual(left.map((pending) => pending.story).sort());
    await startPngDrawing(root, second.pendingPngs).finish();
    for (const story of second.stories.filter((s) => s.socialCard)) expect(pngSize(readFileSync(join(root, cardOf(story).file))), story.path).toEqual({ width: 1200, height: 630 });
  }, 120_000);

  it("that cannot be drawn fail with a message naming the PNG and its story, leaving no file under its name and the story out of the cache", async () => {
    const root = project();
    const { pendingPngs } = await compileForBuild(root);
    const broken = pendingPngs[0]!;
    // Not SVG at all: resvg refuses it.
    broken.pngs[0]!.svg = storeFile(root, "<svg");
    const drawing = startPngDrawing(root, [broken]).finish();
    await expect(drawing).rejects.toThrow(PngDrawError);
    await expect(drawing).rejects.toThrow(new RegExp(`^could not draw ${broken.pngs[0]!.path} for ${broken.story}: \\S`));
    expect(existsSync(join(root, broken.pngs[0]!.file))).toBe(false);
    expect(partials(root)).toEqual([]);
    expect(storyCacheEntries(root).map((story) => story.path)).not.toContain(broken.story);
  }, 120_000);
});
