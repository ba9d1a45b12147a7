import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { CompiledStory } from "../engine/compile-story.ts";
import { siteRegistry, type BuildHandOff } from "../astro/site-registry.ts";
import { keptSitePaths } from "../astro/story-files.ts";
import type { ProjectForBuild } from "../engine/project/compile-in-workers.ts";
import { compileProjectOffMain } from "../engine/project/compile-off-main.ts";
import { PngDrawError, startPngDrawing } from "../engine/project/png-drawing.ts";
import { failedBuildSummary } from "./failed-build-summary.ts";
import { plural, printDiagnostics } from "./print-diagnostics.ts";
import { projectOptions, readSiteConfig, type SiteConfig } from "./site-config.ts";
import { reuseSearchIndex, type SearchIndexResult } from "./search-index.ts";
import { startSearchIndexing } from "./search-indexing.ts";
import { pageManifestName, planPages, savePagePlan, searchCopyKeys } from "./page-plan.ts";
import { forgetSearchablePages } from "./search-page-copies.ts";
import { acquireBuildLock } from "./build-lock.ts";
import { removeStaleBuildFolders } from "./stale-build-folders.ts";
import { buildSwapSteps, previousDirName, restoreDist, searchPagesDirName, stagingDirName, swapDist } from "./swap-dist.ts";

export interface BuildOptions {
  /** Write a JSON report of the build (timings by phase, peak memory) to this file. */
  report?: string;
}

/** What `plotline build --report` writes, for the benchmark. */
export interface BuildReport {
  stories: number;
  /** Of those, the ones taken unchanged from the last build (see engine/project/story-cache.ts). */
  cachedStories: number;
  /** Stories whose pages were taken from the last build's site instead of written again (see page-plan.ts). */
  reusedPages: number;
  charts: number;
  /** Wall time of checking and compiling all stories (on all cores). */
  compileMs: number;
  /** Wall time of Astro's part: pages, assets, copying into dist/. */
  astroMs: number;
  /** Wall time of building the search index (Pagefind) after Astro: what it adds to the build. */
  searchIndexMs: number;
  /** Wall time Pagefind took to read the story pages kept from the last build, from its start beside Astro (off the build's path while shorter than astroMs). */
  searchIndexAlongsideMs: number;
  /** PNGs (social cards, chart PNGs) drawn while Astro wrote pages, the CPU time of the threads that drew them, and how long Astro's end waited for them. */
  pngs: { drawn: number; cpuMs: number; waitMs: number };
  totalMs: number;
  /** Peak resident memory of the build process, all threads. */
  maxRssKb: number;
  /** CPU time inside the engine, summed over stories (more than compileMs when several cores work). */
  phases: Record<keyof CompiledStory["timings"], number>;
}

/**
 * `plotline build`: checks and compiles every story first (so every problem is reported at once, with
 * positions and no stack trace), then lets Astro build the pages into a temporary folder, and only
 * replaces dist/ when that succeeded, so a failed build never leaves a broken or half-written site.
 * One build runs at a time per project (build-lock.ts); it first repairs what a killed build left
 * (swap-dist.ts, stale-build-folders.ts).
 */
export async function buildCommand(root: string, options: BuildOptions = {}): Promise<number> {
  const workDir = join(root, ".plotline");
  mkdirSync(workDir, { recursive: true });
  const lock = acquireBuildLock(workDir);
  if (!lock.held) {
    process.stderr.write(
      `Build not started: another build of this project is running (process ${lock.pid}). Wait for it to finish; if no build is running, delete ${relative(root, lock.path)}.\n`,
    );
    return 1;
  }
  try {
    const outDir = join(root, "dist");
    // A build killed in the middle of its swap left no dist/: the site it was replacing goes back first.
    if (restoreDist(workDir, outDir)) process.stderr.write("dist/ was missing after a build was stopped while replacing it: the previous site was put back.\n");
    removeStaleBuildFolders(workDir);
    return await buildLocked(root, workDir, outDir, options);
  } finally {
    lock.release();
  }
}

