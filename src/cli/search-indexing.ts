import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { copySearchablePages, linkSearchablePages, type SearchPageCopies } from "./search-page-copies.ts";
import { readSearchIndex, SearchIndexError, searchExcludedSelectors, storyPageSlugs, unusedBundleFile, type SearchIndexResult } from "./search-index.ts";

/** Story pages the last build wrote as this one would (page-plan.ts): indexed from there while Astro runs. */
export interface KeptPages {
  /** The last build's site (dist/). */
  previousSite: string;
  slugs: ReadonlySet<string>;
}

/** How `plotline build` indexes its site (a plain `writeSearchIndex` reads the whole pages of one folder). */
export interface IndexingPlan {
  /** A folder of the build's own, where the pages Pagefind reads are put (removed by `stop`). */
  scratchDir: string;
  kept?: KeptPages;
  /** Searchable copies of the pages (search-page-copies.ts): Pagefind reads those instead of the whole pages. */
  copies?: SearchPageCopies;
}

/** A search index being built (startSearchIndexing): `finish` once the site's pages are written, `stop` always. */
export interface SearchIndexing {
  /**
   * Adds the story pages of `siteDir` (the staging folder of `plotline build`) that were not indexed
   * yet, writes the index to `siteDir/pagefind/` and says what it holds. Throws a SearchIndexError
   * saying what went wrong.
   */
  finish(siteDir: string): Promise<SearchIndexResult>;
  /** Stops Pagefind's process and removes the scratch folder; after `finish` or instead of it. */
  stop(): Promise<void>;
}

/**
 * Starts the site's search index with Pagefind (one index per language of the pages' <html lang>;
 * Chinese is cut into words while indexing by Pagefind's extended binary, the one its npm package runs).
 *
 * Reading the pages is most of Pagefind's work, and it runs in Pagefind's own process. So the story
 * pages the build takes from the last one (`kept`) are read now, on the core Astro leaves idle;
 * `finish` adds only the pages Astro wrote. With `copies`, Pagefind reads searchable copies of the
 * pages (searchable-page.ts: the pages without their drawn charts and chart data, which it would drop
 * anyway): at 1,000 stories 10 MB instead of 250 MB, read in 0.9 s instead of 4.9 s. Pagefind reads
 * pages from a folder, under the address they have there, so the pages are put in a scratch folder
 * as stories/<slug>/index.html.
 * The index holds the same pages, text, languages, meta and filters as one made from the finished site;
 * only Pagefind's internal page order (the order pages were added) differs.
 */
export function startSearchIndexing(plan?: IndexingPlan): SearchIndexing {
  // Pagefind's Node API reports trouble with its process on console.error, stack included: those lines
  // become part of our one-line message instead. Only Pagefind's: Astro may write meanwhile.
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (!isPagefindComplaint(args)) return consoleError(...args);
    logged.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" "));
  };
  const started = performance.now();
  const index = createIndex();
  const kept = plan?.kept;
  // Settled now, so that a failure while Astro runs is not an unhandled rejection: `finish` reports it.
  const alongside = index
    .then(async (index) => {
      if (!plan || !kept?.slugs.size) return 0;
      const folder = join(plan.scratchDir, "kept");
      await linkSearchablePages(plan.copies, kept.previousSite, kept.slugs, folder);
      await addStoryPages(index, folder);
      return performance.now() - started;
    })
    .then(
      (ms) => ({ ms }),
      (error: unknown) => ({ error }),
    );

  async function finish(siteDir: string): Promise<SearchIndexResult> {
    const finishing = performance.now();
    const storyPages = storyPageSlugs(siteDir);
    const early = await alongside;
    if ("error" in early) throw early.error;
    const pages = await index;
    const written = storyPages.filter((slug) => !kept?.slugs.has(slug));
    if (!plan) await addStoryPages(pages, siteDir);
    else if (written.length > 0) {
      const folder = join(plan.scratchDir, "written");
      if (plan.copies) copySearchablePages(plan.copies, siteDir, written, folder);
      else await linkSearchablePages(undefined, siteDir, written, folder);
      await addStoryPages(pages, folder);
    }
    const out = join(siteDir, "pagefind");
    const wrote = await pages.writeFiles({ outputPath: out });
    if (wrote.errors.length > 0) throw new Error(wrote.errors.join("; "));
    for (const file of readdirSync(out)) if (unusedBundleFile.test(file)) rmSync(join(out, file));
    const result = readSearchIndex(out);
    const indexed = Object.values(result.pages).reduce((sum, n) => sum + n, 0);
    // The kept pages may not be in siteDir yet: finishing can start as soon as Astro has written its pages.
    const built = new Set([...storyPages, ...(kept?.slugs ?? [])]).size;
    if (indexed !== built) {
      throw new SearchIndexError(
        `${built} story pages were built but ${indexed} have searchable text: every story page needs data-pagefind-body on its <article>.`,
      );
    }
    return { ...result, ms: performance.now() - finishing, alongsideMs: early.ms };
  }

  return {
    finish: (siteDir) => explained(() => finish(siteDir), logged),
    async stop() {
      console.error = consoleError;
      // Stops Pagefind's indexing process, so the build can exit.
      await pagefind.close();
      if (plan) rmSync(plan.scratchDir, { recursive: true, force: true });
    },
  };
}

