import { relative } from "node:path";
import type { CompiledStory } from "../compile-story.ts";
import { fillFigureMarkers } from "../story/figure-markers.ts";
import { readStoredText, storeFile } from "./file-store.ts";

/**
 * A compiled story as a site build carries it: everything the pages' lists and the checks across
 * stories need, and, for what is large (the body, each figure, each file the page needs beside it),
 * the path of a file in the project's file store (file-store.ts), read when a page is written. So a
 * build holds a few kilobytes per story whatever the size of its charts, and the main thread of a
 * 10,000-story build no more than a 1,000-story one needs for its lists.
 */
export interface PublishedStory extends Omit<CompiledStory, "html" | "bodyWithMarkers" | "charts" | "assets"> {
  /**
   * The stored body HTML (root-relative path in the file store), each chart's <figure> in it replaced
   * by a marker (figure-markers.ts; see storyPageBody): figures are stored once, for page and embed.
   */
  body: string;
  /** Whether the stored body holds figure markers (false for the rare body that had a NUL of its own: kept whole). */
  figuresApart: boolean;
  charts: PublishedChart[];
  /** Files published beside the page: their path under the site root and the stored file that holds them. */
  assets: PublishedFile[];
}

export interface PublishedChart {
  id: string;
  domId: string;
  title?: string;
  /** The stored <figure> (as in the story page), for the chart's embed page. */
  figure: string;
  /** The site paths of its downloads, for checking links to them. */
  csv?: { path: string };
  png?: { path: string };
}

export interface PublishedFile {
  /** Under the site root: "_plotline/payloads/3f2a….json". */
  path: string;
  /** Root-relative path of the file with its content (the file store, or the PNG cache). */
  file: string;
}

/** Puts a compiled story's large parts into the project's file store and answers with the story that points to them. */
export function publishStory(root: string, story: CompiledStory): PublishedStory {
  const { html, bodyWithMarkers, charts, assets, ...rest } = story;
  return {
    ...rest,
    body: storeFile(root, bodyWithMarkers ?? html),
    figuresApart: bodyWithMarkers !== undefined,
    charts: charts.map((chart) => ({
      id: chart.id,
      domId: chart.domId,
      ...(chart.title !== undefined ? { title: chart.title } : {}),
      figure: storeFile(root, chart.html),
      ...(chart.csv ? { csv: { path: chart.csv.path } } : {}),
      ...(chart.png ? { png: { path: chart.png.path } } : {}),
    })),
    assets: assets.map(({ path, content }) => ({
      path,
      // A PNG from the PNG cache is a file already; relative, so the project can move.
      file: typeof content === "object" && "file" in content ? relative(root, content.file).split("\\").join("/") : storeFile(root, content),
    })),
  };
}

/** A published story's body as its page shows it: the stored body with its charts' figures put back in their places. */
export function storyPageBody(root: string, story: Pick<PublishedStory, "body" | "figuresApart" | "charts">): string {
  const body = readStoredText(root, story.body);
  if (!story.figuresApart) return body;
  return fillFigureMarkers(body, (index) => {
    const chart = story.charts[index];
    return chart ? readStoredText(root, chart.figure) : undefined;
  });
}

/** Every stored file a published story points to (root-relative). */
export const publishedFiles = (story: PublishedStory): string[] => [story.body, ...story.charts.map((chart) => chart.figure), ...story.assets.map((asset) => asset.file)];
