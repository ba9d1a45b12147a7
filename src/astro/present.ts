// How stories are presented on pages: dates, bylines, labels and links. Plain functions, so pages
// stay simple and these stay type-checked (tsc does not read .astro files).
import { description as siteDescription, name as siteName } from "../../plotline.config.mjs";
import { languages, type StoryLanguage } from "../engine/story/frontmatter-schema.ts";

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

/** A full ISO 8601 date-time in UTC for feeds and search engines: "2025-03-21T00:00:00Z". */
export function isoDateTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}

/** "By A", "By A and B", "By A, B and C" / "作者：A、B". Empty when there are no authors. */
export function byline(authors: readonly string[], lang: StoryLanguage): string {
  if (authors.length === 0) return "";
  return labels[lang].by(authors);
}

/** Short language label for story lists, and the language's full name for its tooltip. */
export const languageBadge: Record<StoryLanguage, string> = { en: "EN", "zh-CN": "中文" };
export const languageName: Record<StoryLanguage, string> = { en: "English", "zh-CN": "简体中文" };

/**
 * Every word Plotline itself puts on a page, one set per language. A page's words are in the page's
 * language: a story's page in the story's; the home page and the English list in English; the Chinese
 * list in Chinese. Words that name a language (the filter's "English" and "中文", a link to a
 * translation) are written in that language wherever they appear, and marked with lang.
 */
export interface Labels {
  /** The site's name and description are set in plotline.config.mjs. */
  siteName: string;
  /** The home page's meta description, and the feeds'. */
  siteDescription: string;
  skipToContent: string;
  /** The footer's sentence after the site name. */
  footer: string;
  /** "By A and B" / "作者：A、B". */
  by: (authors: readonly string[]) => string;
  updated: string;
  sources: string;
  draft: string;
  /** Heading of the home page. */
  latestStories: string;
  noStories: string;
  /** The accessible name of the language filter. */
  languageFilter: string;
  /** The filter's first item: every story. */
  allLanguages: string;
  /** This language's own name, in the filter. */
  languageSelf: string;
  /** Heading and title of the list of this language's stories. */
  storiesInLanguage: string;
  /** A link to the version of a story in this language: the words are in the language the reader will read. */
  readInLanguage: string;
  /** The header's link to the search page, and the search button. */
  search: string;
  /** Heading, title and input label of the search page. */
  searchTitle: string;
  searchDescription: string;
  /** Shown when scripts are off: search runs in the browser. */
  searchNeedsJavaScript: string;
  /** The link after searchNeedsJavaScript. */
  searchBrowseInstead: string;
  searching: string;
  /** Search could not load (in `astro dev`, where there is no index, or offline). */
  searchUnavailable: string;
  /** "{count}" and "{query}" are filled in by the page's script (site-search.ts). */
  searchResultsOne: string;
  searchResultsMany: string;
  searchNoResults: string;
  /** The button under the results that lists the next ones. */
  searchMore: string;
  /** A link to the search of stories in this language, written in this language. */
  searchInLanguage: string;
  /** The label of the search page's choice of topic (tag), and its first choice: every topic. */
  searchTopic: string;
  searchAllTopics: string;
  notFoundTitle: string;
  notFoundDescription: string;
  notFoundText: string;
  notFoundLink: string;
  /** Names the tags of a story (its list of links) and heads the page of every tag. */
  tags: string;
  /** Meta description of the page of every tag. */
  tagsDescription: string;
  /** Heading and title of the page of one tag's stories. */
  taggedHeading: (tag: string) => string;
  /** Meta description of the page of one tag's stories. */
  taggedDescription: (tag: string) => string;
  /** How many stories carry a tag, on the page of every tag. */
  storyCount: (count: number) => string;
  /** The link from a tag's page to the page of every tag. */
  allTags: string;
}

