// How stories are presented on pages: dates, bylines, labels and links. Plain functions, so pages
// stay simple and these stay type-checked (tsc does not read .astro files).
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";

/** Dates are calendar days as the editor wrote them (2025-03-21 is midnight UTC), so they are shown in UTC. */
const dateFormats: Record<StoryLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
  "zh-CN": new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
};

/** "March 21, 2025" / "2025年3月21日". */
export function formatDate(date: Date, lang: StoryLanguage): string {
  return dateFormats[lang].format(date);
}

/** The machine-readable form for <time datetime>: "2025-03-21". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "By A", "By A and B", "By A, B and C" / "作者：A、B". Empty when there are no authors. */
export function byline(authors: readonly string[], lang: StoryLanguage): string {
  if (authors.length === 0) return "";
  if (lang === "zh-CN") return `作者：${authors.join("、")}`;
  const names = authors.length === 1 ? authors[0] : `${authors.slice(0, -1).join(", ")} and ${authors.at(-1)}`;
  return `By ${names}`;
}

/** Short language label for story lists, and the language's full name for its tooltip. */
export const languageBadge: Record<StoryLanguage, string> = { en: "EN", "zh-CN": "中文" };
export const languageName: Record<StoryLanguage, string> = { en: "English", "zh-CN": "简体中文" };

/** The words around a story, in the story's language. */
export const labels: Record<StoryLanguage, { updated: string; sources: string; draft: string }> = {
  en: { updated: "Updated", sources: "Sources", draft: "Draft" },
  "zh-CN": { updated: "更新于", sources: "来源", draft: "草稿" },
};

/**
 * An internal link under the site's base path: withBase("/news/", "stories/x/") → "/news/stories/x/".
 * Pass import.meta.env.BASE_URL as base; paths are written without a leading slash.
 */
export function withBase(base: string, path = ""): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, "");
}

/** The link to a story page; always ends in "/" (trailingSlash: "always"). */
export function storyHref(base: string, slug: string): string {
  return withBase(base, `stories/${encodeURIComponent(slug)}/`);
}

/** Newest first; ties by headline so the order is stable. */
export function newestFirst<T extends { data: { date: Date; title: string } }>(a: T, b: T): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title);
}
