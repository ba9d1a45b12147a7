import type { PublishedChart } from "../engine/project/published-story.ts";
import type { StoryLanguage } from "../engine/story/frontmatter-schema.ts";
import { absoluteUrl, storyHref } from "./present.ts";

/** What an embed page (src/pages/embed/[slug]/[chart].astro) shows of one chart. */
export interface EmbedPage {
  lang: StoryLanguage;
  /** "<story>/<chart>", on the page's root element. */
  embedId: string;
  /** The page's title before the site's name: the chart's title, or its story's. */
  title: string;
  storyTitle: string;
  /** The chart in its story's page, which the credit links to and search engines are pointed at. */
  inStory: string;
  /** The same, absolute, when the site's address is known. */
  canonical?: string | undefined;
  /** The whole figure (HTML). */
  figure: string;
}

export interface EmbedStory {
  id: string;
  data: { title: string; lang: StoryLanguage };
}

export function embedPage(story: EmbedStory, chart: PublishedChart, figure: string, base: string, site: URL | undefined): EmbedPage {
  return { ...embedPageText(story, chart, base, site), figure };
}

/** An embed page's values but its figure: what `plotline build` stamps into the template, the figure going in as stored bytes. */
export function embedPageText(story: EmbedStory, chart: PublishedChart, base: string, site: URL | undefined): Omit<EmbedPage, "figure"> {
  const inStory = `${storyHref(base, story.id)}#${chart.domId}`;
  return {
    lang: story.data.lang,
    embedId: `${story.id}/${chart.id}`,
    title: chart.title ?? story.data.title,
    storyTitle: story.data.title,
    inStory,
    canonical: absoluteUrl(site, inStory),
  };
}

/**
 * A large site's embed pages (five for every story of five charts) are not written by Astro one by one:
 * `plotline build` has Astro write one page per language whose every chart-specific text is a slot (a
 * word no story can contain, left as it is by Astro's escaping), and fills a copy of it for each chart
 * (embed-pages.ts). So the pages are exactly what the .astro file makes, at a fraction of the cost.
 */
export const EMBED_TEMPLATE_SLUG = "_plotline-template";

const slot = (name: keyof EmbedPage) => `plotline-slot-${name}-9c1f7e`;

export function embedTemplate(lang: StoryLanguage, site: URL | undefined): EmbedPage {
  return {
    lang,
    embedId: slot("embedId"),
    title: slot("title"),
    storyTitle: slot("storyTitle"),
    inStory: slot("inStory"),
    canonical: site ? slot("canonical") : undefined,
    figure: slot("figure"),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A template page cut at its slots: `between[n]` comes before `slots[n]`, and the last part after the last slot. */
export interface EmbedTemplateParts {
  between: Buffer[];
  slots: (keyof EmbedPage)[];
}

export function cutEmbedTemplate(template: string): EmbedTemplateParts {
  const pieces = template.split(/plotline-slot-(embedId|title|storyTitle|inStory|canonical|figure)-9c1f7e/);
  return {
    between: pieces.filter((_, n) => n % 2 === 0).map((piece) => Buffer.from(piece)),
    slots: pieces.filter((_, n) => n % 2 === 1) as (keyof EmbedPage)[],
  };
}

/**
 * One chart's embed page: the template's parts with its values in the slots, the figure as the bytes
 * the file store holds (never decoded: it is most of the page), the rest as escaped text.
 */
export function stampEmbedPage(template: EmbedTemplateParts, page: Omit<EmbedPage, "figure">, figure: Uint8Array): Buffer {
  const parts: Uint8Array[] = [template.between[0]!];
  template.slots.forEach((name, n) => {
    parts.push(name === "figure" ? figure : Buffer.from(escapeHtml(String(page[name] ?? ""))), template.between[n + 1]!);
  });
  return Buffer.concat(parts);
}

/** The site-relative path of a language's template page, as Astro writes it. */
export const embedTemplatePath = (lang: StoryLanguage): string => `embed/${EMBED_TEMPLATE_SLUG}/${lang.toLowerCase()}/index.html`;

