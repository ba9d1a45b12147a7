// The <meta> and <link> elements in every page's head that tell search engines, feed readers and
// social networks what the page is: description, canonical address, translations, feeds, Open Graph
// (Facebook, LinkedIn, WeChat, Slack…) and Twitter cards. BaseLayout writes them in this order.
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { isoDateTime } from "./present.ts";
import type { SocialImage } from "./social-image.ts";

export interface HeadTag {
  element: "meta" | "link";
  attributes: Record<string, string>;
}

/** A story's facts for og:type article and article:* tags. */
export interface ArticleHead {
  published: Date;
  modified: Date;
  authors: readonly string[];
  tags: readonly string[];
}

export interface PageHead {
  /** The page's own title, without the site's name: a headline, or the site's name on the home page. */
  title: string;
  description: string;
  lang: StoryLanguage;
  siteName: string;
  /** The page's absolute address; none on pages search engines should not list. */
  canonical?: string | undefined;
  noindex?: boolean;
  /** The page in every language it exists in, this one included; absolute addresses. */
  alternates?: readonly { lang: StoryLanguage; href: string }[];
  /** Feeds of this page's stories. */
  feeds?: readonly { title: string; href: string }[];
  article?: ArticleHead | undefined;
  /** Without an image there are no image tags at all, and the Twitter card is the small "summary". */
  image?: SocialImage | undefined;
}

/** Open Graph names locales with an underscore and a region. */
export const ogLocale: Record<StoryLanguage, string> = { en: "en_US", "zh-CN": "zh_CN" };

export function headTags(page: PageHead): HeadTag[] {
  const tags: HeadTag[] = [];
  const meta = (key: "name" | "property", name: string, content: string) => tags.push({ element: "meta", attributes: { [key]: name, content } });
  const link = (attributes: Record<string, string>) => tags.push({ element: "link", attributes });

  meta("name", "description", page.description);
  if (page.noindex) meta("name", "robots", "noindex");
  if (page.canonical) link({ rel: "canonical", href: page.canonical });
  for (const { lang, href } of page.alternates ?? []) link({ rel: "alternate", hreflang: lang, href });
  for (const { title, href } of page.feeds ?? []) link({ rel: "alternate", type: "application/rss+xml", title, href });

  meta("property", "og:type", page.article ? "article" : "website");
  meta("property", "og:site_name", page.siteName);
  meta("property", "og:title", page.title);
  meta("property", "og:description", page.description);
  if (page.canonical) meta("property", "og:url", page.canonical);
  meta("property", "og:locale", ogLocale[page.lang]);
  for (const { lang } of page.alternates ?? []) if (lang !== page.lang) meta("property", "og:locale:alternate", ogLocale[lang]);
  if (page.image) {
    meta("property", "og:image", page.image.url);
    meta("property", "og:image:type", page.image.type);
    meta("property", "og:image:width", String(page.image.width));
    meta("property", "og:image:height", String(page.image.height));
    meta("property", "og:image:alt", page.image.alt);
  }
  if (page.article) {
    meta("property", "article:published_time", isoDateTime(page.article.published));
    meta("property", "article:modified_time", isoDateTime(page.article.modified));
    for (const author of page.article.authors) meta("property", "article:author", author);
    for (const tag of page.article.tags) meta("property", "article:tag", tag);
  }

  meta("name", "twitter:card", page.image ? "summary_large_image" : "summary");
  meta("name", "twitter:title", page.title);
  meta("name", "twitter:description", page.description);
  if (page.image) {
    meta("name", "twitter:image", page.image.url);
    meta("name", "twitter:image:alt", page.image.alt);
  }
  return tags;
}
