import { constants, copyFileSync, mkdirSync } from "node:fs";
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
 * and an unchanged story's pages, linked.
 */
export async function putStoryFiles(root: string, outDir: string, previousSite: string | undefined, stories: readonly StoryFiles[]): Promise<void> {
  const made = new Set<string>();
  for (const [n, story] of stories.entries()) {
    for (const asset of story.assets) {
      const file = join(outDir, ...asset.path.split("/"));
      const folder = dirname(file);
      if (!made.has(folder)) made.add(folder), mkdirSync(folder, { recursive: true });
      if (story.reused && previousSite && linkFile(join(previousSite, ...asset.path.split("/")), file)) continue;
      copyFileSync(join(root, asset.file), file, constants.COPYFILE_FICLONE);
    }
    if (story.reused && previousSite) linkReusedPages(previousSite, outDir, [story.slug]);
    // Now and then the work waiting on the main thread gets its turn: the search index is finished
    // meanwhile (build-command.ts), and each of its steps needs a moment of this thread.
    if (n % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
}
