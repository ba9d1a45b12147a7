import { dirname, join } from "node:path";
import type { PublishedFile } from "../engine/project/published-story.ts";
import { fileWork } from "./file-work.ts";
import { linkOrCopy } from "./link-files.ts";

/** A published story as its files are put into a built site. */
export interface StoryFiles {
  slug: string;
  /** Its pages are the last build's (page-plan.ts): they and its files are taken from there when the site is swapped in. */
  reused: boolean;
  assets: readonly PublishedFile[];
}

/**
 * Puts the files (CSV, payloads, SVG downloads, cards) of the stories whose pages were written again
 * into a built site `outDir`, those of `include` only when given: hard links to the project's stores,
 * as pnpm links packages from its store (a copy where the site is on another file system). Measured
 * on 3,800 files (300 stories): copies 0.9–1.1 s of CPU, links 0.05 s. So a file of dist/ under
 * _plotline/ is the stored file itself: replace it, never edit it in place (README, Reliability).
 * The links are made on Node's thread pool (file-work.ts). An unchanged story's pages and files come
 * from the last build's site at the swap (see keptSitePaths).
 */
export async function putStoryFiles(root: string, outDir: string, stories: readonly StoryFiles[], include: (file: PublishedFile) => boolean = () => true): Promise<void> {
  const work = fileWork();
  for (const story of stories) {
    if (story.reused) continue;
    for (const asset of story.assets) {
      if (!include(asset)) continue;
      const file = join(outDir, ...asset.path.split("/"));
      await work.add(() => work.folder(dirname(file)).then(() => linkOrCopy(join(root, asset.file), file)));
    }
  }
  await work.done();
}

/**
 * What of the last build's site the unchanged stories' pages and files are, site-relative with "/":
 * each one's page folder, its embed pages' folder, the folders of its files named after it
 * (_plotline/data/<slug>) and its files elsewhere (its card, payloads named by their content). The
 * build moves them from the last site into the new one as it swaps them (swap-dist.ts): a few renames
 * a story where linking its files one by one into the new site took 1.5 s at 1,000 stories, and
 * removing the old site then took as long again.
 */
export function keptSitePaths(stories: readonly StoryFiles[]): string[] {
  const paths = new Set<string>();
  for (const story of stories) {
    if (!story.reused) continue;
    paths.add(`stories/${story.slug}`);
    paths.add(`embed/${story.slug}`);
    for (const asset of story.assets) {
      const parts = asset.path.split("/");
      const own = parts.slice(0, -1).lastIndexOf(story.slug);
      paths.add(own >= 0 ? parts.slice(0, own + 1).join("/") : asset.path);
    }
  }
  return [...paths];
}
