import { readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cutEmbedTemplate, EMBED_TEMPLATE_SLUG, embedPageText, embedTemplatePath, stampEmbedPage } from "./embed-page.ts";
import { siteRegistry } from "./site-registry.ts";
import { readStoredBytes } from "../engine/project/file-store.ts";
import { languages } from "../engine/story/frontmatter-schema.ts";
import { fileWork } from "./file-work.ts";

/**
 * Writes the embed page of every chart of every published story into a built site, from the template
 * pages Astro wrote (see embed-page.ts), then removes those; those of stories whose pages the last build
 * made as they are now were linked from it already. Answers with the number of pages written. Each
 * page is put together as bytes, its figure as the file store holds it (checked against its hash);
 * Node's thread pool reads the figures, makes the folders and writes the pages (file-work.ts).
 */
export async function writeEmbedPages(outDir: string, base: string, site: URL | undefined): Promise<number> {
  const templates = new Map(languages.map((lang) => [lang, cutEmbedTemplate(readFileSync(join(outDir, ...embedTemplatePath(lang).split("/")), "utf8"))]));
  const { root } = siteRegistry();
  const work = fileWork();
  let written = 0;
  const reused = siteRegistry().build?.reusedPages;
  for (const story of siteRegistry().stories.values()) {
    const { frontmatter } = story;
    if (!frontmatter || frontmatter.draft || reused?.has(story.slug)) continue;
    for (const chart of story.charts) {
      const page = embedPageText({ id: story.slug, data: frontmatter }, chart, base, site);
      const folder = join(outDir, "embed", story.slug, chart.id);
      const template = templates.get(frontmatter.lang)!;
      await work.add(async () => {
        const [figure] = await Promise.all([readStoredBytes(root, chart.figure), work.folder(folder)]);
        await writeFile(join(folder, "index.html"), stampEmbedPage(template, page, figure));
      });
      written++;
    }
  }
  await work.done();
  rmSync(join(outDir, "embed", EMBED_TEMPLATE_SLUG), { recursive: true, force: true });
  return written;
}
