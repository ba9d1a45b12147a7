/**
 * The pages and files the site shell (src/pages/, src/astro/) builds, as the engine knows them, so that
 * links editors write can be checked and written out without Astro. When a page is added to the shell,
 * add it here: tests/build/links.test.ts fails for a built page this does not know.
 */
import { languages } from "../story/frontmatter-schema.ts";

export type SitePage =
  | { kind: "home" }
  | { kind: "story"; slug: string }
  | { kind: "language"; code: string }
  /** The search page: /search/, or one language's: /lang/zh-cn/search/. */
  | { kind: "search"; code?: string }
  | { kind: "tags" }
  | { kind: "tag"; tag: string }
  | { kind: "embed"; slug: string; chart: string };

/** The address segment of each language's list, /lang/en/ and /lang/zh-cn/ (as languageSlug in src/astro/present.ts). */
export const languagePageCodes: readonly string[] = languages.map((lang) => lang.toLowerCase());

/** Files the build writes besides pages and public/, by path under the site root. */
export const builtFiles: readonly string[] = ["404.html", "rss.xml", "robots.txt", "sitemap.xml", ...languagePageCodes.map((code) => `lang/${code}/rss.xml`)];

/**
 * The page a decoded root path names, in any form a static host serves it: "/stories/a/",
 * "/stories/a" and "/stories/a/index.html" are one page. Undefined for anything else (a file, or nothing).
 * Names are not checked here: "/stories/nothing/" is a story page that may not exist.
 */
export function sitePage(path: string): SitePage | undefined {
  if (!path.startsWith("/")) return undefined;
  const inner = path.replace(/\/index\.html$/, "/").slice(1).replace(/\/$/, "");
  if (inner === "") return { kind: "home" };
  const parts = inner.split("/");
  // An empty part ("/stories//a/") is no page.
  if (parts.includes("") || parts.length > 3) return undefined;
  const [section, name, extra] = parts;
  if (section === "embed") return name !== undefined && extra !== undefined ? { kind: "embed", slug: name, chart: extra } : undefined;
  if (section === "lang" && name !== undefined && extra === "search") return { kind: "search", code: name };
  if (extra !== undefined) return undefined;
  if (section === "search") return name === undefined ? { kind: "search" } : undefined;
  if (section === "tags") return name === undefined ? { kind: "tags" } : { kind: "tag", tag: name };
  if (name === undefined) return undefined;
  if (section === "stories") return { kind: "story", slug: name };
  if (section === "lang") return { kind: "language", code: name };
  return undefined;
}

/** The address of a page as the site links to it, under the root: "/", "/stories/a/", "/lang/en/". */
export function sitePagePath(page: SitePage): string {
  const segments =
    page.kind === "home" ? []
    : page.kind === "story" ? ["stories", page.slug]
    : page.kind === "language" ? ["lang", page.code]
    : page.kind === "search" ? [...(page.code === undefined ? [] : ["lang", page.code]), "search"]
    : page.kind === "tags" ? ["tags"]
    : page.kind === "tag" ? ["tags", page.tag]
    : ["embed", page.slug, page.chart];
  return `/${segments.map((s) => `${encodeURIComponent(s)}/`).join("")}`;
}

/** Where a story is published: "/stories/ai-jobs/". */
export const storyPagePath = (slug: string): string => sitePagePath({ kind: "story", slug });
