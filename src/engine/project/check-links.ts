/**
 * Links from stories to other pages and files of the site, checked once every story is compiled (by
 * compileProject and compileProjectInWorkers, so both `plotline check` and `plotline build` report them):
 *
 * - a link must go to a page the build makes — the home page, a language list (/lang/en/), a story that
 *   is not a draft, a chart's embed page (/embed/<story>/<chart>/), the search pages (/search/,
 *   /lang/en/search/), the tag pages (/tags/…, whose names are not checked) — or to a file the site
 *   has: a file of public/, a chart's downloads (/_plotline/data/<story>/<chart>.csv,
 *   /_plotline/charts/<story>/<chart>.svg, and .png when images.chartPng is set), a file the build writes (rss.xml, …: see
 *   links/site-page.ts); otherwise link/broken, at the address;
 * - its #fragment, if any, must be an id on that page (see links/page-anchors.ts), otherwise
 *   link/missing-anchor. Fragments of links to files and embed pages are not checked.
 *
 * - an image (![…](…) or <img src>) must be a file the site has — of public/, or a chart's download
 *   (/_plotline/charts/<story>/<chart>.png, with images.chartPng) — not a page; otherwise link/missing-image, at the address.
 *
 * Drafts are not built, so a published story linking to one is link/broken. A draft may link to other
 * drafts (they are published together, or not at all); its links to anything missing are reported like
 * any other story's. A story whose frontmatter cannot be read counts as published: its own errors say why.
 */
import { chartImagePath } from "../site-files.ts";
import type { CompiledStory } from "../compile-story.ts";

/** What the checks across stories read of a story: a compiled one, or one published for a site (published-story.ts). */
export type ProjectStory = Pick<CompiledStory, "slug" | "path" | "frontmatter" | "links" | "anchors" | "diagnostics" | "ok"> & {
  charts: readonly { id: string; csv?: { path: string } | undefined; png?: { path: string } | undefined }[];
};
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch, suggestion } from "../diagnostics/did-you-mean.ts";
import { hasAnchor, missingAnchor, type PageAnchors } from "../links/page-anchors.ts";
import { builtFiles, languagePageCodes, sitePage, sitePagePath, storyPagePath } from "../links/site-page.ts";
import type { StoryLink } from "../links/story-links.ts";

export interface SiteFiles {
  /** The files of public/, by path under it with "/": "favicon.svg" (see listPublicFiles). */
  publicFiles: readonly string[];
}