export const labels: Record<StoryLanguage, Labels> = {
  en: {
    siteName,
    siteDescription: siteDescription.en,
    skipToContent: "Skip to content",
    footer: "Data journalism. Charts are drawn when the site is built: no scripts, no trackers.",
    by: (authors) => `By ${authors.length === 1 ? authors[0] : `${authors.slice(0, -1).join(", ")} and ${authors.at(-1)}`}`,
    updated: "Updated",
    sources: "Sources",
    draft: "Draft",
    latestStories: "Latest stories",
    noStories: "No stories have been published yet.",
    languageFilter: "Stories by language",
    allLanguages: "All",
    languageSelf: "English",
    storiesInLanguage: "Stories in English",
    readInLanguage: "Read in English",
    search: "Search",
    searchTitle: "Search stories",
    searchDescription: "Search the stories in English.",
    searchNeedsJavaScript: "Search runs in your browser and needs JavaScript, which is off or did not load.",
    searchBrowseInstead: "Browse the stories in English",
    searching: "Searching…",
    searchUnavailable: "Search is not available right now. Try again later.",
    searchResultsOne: "1 story matches “{query}”.",
    searchResultsMany: "{count} stories match “{query}”.",
    searchNoResults: "No story matches “{query}”. Try fewer or other words.",
    searchMore: "Show more results",
    searchInLanguage: "Search the stories in English",
    searchTopic: "Topic",
    searchAllTopics: "All topics",
    notFoundTitle: "Page not found",
    notFoundDescription: "There is no page at this address.",
    notFoundText: "There is no page at this address. It may have moved, or the link may have a typo.",
    notFoundLink: "See the latest stories",
    tags: "Tags",
    tagsDescription: "Every tag on the site, with how many stories carry it.",
    taggedHeading: (tag) => `Stories tagged “${tag}”`,
    taggedDescription: (tag) => `Every story tagged “${tag}”, newest first.`,
    storyCount: (count) => (count === 1 ? "1 story" : `${count} stories`),
    allTags: "All tags",
  },
  "zh-CN": {
    siteName,
    siteDescription: siteDescription["zh-CN"],
    skipToContent: "跳到正文",
    footer: "数据新闻。图表在网站构建时绘制：没有脚本，没有跟踪器。",
    by: (authors) => `作者：${authors.join("、")}`,
    updated: "更新于",
    sources: "来源",
    draft: "草稿",
    latestStories: "最新报道",
    noStories: "还没有发布报道。",
    languageFilter: "按语言浏览",
    allLanguages: "全部",
    languageSelf: "中文",
    storiesInLanguage: "中文报道",
    readInLanguage: "阅读中文版",
    search: "搜索",
    searchTitle: "搜索报道",
    searchDescription: "搜索中文报道。",
    searchNeedsJavaScript: "搜索在浏览器中运行，需要 JavaScript，但它已关闭或未能加载。",
    searchBrowseInstead: "浏览全部中文报道",
    searching: "正在搜索…",
    searchUnavailable: "搜索暂时无法使用，请稍后再试。",
    searchResultsOne: "有1篇报道与“{query}”相符。",
    searchResultsMany: "有{count}篇报道与“{query}”相符。",
    searchNoResults: "没有与“{query}”相符的报道。请减少或换用关键词。",
    searchMore: "显示更多结果",
    searchInLanguage: "搜索中文报道",
    searchTopic: "主题",
    searchAllTopics: "全部主题",
    notFoundTitle: "找不到页面",
    notFoundDescription: "这个地址没有页面。",
    notFoundText: "这个地址没有页面。页面可能已经移动，或者链接有误。",
    notFoundLink: "查看最新报道",
    tags: "标签",
    tagsDescription: "网站的全部标签，以及每个标签下的报道数。",
    taggedHeading: (tag) => `标签：${tag}`,
    taggedDescription: (tag) => `标签为“${tag}”的全部报道，最新的在前。`,
    storyCount: (count) => `${count}篇报道`,
    allTags: "全部标签",
  },
};

/** The last path segment of each language's list of stories: /lang/en/, /lang/zh-cn/. */
export const languageSlug: Record<StoryLanguage, string> = { en: "en", "zh-CN": "zh-cn" };

/** The language of a list page's path segment ("zh-cn" → "zh-CN"), or undefined. */
export function languageOfSlug(slug: string): StoryLanguage | undefined {
  return languages.find((lang) => languageSlug[lang] === slug);
}

/**
 * The search page of one language's stories: /search/ for English (like the home page, the site's
 * first language), /lang/zh-cn/search/ for Chinese. Pagefind searches the index of the page's
 * <html lang>, cutting a Chinese query into words only on a Chinese page, so each language has its own.
 */
export function searchHref(base: string, lang: StoryLanguage): string {
  return withBase(base, lang === "en" ? "search/" : `lang/${languageSlug[lang]}/search/`);
}

/**
 * The stylesheet pages link inside <noscript> (src/styles/no-script.css), so it applies only to readers
 * without JavaScript. Published as a file of its own by the Plotline integration rather than imported:
 * Vite would link a stylesheet a page imports on every page, script or not.
 */
export const NO_SCRIPT_CSS_PATH = "_plotline/no-script.css";

/** The link to the list of one language's stories: withBase(base, "lang/zh-cn/"). */
export function languageHref(base: string, lang: StoryLanguage): string {
  return withBase(base, `lang/${languageSlug[lang]}/`);
}

/** The filter above every list of stories: "All · English · 中文", each link in its own language. */
export function languageFilter(base: string, pageLang: StoryLanguage): { label: string; href: string; lang: StoryLanguage; key: "all" | StoryLanguage }[] {
  return [
    { key: "all" as const, label: labels[pageLang].allLanguages, href: withBase(base), lang: pageLang },
    ...languages.map((lang) => ({ key: lang, label: labels[lang].languageSelf, href: languageHref(base, lang), lang })),
  ];
}

export { translationsOf } from "./story-translations.ts";

/** The absolute address of a page (for rel=alternate and canonical links), or undefined without a site. */
export function absoluteUrl(site: URL | undefined, href: string): string | undefined {
  return site ? new URL(href, site).href : undefined;
}

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
