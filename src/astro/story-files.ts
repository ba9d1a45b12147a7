import { constants, copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PublishedFile } from "../engine/project/published-story.ts";
import { linkFile, linkReusedPages } from "./reused-pages.ts";

/** A published story as its files are put into a built site. */
export interface StoryFiles {
  slug: string;
  /** Its pages are the last build's (page-plan.ts): they and its files are linked from there. */
  reused: boolean;
  assets: readonly PublishedFile[];
}

/**
 * Puts the stories' files (CSV, payloads, SVG downloads, cards) into a built site `outDir`: an unchanged
 * story's from the last build's site (linked: its page key covers them), the others copied from the
 * project's stores (a copy, never a link: whatever is done to the site later cannot change the cache);
 * and an unchanged story's pages, linked. A file not in its store yet (a PNG still being drawn: see
 * engine/project/png-drawing.ts) is left out and answered, for the caller to copy once it is drawn.
 */
export function putStoryFiles(root: string, outDir: string, previousSite: string | undefined, stories: readonly StoryFiles[]): PublishedFile[] {
  const made = new Set<string>();
  const later: PublishedFile[] = [];
  for (const story of stories) {
    for (const asset of story.assets) {
      const file = join(outDir, ...asset.path.split("/"));
      const folder = dirname(file);
      if (!made.has(folder)) made.add(folder), mkdirSync(folder, { recursive: true });
      if (story.reused && previousSite && linkFile(join(previousSite, ...asset.path.split("/")), file)) continue;
      const source = join(root, asset.file);
      if (!existsSync(source)) {
        later.push(asset);
        continue;
      }
      copyFileSync(source, file, constants.COPYFILE_FICLONE);
    }
  }
  if (previousSite) linkReusedPages(previousSite, outDir, stories.filter((story) => story.reused).map((story) => story.slug));
  return later;
}

/** Copies files putStoryFiles left for later into the site; throws if one is still missing. */
export function putLaterFiles(root: string, outDir: string, files: readonly PublishedFile[]): void {
  for (const asset of files) {
    const file = join(outDir, ...asset.path.split("/"));
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(join(root, asset.file), file, constants.COPYFILE_FICLONE);
  }
}
