import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { linkTree } from "../astro/reused-pages.ts";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";

/**
 * What of a story page is searchable. Pages opt in with data-pagefind-body (only story pages carry it,
 * on their <article>); Pagefind itself drops <nav>, <footer> (the story's sources), <form>, <script>
 * and <svg> (the drawn charts, whose own text is tick labels). Inside the article these are left out too:
 */
export const searchExcludedSelectors = [
  // Each chart is drawn twice (wide and narrow): its legend would count twice.
  ".plotline-narrow",
  // The data behind each chart, as a table and a CSV link: up to thousands of numbers that repeat what the
  // chart, its caption and its text alternative say, and would fill excerpts with digits.
  ".plotline-figure-data",
  // The data appendix at the end of a story: machine names of named values (share_above_500k) and
  // repeats of figures the prose already gives.
  ".plotline-data",
  // The provenance shown when hovering a number in the prose ("data/x.csv · share, band = …").
  ".plotline-provenance",
  // The link to the story's translation is written in the other language.
  ".story-translation",
];

/** Files of Pagefind's own search UIs, which the site does not use (it has its own, see site-search.ts). */
const unusedBundleFile = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

export interface SearchIndexResult {
  /** Story pages in the index, by language as Pagefind names it ("en", "zh-cn"). */
  pages: Record<string, number>;
  /** Bytes of index files (word index, fragments, filters, metadata) by language, as served (Pagefind gzips them). */
  bytes: Record<string, number>;
  /** Bytes of everything written to pagefind/, the search code and WebAssembly included. */
  totalBytes: number;
  ms: number;
}

export class SearchIndexError extends Error {}

/**
 * Builds the site's search index with Pagefind from the story pages of a built site (`siteDir`, the
 * staging folder of `plotline build`) and writes it to `siteDir/pagefind/`. One index per language of
 * the pages' <html lang>; Chinese pages are cut into words while indexing (Pagefind's extended build,
 * the binary its npm package runs). Throws a SearchIndexError saying what went wrong.
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  const storyPages = countStoryPages(siteDir);
  // Pagefind's Node API runs its binary as a child process and reports trouble with it on
  // console.error, stack included: those lines become part of our one-line message instead.
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" "));
  // If the binary dies, Pagefind never answers and Node, with nothing left to wait for, would exit
  // mid-build with status 0. It warns first ('beforeExit'): the build then fails with a message.
  const stoppedError = new SearchIndexError("Pagefind's indexer stopped before it answered");
  let stopped: () => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    stopped = () => reject(stoppedError);
    process.once("beforeExit", stopped);
  });
  try {
    return await Promise.race([index(siteDir, storyPages, started), died]);
  } catch (error) {
    if (error instanceof SearchIndexError && error !== stoppedError) throw error;
    // Pagefind itself failed: most likely its binary is missing or cannot run here.
    const message = error instanceof Error ? error.message : String(error);
    const details = logged.length > 0 ? ` (${logged.join("; ").replace(/\s+/g, " ")})` : "";
    const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
    throw new SearchIndexError(`${message}${details}. Pagefind's binary comes in the npm package @pagefind/${platform}: npm install puts it back.`);
  } finally {
    process.off("beforeExit", stopped);
    console.error = consoleError;
    // Stops Pagefind's indexing process, so the build can exit.
    await pagefind.close();
  }
}

async function index(siteDir: string, storyPages: number, started: number): Promise<SearchIndexResult> {
  const created = await pagefind.createIndex({ excludeSelectors: searchExcludedSelectors });
  if (!created.index) throw new Error(created.errors.join("; ") || "Pagefind could not start an index");
  const { index } = created;
  const added = await index.addDirectory({ path: siteDir, glob: "stories/*/index.html" });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  const { errors, files } = await index.getFiles();
  if (errors.length > 0) throw new Error(errors.join("; "));

  const entryFile = files.find((file) => file.path === "pagefind-entry.json");
  const entry = entryFile
    ? (JSON.parse(new TextDecoder().decode(entryFile.content)) as { languages: Record<string, { page_count: number }> })
    : { languages: {} };
  const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  const indexed = Object.values(pages).reduce((sum, n) => sum + n, 0);
  if (indexed !== storyPages) {
    throw new SearchIndexError(
      `${storyPages} story pages were built but ${indexed} have searchable text: every story page needs data-pagefind-body on its <article>.`,
    );
  }

  const out = join(siteDir, "pagefind");
  const bytes: Record<string, number> = {};
  let totalBytes = 0;
  for (const file of files) {
    if (unusedBundleFile.test(file.path)) continue;
    const target = join(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    totalBytes += file.content.byteLength;
    const lang = indexFileLanguage(file.path);
    if (lang) bytes[lang] = (bytes[lang] ?? 0) + file.content.byteLength;
  }
  return { pages, bytes, totalBytes, ms: performance.now() - started };
}

/**
 * The last build's search index, for a build whose story pages are all as that build wrote them (see
 * page-plan.ts): linked from `previousSite` into `siteDir` instead of indexing every page again.
 */
export function reuseSearchIndex(previousSite: string, siteDir: string): SearchIndexResult {
  const started = performance.now();
  const out = join(siteDir, "pagefind");
  linkTree(join(previousSite, "pagefind"), out);
  const entry = JSON.parse(readFileSync(join(out, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  const bytes: Record<string, number> = {};
  let totalBytes = 0;
  for (const path of readdirSync(out, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(join(out, path));
    if (!stats.isFile()) continue;
    totalBytes += stats.size;
    const lang = indexFileLanguage(path.split("\\").join("/"));
    if (lang) bytes[lang] = (bytes[lang] ?? 0) + stats.size;
  }
  return { pages, bytes, totalBytes, ms: performance.now() - started };
}

/** Index files are named <lang>_<hash>.… (in index/, fragment/, filter/) or pagefind.<lang>_<hash>.pf_meta. */
const indexFileLanguage = (path: string): string | undefined => /^(?:[a-z]+\/|pagefind\.)([a-z0-9-]+)_[0-9a-f]+\./.exec(path)?.[1];

/** Story pages in a built site: stories/<slug>/index.html. */
function countStoryPages(siteDir: string): number {
  const stories = join(siteDir, "stories");
  let count = 0;
  try {
    for (const slug of readdirSync(stories)) {
      try {
        if (statSync(join(stories, slug, "index.html")).isFile()) count++;
      } catch {
        // Not a story page.
      }
    }
  } catch {
    // No stories yet.
  }
  return count;
}
