import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";
import { readStoredText } from "../engine/project/file-store.ts";
import { storyPageBody, type PublishedChart, type PublishedStory } from "../engine/project/published-story.ts";
import type { SocialCard } from "../engine/image/social-card.ts";

/**
 * The one hand-off from the Plotline engine to Astro: what `plotline build` compiled, what the content
 * loader stored, what the pages and the integration read. The build command, the loader, the pages and
 * the integration run in one Node process but are loaded through different module graphs (Astro loads
 * the loader and pages through Vite), so the registry lives on globalThis under a symbol rather than in
 * a module variable. It holds small things only: a story's body, figures and files stay in the
 * project's file store (engine/project/file-store.ts) and are read when a page is written.
 */
export interface SiteRegistry {
  /** The project's root, where stored files are read from (set by the loader). */
  root: string;
  /** Set by `plotline build` before Astro starts; absent in `astro dev` and a plain `astro build`. */
  build?: BuildHandOff;
  /** Story slug → the story as compiled for the site (drafts too: pages leave them out of builds). */
  stories: Map<string, PublishedStory>;
  /** Path under the site root → root-relative file with its content: every file the stories' pages need beside them. */
  assets: Map<string, string>;
  /** Dev only: story slug → its diagnostics and the overlay that shows them at the top of its page. */
  dev: Map<string, { diagnostics: readonly Diagnostic[]; overlay: string }>;
}

/** What the build command tells the loader and the pages (see src/cli/build-command.ts). */
export interface BuildHandOff {
  /**
   * Resolves once the fields below hold the compiled project: Astro may start before the compile has
   * finished, and its content loader waits for this. Rejects when the build stops for the stories'
   * errors (the build command has reported them).
   */
  ready: Promise<void>;
  /** The stories it compiled and checked (and reported on), by file path: the loader takes them as they are. */
  stories: ReadonlyMap<string, PublishedStory>;
  /** Slugs of stories whose pages the last build wrote as they would be now: linked from it, not written again (see src/cli/page-plan.ts). */
  reusedPages: ReadonlySet<string>;
  /** The last build's site, where those pages are. */
  previousSite: string;
  /** Embed pages are made by the build command from one page Astro writes (see embed-pages.ts), not by Astro one by one. */
  embedsFromTemplate: boolean;
  /**
   * Resolves once the PNGs the compile left to draw (social cards, chart PNGs) are in the PNG cache,
   * drawn by other threads while Astro writes pages (engine/project/png-drawing.ts); the integration
   * waits for it before putting the PNGs into the site (the stories' other files go in meanwhile).
   * False if one could not be drawn: the build command then fails, saying which, and the site is thrown away.
   */
  pngsDrawn?: () => Promise<boolean>;
  /**
   * Called once Astro has written its pages into `outDir`, before the kept pages and the stories'
   * files are put in: the search index can be finished from then on, beside the rest of the build.
   */
  pagesWritten?: (outDir: string) => void;
}

const key = Symbol.for("plotline.site-registry");

export function siteRegistry(): SiteRegistry {
  const holder = globalThis as unknown as Record<symbol, SiteRegistry | undefined>;
  holder[key] ??= { root: ".", stories: new Map(), assets: new Map(), dev: new Map() };
  return holder[key];
}

/**
 * The body of a story, for its page (in dev, with its diagnostics overlay first). In `plotline build`,
 * the stored body with a marker where each figure goes: the figures' bytes are put into the written
 * page afterwards (figure-slots.ts).
 */
export function storyBody(slug: string): string {
  const registry = siteRegistry();
  const story = registry.stories.get(slug);
  if (story === undefined) throw new Error(`Plotline has no compiled body for the story "${slug}"`);
  if (registry.build) return readStoredText(registry.root, story.body);
  return (registry.dev.get(slug)?.overlay ?? "") + storyPageBody(registry.root, story);
}

/** The charts of a story (none if it has none, or failed to compile). */
export function storyCharts(slug: string): PublishedChart[] {
  return siteRegistry().stories.get(slug)?.charts ?? [];
}

/** A chart's whole <figure>, as in its story's page, for its embed page. */
export function chartFigure(chart: PublishedChart): string {
  return readStoredText(siteRegistry().root, chart.figure);
}

/** A story's social card, if the build drew one. */
export function storySocialCard(slug: string): SocialCard | undefined {
  return siteRegistry().stories.get(slug)?.socialCard;
}

/** How many errors and warnings a story has in `astro dev`; undefined if none (and always in builds). */
export function devProblems(slug: string): { errors: number; warnings: number } | undefined {
  const diagnostics = siteRegistry().dev.get(slug)?.diagnostics;
  if (!diagnostics || diagnostics.length === 0) return undefined;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}