async function buildLocked(root: string, workDir: string, outDir: string, options: BuildOptions): Promise<number> {
  const started = performance.now();
  const config = await readSiteConfig(root);
  const stagingDir = join(workDir, stagingDirName(process.pid));
  // After a build, the stories are compiled on a thread of their own and Astro starts at once: its
  // content loader waits for them (site-registry.ts), so loading and setting up Astro no longer
  // follows the compile, and this thread never loads the engine. A first build compiles here first
  // and starts Astro after: that compile takes both cores and most of the memory, and the project
  // would be held twice while it crossed threads. (PNGs are drawn by other threads while Astro writes
  // pages either way: png-drawing.ts.)
  const handOff = startHandOff(outDir);
  try {
    const compileOptions = projectOptions(config);
    const compiling = existsSync(join(workDir, pageManifestName)) ? compileProjectOffMain(root, compileOptions) : undefined;
    const early = compiling ? writePages(root, stagingDir) : undefined;
    const failed = async () => {
      handOff.fail();
      await early;
      rmSync(stagingDir, { recursive: true, force: true });
    };
    let project: ProjectForBuild;
    try {
      project = compiling ? await compiling : await (await import("../engine/project/compile-in-workers.ts")).compileProjectForBuild(root, compileOptions);
    } catch (error) {
      await failed();
      throw error;
    }
    return await buildCompiled(root, workDir, outDir, options, { started, config, stagingDir, project, handOff, early, failed });
  } finally {
    delete siteRegistry().build;
  }
}

/** The hand-off to Astro (site-registry.ts), filled in and made ready once the stories are compiled. */
function startHandOff(outDir: string): { build: BuildHandOff; ready: () => void; fail: () => void } {
  let ready!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => ((ready = resolve), (fail = reject)));
  // Awaited by the loader only if Astro started: a failure before then is no unhandled rejection.
  promise.catch(() => undefined);
  const build: BuildHandOff = { ready: promise, stories: new Map(), reusedPages: new Set(), previousSite: outDir, embedsFromTemplate: true };
  siteRegistry().build = build;
  return { build, ready, fail: () => fail(new Error("the stories have errors")) };
}

/** Astro's build of the site into `stagingDir`, settled: how it ended. */
async function writePages(root: string, stagingDir: string): Promise<{ error?: unknown }> {
  try {
    const { build } = await import("astro");
    await build({ root, outDir: stagingDir, logLevel: "warn" });
    return {};
  } catch (error) {
    return { error };
  }
}

interface Compiled {
  started: number;
  config: SiteConfig;
  stagingDir: string;
  project: ProjectForBuild;
  handOff: ReturnType<typeof startHandOff>;
  /** Astro's build, if it started while the stories were compiled. */
  early: Promise<{ error?: unknown }> | undefined;
  /** Stops an early Astro build and removes what it wrote. */
  failed: () => Promise<void>;
}

