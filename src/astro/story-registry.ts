import type { Png } from "../engine/image/rasterize-svg.ts";
import type { SocialCard } from "../engine/image/social-card.ts";

/**
 * The compiled bodies of stories and the files their charts need, kept in memory for the pages.
 *
 * Story HTML is large (every chart is SVG); keeping it out of Astro's content store keeps that store
 * (and the module Astro bundles from it) small, which matters at archive scale. The loader, the pages
 * and the integration all run in one Node process but are loaded through different module graphs,
 * so the registry lives on globalThis under a symbol rather than in a module variable.
 */
export interface StoryRegistry {
  /** Story slug → body HTML (with an error panel in dev). */
  bodies: Map<string, string>;
  /** Path under the site root (e.g. "_plotline/payloads/abc.json") → file content: text, or a PNG (bytes or a file). */
  assets: Map<string, string | Png>;
  /** Story slug → its charts, in story order, for their embed pages. */
  charts: Map<string, StoryChart[]>;
  /** Story slug → its social card (the PNG itself is in assets), for og:image and twitter:image. */
  socialCards: Map<string, SocialCard>;
}

/** A chart as its embed page needs it. */
export interface StoryChart {
  id: string;
  /** DOM id of the figure in the story page: the anchor embeds link back to. */
  domId: string;
  title?: string | undefined;
  /** The whole figure, as in the story page. */
  html: string;
}

const key = Symbol.for("plotline.story-registry");

export function storyRegistry(): StoryRegistry {
  const holder = globalThis as unknown as Record<symbol, StoryRegistry | undefined>;
  holder[key] ??= { bodies: new Map(), assets: new Map(), charts: new Map(), socialCards: new Map() };
  return holder[key];
}

/** The body of a story, for its page. */
export function storyBody(slug: string): string {
  const body = storyRegistry().bodies.get(slug);
  if (body === undefined) throw new Error(`Plotline has no compiled body for the story "${slug}"`);
  return body;
}

/** The charts of a story (none if it has none, or failed to compile). */
export function storyCharts(slug: string): StoryChart[] {
  return storyRegistry().charts.get(slug) ?? [];
}

/** A story's social card, if the build drew one. */
export function storySocialCard(slug: string): SocialCard | undefined {
  return storyRegistry().socialCards.get(slug);
}