/** Builds the search index of a built site (`siteDir`) from scratch, into `siteDir/pagefind/`. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const indexing = startSearchIndexing();
  try {
    return await indexing.finish(siteDir);
  } finally {
    await indexing.stop();
  }
}

async function createIndex(): Promise<pagefind.PagefindIndex> {
  // Pagefind reads pages on every core, and it reads beside Astro, which writes pages on the main
  // thread: on one thread (rayon's setting, read when its process starts) it takes the other core only.
  // Measured at 1,000 stories, one edited: Astro 9.3–9.8 s → 7.9–8.3 s, the build 11.7–12.7 s → 11.0 s.
  const threads = process.env["RAYON_NUM_THREADS"];
  if (threads === undefined) process.env["RAYON_NUM_THREADS"] = "1";
  let created: Awaited<ReturnType<typeof pagefind.createIndex>>;
  try {
    created = await pagefind.createIndex({ excludeSelectors: searchExcludedSelectors });
  } finally {
    if (threads === undefined) delete process.env["RAYON_NUM_THREADS"];
  }
  if (!created.index) throw new Error(created.errors.join("; ") || "Pagefind could not start an index");
  return created.index;
}

async function addStoryPages(index: pagefind.PagefindIndex, siteDir: string): Promise<void> {
  const added = await index.addDirectory({ path: siteDir, glob: "stories/*/index.html" });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
}

/**
 * Runs `finish` so that it fails with a SearchIndexError saying what went wrong, never a stack trace,
 * and never lets the build exit half-way: if Pagefind's process dies, its Node API never answers and
 * Node, with nothing left to wait for, would exit mid-build with status 0. It warns first ('beforeExit').
 */
async function explained<T>(finish: () => Promise<T>, logged: readonly string[]): Promise<T> {
  const stoppedError = new SearchIndexError("Pagefind's indexer stopped before it answered");
  let stopped: () => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    stopped = () => reject(stoppedError);
    process.once("beforeExit", stopped);
  });
  try {
    return await Promise.race([finish(), died]);
  } catch (error) {
    if (error instanceof SearchIndexError && error !== stoppedError) throw error;
    // Pagefind itself failed: most likely its binary is missing or cannot run here.
    const message = error instanceof Error ? error.message : String(error);
    const details = logged.length > 0 ? ` (${logged.join("; ").replace(/\s+/g, " ")})` : "";
    const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
    throw new SearchIndexError(`${message}${details}. Pagefind's binary comes in the npm package @pagefind/${platform}: npm install puts it back.`);
  } finally {
    process.off("beforeExit", stopped);
  }
}

/** What Pagefind's Node API writes on console.error (lib/service.js): "Service stopped" and its errors of communication. */
const isPagefindComplaint = (args: unknown[]): boolean =>
  args[0] === "Service stopped" || (args[0] instanceof Error && /pagefind/i.test(args[0].message));