async function buildCompiled(root: string, workDir: string, outDir: string, options: BuildOptions, { started, config, stagingDir, project, handOff, early, failed }: Compiled): Promise<number> {
  const compiled = performance.now();
  const counts = printDiagnostics(root, project.diagnostics, (text) => process.stderr.write(text));
  const charts = project.stories.reduce((n, s) => n + s.charts.length, 0);
  if (counts.errors > 0) {
    await failed();
    process.stderr.write(`${failedBuildSummary(project.diagnostics, project.stories.map((story) => story.path))}\n`);
    // The stories without errors are kept for the next build once their PNGs are drawn: fixing the
    // errors then compiles only the stories that had them.
    const keep = project.pendingPngs.filter((pending) => pending.entry);
    if (keep.length > 0) {
      process.stdout.write(`Drawing the social cards of the ${plural(keep.length, "story", "stories")} without errors, so that the next build need not compile them again.\n`);
      await startPngDrawing(root, keep).finish().catch(() => undefined);
    }
    return 1;
  }
  const cachedStories = project.stories.filter((story) => story.fromCache).length;
  process.stdout.write(
    `Compiled ${plural(project.stories.length, "story", "stories")} with ${plural(charts, "chart")} in ${((performance.now() - started) / 1000).toFixed(2)} s` +
      `${cachedStories ? `, ${cachedStories} of them unchanged since the last build` : ""}` +
      `${counts.warnings ? ` (${plural(counts.warnings, "warning")})` : ""}.\n`,
  );

  const plan = planPages(root, workDir, outDir, project.stories, config);
  // Beside Astro, which writes pages on the main thread: one thread draws the PNGs the compile left
  // (every core once Astro waits for it), and Pagefind reads the story pages kept from the last build.
  // No story page changed and none came or went: the last build's index is this one's.
  const drawing = startPngDrawing(root, project.pendingPngs);
  const pngs = { drawn: 0, cpuMs: 0, waitMs: 0 };
  let pngFailure: PngDrawError | undefined;
  const pngsDrawn = async (): Promise<boolean> => {
    const waitStarted = performance.now();
    try {
      Object.assign(pngs, await drawing.finish());
      return true;
    } catch (error) {
      pngFailure = error instanceof PngDrawError ? error : new PngDrawError(String(error));
      return false;
    } finally {
      pngs.waitMs = performance.now() - waitStarted;
    }
  };
  const searchCopies = { dir: join(workDir, "searchable-pages"), keys: searchCopyKeys(plan) };
  const indexing = plan.unchanged
    ? undefined
    : startSearchIndexing({
        scratchDir: join(workDir, searchPagesDirName(process.pid)),
        kept: { previousSite: outDir, slugs: plan.reused },
        copies: searchCopies,
      });
  // Finished from the moment Astro's pages are written, while the kept pages and the stories' files
  // are put in: Pagefind writes the index in its own process beside that work. Settled at once, so a
  // build failing meanwhile leaves no unhandled rejection.
  let searchFinishing: Promise<{ search: SearchIndexResult } | { error: unknown }> | undefined;
  const pagesWritten = (siteDir: string) => {
    if (!indexing || searchFinishing) return;
    searchFinishing = indexing.finish(siteDir).then(
      (search) => ({ search }),
      (error: unknown) => ({ error }),
    );
  };
  // A site thrown away: once Pagefind, if it started, has stopped writing its index into it.
  const discardSite = async () => {
    await searchFinishing;
    rmSync(stagingDir, { recursive: true, force: true });
  };
  try {
    Object.assign(handOff.build, { stories: new Map(project.stories.map((s) => [s.path, s])), reusedPages: plan.reused, pngsDrawn, pagesWritten });
    handOff.ready();
    const written = await (early ?? writePages(root, stagingDir));
    if ("error" in written) {
      const { error } = written;
      await drawing.stop();
      await discardSite();
      process.stderr.write(`Build failed while writing pages: ${error instanceof Error ? error.message : String(error)}\ndist/ was left as it was.\n`);
      return 1;
    }
    // Astro waited for the PNGs before copying their files (plotline-integration.ts).
    if (pngFailure) {
      await discardSite();
      process.stderr.write(`Build failed while drawing PNGs: ${pngFailure.message}\ndist/ was left as it was.\n`);
      return 1;
    }
    const siteWritten = performance.now();
    // Indexed in the staging folder, so a failed index leaves dist/ as it was, like a failed page.
    let search: SearchIndexResult;
    try {
      if (!indexing) search = reuseSearchIndex(outDir, stagingDir);
      else {
        pagesWritten(stagingDir);
        const finished = await searchFinishing!;
        if ("error" in finished) throw finished.error;
        // What indexing added to the build: the wait once the site was otherwise complete.
        search = { ...finished.search, ms: performance.now() - siteWritten };
      }
    } catch (error) {
      rmSync(stagingDir, { recursive: true, force: true });
      process.stderr.write(`Build failed while indexing the stories for search: ${error instanceof Error ? error.message : String(error)}\ndist/ was left as it was.\n`);
      return 1;
    }
    const indexed = Object.values(search.pages).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      plan.unchanged
        ? `Kept the search index of the last build: no story page changed (${plural(indexed, "story", "stories")}).\n`
        : `Indexed ${plural(indexed, "story", "stories")} for search in ${(search.ms / 1000).toFixed(2)} s` +
            `${plan.reused.size ? ` after the pages were written (${plural(plan.reused.size, "story", "stories")} while they were)` : ""}.\n`,
    );
    // The unchanged stories' pages and files are moved in from the last site as the sites are swapped.
    const keptPaths = keptSitePaths(project.stories.filter((story) => plan.reused.has(story.slug)).map((story) => ({ slug: story.slug, reused: true, assets: story.assets })));
    swapDist(stagingDir, outDir, join(workDir, previousDirName(process.pid)), buildSwapSteps, keptPaths);
    savePagePlan(workDir, plan);
    forgetSearchablePages(searchCopies);
    const finished = performance.now();
    const kept = plan.reused.size ? `, keeping the pages of ${plural(plan.reused.size, "story", "stories")} unchanged since the last build` : "";
    process.stdout.write(`Built the site into dist/ in ${((finished - started) / 1000).toFixed(2)} s${kept}.\n`);
    if (options.report) {
      const phases = { parse: 0, data: 0, check: 0, render: 0, html: 0, images: 0 };
      for (const story of project.stories) for (const key of Object.keys(phases) as (keyof typeof phases)[]) phases[key] += story.timings[key];
      const report: BuildReport = {
        stories: project.stories.length,
        cachedStories,
        reusedPages: plan.reused.size,
        charts,
        compileMs: compiled - started,
        astroMs: siteWritten - compiled,
        searchIndexMs: search.ms,
        searchIndexAlongsideMs: search.alongsideMs,
        pngs,
        totalMs: finished - started,
        maxRssKb: process.resourceUsage().maxRSS,
        phases,
      };
      writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
    }
    return 0;
  } finally {
    await indexing?.stop();
  }
}
