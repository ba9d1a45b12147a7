// RSS 2.0 feeds of the newest stories: /rss.xml (every language, like the home page) and
// /lang/<language>/rss.xml (one language, like its list). Addresses are absolute (feed readers
// fetch them from elsewhere); dates are RFC 822; a story's tags are its categories.
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { absoluteUrl, labels, languageHref, languageSlug, newestFirst, storyHref, withBase } from "./present.ts";
import { distinctTags } from "./tag-index.ts";
import { xmlHtmlText, xmlText } from "../engine/xml/xml-text.ts";

/** Stories per feed: readers poll feeds often, and an archive of 1,000 stories is not news. */
export const feedSize = 50;

interface FeedStory {
  id: string;
  data: { title: string; dek: string; date: Date; updated?: Date | undefined; lang: StoryLanguage; authors: readonly string[]; tags: readonly string[]; draft: boolean };
}

/** The feed of every story (no language) or of one language's, under the base path: "rss.xml", "lang/zh-cn/rss.xml". */
export function feedHref(base: string, lang?: StoryLanguage): string {
  return withBase(base, lang ? `lang/${languageSlug[lang]}/rss.xml` : "rss.xml");
}

/** The feed's name, in the language of the list it belongs to: "Plotline", "Plotline — 中文报道". */
export function feedTitle(lang?: StoryLanguage): string {
  return lang ? `${labels[lang].siteName} — ${labels[lang].storiesInLanguage}` : labels.en.siteName;
}

/** The feed links of a list page: the home page's feed is every story's; a language's list has its own. */
export function feedLinks(base: string, lang?: StoryLanguage): { title: string; href: string }[] {
  return [{ title: feedTitle(lang), href: feedHref(base, lang) }];
}

/**
 * The feed as RSS 2.0. Drafts are never in it (in dev neither: a feed reader is not a preview).
 * The feed of every language has no <language>, which names one language for the whole channel.
 */
export function storyFeed(all: readonly FeedStory[], options: { site: URL; base: string; lang?: StoryLanguage | undefined }): string {
  const { site, base, lang } = options;
  const url = (href: string) => absoluteUrl(site, href)!;
  const stories = all
    .filter((story) => !story.data.draft && (!lang || story.data.lang === lang))
    .sort(newestFirst)
    .slice(0, feedSize);
  const lastChange = Math.max(0, ...stories.map(({ data }) => (data.updated ?? data.date).getTime()));
  const words = labels[lang ?? "en"];

  const items = stories.map(({ id, data }) => {
    const link = url(storyHref(base, id));
    return [
      "    <item>",
      `      <title>${xmlHtmlText(data.title)}</title>`,
      `      <link>${xmlText(link)}</link>`,
      `      <guid isPermaLink="true">${xmlText(link)}</guid>`,
      `      <pubDate>${data.date.toUTCString()}</pubDate>`,
      `      <description>${xmlHtmlText(data.dek)}</description>`,
      // RSS's own <author> wants an e-mail address; Dublin Core's creator is a name.
      ...data.authors.map((author) => `      <dc:creator>${xmlText(author)}</dc:creator>`),
      ...distinctTags(data.tags).map((tag) => `      <category>${xmlText(tag)}</category>`),
      "    </item>",
    ].join("\n");
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${xmlHtmlText(feedTitle(lang))}</title>`,
    `    <link>${xmlText(url(lang ? languageHref(base, lang) : withBase(base)))}</link>`,
    `    <description>${xmlHtmlText(words.siteDescription)}</description>`,
    ...(lang ? [`    <language>${lang.toLowerCase()}</language>`] : []),
    `    <atom:link href="${xmlText(url(feedHref(base, lang)))}" rel="self" type="application/rss+xml"/>`,
    // The newest change, not the time of the build: an unchanged site gives an unchanged feed.
    ...(stories.length > 0 ? [`    <lastBuildDate>${new Date(lastChange).toUTCString()}</lastBuildDate>`] : []),
    "    <generator>Plotline</generator>",
    "    <docs>https://www.rssboard.org/rss-specification</docs>",
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
