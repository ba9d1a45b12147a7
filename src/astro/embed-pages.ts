import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMBED_TEMPLATE_SLUG, embedPage, embedTemplatePath, stampEmbedPage } from "./embed-page.ts";
import { chartFigure, siteRegistry } from "./site-registry.ts";
import { languages } from "../engine/story/frontmatter-schema.ts";

/**
 * Writes the embed page of every chart of every published story into a built site, from the template
 * pages Astro wrote (see embed-page.ts), then removes those; those of stories whose pages the last build
 * made as they are now were linked from it already. Answers with the number of pages written.
 */
export function writeEmbedPages(outDir: string, base: string, site: URL | undefined): number {
  const templates = new Map(languages.map((lang) => [lang, readFileSync(join(outDir, ...embedTemplatePath(lang).split("/")), "utf8")]));
  let written = 0;
  const reused = siteRegistry().build?.reusedPages;
  for (const story of siteRegistry().stories.values()) {
    const { frontmatter } = story;
    if (!frontmatter || frontmatter.draft || reused?.has(story.slug)) continue;
    for (const chart of story.charts) {
      const page = embedPage({ id: story.slug, data: frontmatter }, chart, chartFigure(chart), base, site);
      const folder = join(outDir, "embed", story.slug, chart.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "index.html"), stampEmbedPage(templates.get(frontmatter.lang)!, page));
      written++;
    }
  }
  rmSync(join(outDir, "embed", EMBED_TEMPLATE_SLUG), { recursive: true, force: true });
  return written;
}
