import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readStoredBytes } from "../engine/project/file-store.ts";
import type { PublishedStory } from "../engine/project/published-story.ts";
import { figureMarkers } from "../engine/story/figure-markers.ts";
import { fileWork } from "./file-work.ts";

/**
 * Puts each story's figures into its page as Astro wrote it. `plotline build` has Astro render a story
 * page around its stored body as it is, with a marker where each figure goes (storyBody in
 * site-registry.ts; the markers of figure-markers.ts are ASCII between two NULs, which no story's text
 * has), and the stored figures' bytes are spliced in here: most of a page's bytes (five charts: about 180 of
 * 205 KB) then never become a JavaScript string on the main thread, to be decoded from the store,
 * put into the body, carried through Astro's rendering and encoded again (about 6 ms a page). The
 * markers are plain bytes, so the page is searched as Latin-1 (one character a byte). Each stored
 * figure is checked against its hash, as readStoredText does. Reading and writing run on Node's
 * thread pool (file-work.ts). Answers with the number of pages filled.
 */
export async function fillFigureSlots(root: string, outDir: string, stories: readonly Pick<PublishedStory, "slug" | "figuresApart" | "charts">[]): Promise<number> {
  const work = fileWork();
  let filled = 0;
  for (const story of stories) {
    if (!story.figuresApart || story.charts.length === 0) continue;
    const file = join(outDir, "stories", story.slug, "index.html");
    await work.add(async () => {
      const page = await readFile(file);
      const parts: Buffer[] = [];
      let from = 0;
      for (const match of page.toString("latin1").matchAll(figureMarkers)) {
        const chart = story.charts[Number(match[1])];
        if (!chart) continue;
        parts.push(page.subarray(from, match.index), await readStoredBytes(root, chart.figure));
        from = match.index + match[0].length;
      }
      if (parts.length === 0) return;
      parts.push(page.subarray(from));
      await writeFile(file, Buffer.concat(parts));
      filled++;
    });
  }
  await work.done();
  return filled;
}
