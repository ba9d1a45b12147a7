// A story as schema.org NewsArticle, the structured data search engines read from a page's JSON-LD
// (headline, dates, authors and publisher for news results). Written with jsonLdText (json-ld-text.ts).
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { isoDateTime } from "./present.ts";
import type { SocialImage } from "./social-image.ts";

export interface NewsArticleFacts {
  headline: string;
  description: string;
  /** The story's canonical address. */
  url: string;
  lang: StoryLanguage;
  published: Date;
  modified: Date;
  authors: readonly string[];
  tags: readonly string[];
  image?: SocialImage | undefined;
  siteName: string;
  /** The site's home, absolute. */
  siteUrl: string;
}

export function newsArticle(facts: NewsArticleFacts): Record<string, unknown> {
  const publisher = { "@type": "Organization", name: facts.siteName, url: facts.siteUrl };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: facts.headline,
    description: facts.description,
    url: facts.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": facts.url },
    inLanguage: facts.lang,
    datePublished: isoDateTime(facts.published),
    dateModified: isoDateTime(facts.modified),
    // A story without a byline is the publisher's own.
    author: facts.authors.length > 0 ? facts.authors.map((name) => ({ "@type": authorType(name, facts.siteName), name })) : [publisher],
    ...(facts.tags.length > 0 ? { keywords: [...facts.tags] } : {}),
    ...(facts.image ? { image: [{ "@type": "ImageObject", url: facts.image.url, width: facts.image.width, height: facts.image.height }] } : {}),
    publisher,
  };
}

// Bylines are names only; these words mark a desk or a team rather than a person.
const organizationWords = /\b(desk|staff|team|newsroom|editors|editorial|bureau|agency|reporters|graphics|data)\b|编辑部|新闻部|数据部|工作室|团队|小组|记者站|本报|本刊/i;

/** "Plotline Desk", "Plotline 编辑部", the site's own name → Organization; "Li Quan" → Person. */
export function authorType(name: string, siteName: string): "Person" | "Organization" {
  const lower = name.toLowerCase();
  return organizationWords.test(name) || (siteName !== "" && lower.includes(siteName.toLowerCase())) ? "Organization" : "Person";
}
