import { readdirSync, readFileSync, statSync } from "node:fs";
import { linkTree } from "../astro/link-files.ts";
import { join } from "node:path";

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
export const unusedBundleFile = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

export interface SearchIndexResult {
  /** Story pages in the index, by language as Pagefind names it ("en", "zh-cn"). */
  pages: Record<string, number>;
  /** Bytes of index files (word index, fragments, filters, metadata) by language, as served (Pagefind gzips them). */
  bytes: Record<string, number>;
  /** Bytes of everything written to pagefind/, the search code and WebAssembly included. */
  totalBytes: number;
  /** Wall time of the build's part after Astro: what indexing adds to the build. */
  ms: number;
  /** Wall time Pagefind took to read the pages kept from the last build, from its start while Astro wrote the others (see search-indexing.ts). */
  alongsideMs: number;
}

export class SearchIndexError extends Error {}

/**
 * The last build's search index, for a build whose story pages are all as that build wrote them (see
 * page-plan.ts): linked from `previousSite` into `siteDir` instead of indexing every page again.
 */
export function reuseSearchIndex(previousSite: string, siteDir: string): SearchIndexResult {
  const started = performance.now();
  const out = join(siteDir, "pagefind");
  linkTree(join(previousSite, "pagefind"), out);
  return { ...readSearchIndex(out), ms: performance.now() - started, alongsideMs: 0 };
}

/** What a written index (`dir`, a site's pagefind/) holds: pages and bytes by language, all its bytes. */
export function readSearchIndex(dir: string): Pick<SearchIndexResult, "pages" | "bytes" | "totalBytes"> {
  const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const pages = Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  const bytes: Record<string, number> = {};
  let totalBytes = 0;
  for (const path of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(join(dir, path));
    if (!stats.isFile()) continue;
    totalBytes += stats.size;
    const lang = indexFileLanguage(path.split("\\").join("/"));
    if (lang) bytes[lang] = (bytes[lang] ?? 0) + stats.size;
  }
  return { pages, bytes, totalBytes };
}

/** Index files are named <lang>_<hash>.… (in index/, fragment/, filter/) or pagefind.<lang>_<hash>.pf_meta. */
const indexFileLanguage = (path: string): string | undefined => /^(?:[a-z]+\/|pagefind\.)([a-z0-9-]+)_[0-9a-f]+\./.exec(path)?.[1];

/** Slugs of the story pages in a built site: stories/<slug>/index.html. */
export function storyPageSlugs(siteDir: string): string[] {
  const stories = join(siteDir, "stories");
  const slugs: string[] = [];
  try {
    for (const slug of readdirSync(stories)) {
      try {
        if (statSync(join(stories, slug, "index.html")).isFile()) slugs.push(slug);
      } catch {
        // Not a story page.
      }
    }
  } catch {
    // No stories yet.
  }
  return slugs;
}