/** Adds link problems to the stories that have them (their diagnostics, and `ok`). */
export function checkLinks<Story extends ProjectStory>(stories: readonly Story[], site: SiteFiles): Story[] {
  const bySlug = new Map<string, Story>();
  for (const story of stories) if (!bySlug.has(story.slug)) bySlug.set(story.slug, story);
  const isDraft = (story: ProjectStory) => story.frontmatter?.draft === true;
  const published = [...bySlug.values()].filter((story) => !isDraft(story));
  // File → the story that makes it; public/ and the build's own files have none.
  const files = new Map<string, ProjectStory | undefined>([...site.publicFiles, ...builtFiles].map((path) => [path, undefined]));
  for (const story of bySlug.values()) {
    for (const chart of story.charts) {
      if (chart.csv) files.set(chart.csv.path, story);
      // Every chart a build draws is also an SVG, and a PNG when the site asks for PNGs (images.chartPng).
      files.set(chartImagePath(story.slug, chart.id, "svg"), story);
      if (chart.png) files.set(chart.png.path, story);
    }
  }

  return stories.map((story) => {
    if (story.links.length === 0) return story;
    const fromDraft = isDraft(story);
    const reachable = (target: ProjectStory | undefined) => target === undefined || fromDraft || !isDraft(target);
    // Suggestions: the stories it may link to, other than itself.
    const slugs = (fromDraft ? [...bySlug.values()] : published).map((s) => s.slug).filter((slug) => slug !== story.slug);
    const added: Diagnostic[] = [];
    const broken = (link: StoryLink, suggestion: string, draft?: ProjectStory) =>
      added.push(
        diagnostic(
          "link/broken",
          { href: link.href, target: link.path, reason: draft ? "draft" : "missing", ...(draft ? { draft: draft.path } : {}), suggestion },
          link.span,
        ),
      );
    const anchor = (link: StoryLink, anchors: PageAnchors | undefined, page: string) => {
      if (!hasAnchor(anchors, link)) added.push(missingAnchor(link, anchors, page));
    };

    for (const link of story.links) {
      if (link.kind === "image") {
        const owner = files.get(link.path.slice(1));
        if (!files.has(link.path.slice(1))) added.push(missingImage(link, "missing", imageSuggestion(link, files)));
        else if (!reachable(owner)) added.push(missingImage(link, "draft", "", owner));
        continue;
      }
      const page = sitePage(link.path);
      if (page?.kind === "home") anchor(link, undefined, "the home page");
      else if (page?.kind === "tags" || page?.kind === "tag") anchor(link, undefined, `the page ${sitePagePath(page)}`);
      else if (page?.kind === "search") {
        if (page.code === undefined || languagePageCodes.includes(page.code)) anchor(link, undefined, `the page ${sitePagePath(page)}`);
        else broken(link, suggest(closestMatch(page.code, languagePageCodes), (code) => `/lang/${code}/search/`));
      }
      else if (page?.kind === "embed") {
        const target = bySlug.get(page.slug);
        const charts = target?.charts.map((chart) => chart.id) ?? [];
        if (!target) broken(link, suggest(closestMatch(page.slug, slugs), storyPagePath));
        else if (!reachable(target)) broken(link, "", target);
        else if (!charts.includes(page.chart)) broken(link, suggest(closestMatch(page.chart, charts), (chart) => sitePagePath({ ...page, chart })));
      } else if (page?.kind === "language") {
        if (languagePageCodes.includes(page.code)) anchor(link, undefined, `the list ${sitePagePath(page)}`);
        else broken(link, suggest(closestMatch(page.code, languagePageCodes), (code) => `/lang/${code}/`));
      } else if (page?.kind === "story") {
        const target = bySlug.get(page.slug);
        if (!target) broken(link, suggest(closestMatch(page.slug, slugs), storyPagePath));
        else if (!reachable(target)) broken(link, "", target);
        else anchor(link, target.anchors, `the story ${storyPagePath(target.slug)}`);
      } else {
        const path = link.path.slice(1);
        const found = [path, path.endsWith("/") || path === "" ? `${path}index.html` : `${path}/index.html`].find((p) => files.has(p));
        if (found === undefined) broken(link, fileSuggestion(link, slugs, files));
        else if (!reachable(files.get(found))) broken(link, "", files.get(found));
      }
    }
    if (added.length === 0) return story;
    return { ...story, diagnostics: sortDiagnostics([...story.diagnostics, ...added]), ok: story.ok && !hasErrors(added) };
  });
}

const missingImage = (link: StoryLink, reason: "missing" | "draft", suggestion: string, draft?: ProjectStory): Diagnostic =>
  diagnostic("link/missing-image", { href: link.href, target: link.path, reason, ...(draft ? { draft: draft.path } : {}), suggestion }, link.span);

/** Pictures are found among the site's files only: the closest file name with the same kind of ending. */
const pictureFile = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
function imageSuggestion(link: StoryLink, files: ReadonlyMap<string, unknown>): string {
  const pictures = [...files.keys()].filter((file) => pictureFile.test(file)).map((file) => `/${file}`);
  const match = closestMatch(link.path, pictures);
  return match === undefined ? "" : suggestion(link.path, match);
}

const suggest = <T>(match: T | undefined, address: (match: T) => string) => (match === undefined ? "" : ` Did you mean "${address(match)}"?`);

/** For a link that is neither a page nor a file: what it was probably meant to be. */
function fileSuggestion(link: StoryLink, slugs: readonly string[], files: ReadonlyMap<string, unknown>): string {
  const written = link.href.trim();
  // www.example.com or someone@example.com without https:// or mailto: is read as a file next to the story.
  if (/^[^/.#?][^/#?]*@[^/#?]+\.[a-z]{2,}$/i.test(written)) return ` Did you mean "mailto:${written}"?`;
  if (/^(www\.[^/]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|cn|gov|edu|io|info|co|uk|de|hk|tw|jp))(\/|$)/i.test(written)) return ` Did you mean "https://${written}"?`;
  // /ai-jobs/ or ../../ai-jobs for a story: the last part of the path names it.
  const last = link.path.split("/").filter(Boolean).pop()?.replace(/\.(html|md)$/i, "");
  if (last !== undefined && slugs.includes(last)) return ` Did you mean "${storyPagePath(last)}"?`;
  const candidates = ["/", ...languagePageCodes.map((code) => `/lang/${code}/`), ...slugs.map(storyPagePath), ...[...files.keys()].map((f) => `/${f}`)];
  const match = closestMatch(link.path, candidates);
  return match === undefined ? "" : suggestion(link.path, match);
}
