import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { filesUnder } from "../engine/project/files-under.ts";
import type { PublishedStory } from "../engine/project/published-story.ts";
import { translationsOf } from "../astro/story-translations.ts";
import type { SiteConfig } from "./site-config.ts";

/**
 * Which story pages a build can take from the last build instead of having Astro write them again.
 *
 * A story's page (and its charts' embed pages and files) is decided by the story as compiled (its
 * frontmatter, body, figures, files and social card), its translation, and what every page shares: the code of the site
 * (src/), its configuration (site, base, name), its locked dependencies and Node. The last successful
 * build left a key for each page it wrote (.plotline/pages.json); a page whose key is the same now, and
 * whose files are all still in dist/, is moved from there into the new site (swap-dist.ts). Pages that list stories (home,
 * languages, tags, feeds, search, sitemap) are always written again: they are few.
 */
export interface PagePlan {
  /** Slugs of stories whose story and embed pages are taken from `previousSite`. */
  reused: Set<string>;
  /** The site the pages are taken from (dist/). */
  previousSite: string;
  /** Every story page is as the last build wrote it, and no story came or went: its search index holds as it is. */
  unchanged: boolean;
  /** What the next build compares with, written once this build has succeeded (savePagePlan). */
  manifest: PageManifest;
}

export interface PageManifest {
  /** Hash of what every page shares (see shellKey). */
  shell: string;
  /** Story slug → hash of what decides its pages; published stories only. */
  pages: Record<string, string>;
}

/** The plan of the last build that succeeded, in .plotline/. */
export const pageManifestName = "pages.json";
const manifestPath = (workDir: string) => join(workDir, pageManifestName);
const hash = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

export function planPages(root: string, workDir: string, outDir: string, stories: readonly PublishedStory[], config: SiteConfig): PagePlan {
  const shell = shellKey(root, config);
  const published = stories.filter((story) => story.frontmatter && !story.frontmatter.draft);
  const entries = published.map((story) => ({ id: story.slug, data: story.frontmatter! }));
  const translations = translationsOf(entries, () => true);
  const pages: Record<string, string> = {};
  for (const story of published) {
    const translation = translations.get(story.slug);
    pages[story.slug] = hash(
      JSON.stringify([
        story.frontmatter,
        story.body,
        story.charts.map((chart) => [chart.id, chart.domId, chart.title, chart.figure]),
        // Its files too (named by content in the store): a CSV can change beyond the rows a page shows.
        story.assets.map((asset) => [asset.path, asset.file]),
        story.socialCard,
        translation ? [translation.id, translation.data.lang] : null,
      ]),
    );
  }
  const manifest: PageManifest = { shell, pages };
  const last = readManifest(workDir);
  const reused = new Set<string>();
  if (last?.shell === shell) {
    for (const story of published) {
      if (last.pages[story.slug] !== pages[story.slug]) continue;
      const files = [join("stories", story.slug), ...story.charts.map((chart) => join("embed", story.slug, chart.id))];
      // Its files too: they move into the new site with its pages (story-files.ts), from here only.
      if (files.every((folder) => existsSync(join(outDir, folder, "index.html"))) && story.assets.every((asset) => existsSync(join(outDir, ...asset.path.split("/"))))) {
        reused.add(story.slug);
      }
    }
  }
  const sameStories = last !== undefined && Object.keys(last.pages).length === published.length;
  return { reused, previousSite: outDir, unchanged: sameStories && reused.size === published.length && existsSync(join(outDir, "pagefind")), manifest };
}

/**
 * Story slug → what names a searchable copy of its page (search-page-copies.ts): the page's key with
 * what every page shares, since a page with the same key is written again when the site's code changes.
 */
export function searchCopyKeys(plan: PagePlan): Record<string, string> {
  const shell = plan.manifest.shell.slice(0, 16);
  return Object.fromEntries(Object.entries(plan.manifest.pages).map(([slug, key]) => [slug, `${shell}-${key.slice(0, 32)}`]));
}

/** Keeps the plan of a build that succeeded, for the next one to compare with. */
export function savePagePlan(workDir: string, plan: PagePlan): void {
  const partial = `${manifestPath(workDir)}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(plan.manifest));
  renameSync(partial, manifestPath(workDir));
}

function readManifest(workDir: string): PageManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(workDir), "utf8")) as PageManifest;
    return typeof manifest.shell === "string" && typeof manifest.pages === "object" ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** What every page shares: the site's code and styles (src/), its configuration, its locked dependencies, Node. */
function shellKey(root: string, config: SiteConfig): string {
  const digest = createHash("sha256").update(`${process.version}\n${JSON.stringify(config)}\n`);
  for (const file of ["astro.config.mjs", "plotline.config.mjs", "package-lock.json"]) {
    digest.update(`${file}\n`);
    if (existsSync(join(root, file))) digest.update(readFileSync(join(root, file)));
  }
  for (const file of filesUnder(join(root, "src"))) digest.update(`${file}\n`).update(readFileSync(join(root, "src", file)));
  return digest.digest("hex");
}
