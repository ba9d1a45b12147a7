import { readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EMBED_TEMPLATE_SLUG, embedPage, embedTemplatePath, stampEmbedPage } from "./embed-page.ts";
import { chartFigure, siteRegistry } from "./site-registry.ts";
import { languages } from "../engine/story/frontmatter-schema.ts";
import { fileWork } from "./file-work.ts";

/**
 * Writes the embed page of every chart of every published story into a built site, from the template
 * pages Astro wrote (see embed-page.ts), then removes those; those of stories whose pages the last build
 * made as they are now were linked from it already. Answers with the number of pages written. This
 * thread fills the pages; Node's thread pool makes their folders and writes them (file-work.ts).
 */
export async function writeEmbedPages(outDir: string, base: string, site: URL | undefined): Promise<number> {
  const templates = new Map(languages.map((lang) => [lang, readFileSync(join(outDir, ...embedTemplatePath(lang).split("/")), "utf8")]));
  const work = fileWork();
  let written = 0;
  const reused = siteRegistry().build?.reusedPages;
  for (const story of siteRegistry().stories.values()) {
    const { frontmatter } = story;
    if (!frontmatter || frontmatter.draft || reused?.has(story.slug)) continue;
    for (const chart of story.charts) {
      const page = embedPage({ id: story.slug, data: frontmatter }, chart, chartFigure(chart), base, site);
      const folder = join(outDir, "embed", story.slug, chart.id);
      const html = stampEmbedPage(templates.get(frontmatter.lang)!, page);
      await work.add(() => work.folder(folder).then(() => writeFile(join(folder, "index.html"), html)));
      written++;
    }
  }
  await work.done();
  rmSync(join(outDir, "embed", EMBED_TEMPLATE_SLUG), { recursive: true, force: true });
  return written;
}
