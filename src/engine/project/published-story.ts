import { relative } from "node:path";
import type { CompiledStory } from "../compile-story.ts";
import { readStoredText, storeFile } from "./file-store.ts";

/**
 * A compiled story as a site build carries it: everything the pages' lists and the checks across
 * stories need, and, for what is large (the body, each figure, each file the page needs beside it),
 * the path of a file in the project's file store (file-store.ts), read when a page is written. So a
 * build holds a few kilobytes per story whatever the size of its charts, and the main thread of a
 * 10,000-story build no more than a 1,000-story one needs for its lists.
 */
export interface PublishedStory extends Omit<CompiledStory, "html" | "charts" | "assets"> {
  /**
   * The stored body HTML (root-relative path in the file store), each chart's <figure> in it replaced
   * by a marker of its index (see storyPageBody): figures are stored once, for the page and the embed.
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
  const { html, charts, assets, ...rest } = story;
  // A body that holds a NUL already is kept whole, so nothing in it is ever read as a marker.
  const figuresApart = !html.includes("\u0000");
  return {
    ...rest,
    body: storeFile(root, figuresApart ? bodyWithFigureMarkers(html, charts) : html),
    figuresApart,
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

/**
 * A figure's place in a stored body. A story's HTML has no NUL (story files are cleaned of control
 * characters where they are read; chart text goes through xmlText); one that has is stored whole.
 */
const figureMarker = (index: number) => `\u0000plotline-figure:${index}\u0000`;
const figureMarkers = /\u0000plotline-figure:(\d+)\u0000/g;

/** The body with each chart's figure (a story page holds most of its bytes in them) replaced by its marker, so the store keeps it once. */
function bodyWithFigureMarkers(html: string, charts: CompiledStory["charts"]): string {
  let body = html;
  charts.forEach((chart, index) => {
    const at = body.indexOf(chart.html);
    if (chart.html !== "" && at >= 0) body = body.slice(0, at) + figureMarker(index) + body.slice(at + chart.html.length);
  });
  return body;
}

/** A published story's body as its page shows it: the stored body with its charts' figures put back in their places. */
export function storyPageBody(root: string, story: Pick<PublishedStory, "body" | "figuresApart" | "charts">): string {
  const body = readStoredText(root, story.body);
  if (!story.figuresApart) return body;
  return body.replace(figureMarkers, (marker, index: string) => {
    const chart = story.charts[Number(index)];
    return chart ? readStoredText(root, chart.figure) : marker;
  });
}

/** Every stored file a published story points to (root-relative). */
export const publishedFiles = (story: PublishedStory): string[] => [story.body, ...story.charts.map((chart) => chart.figure), ...story.assets.map((asset) => asset.file)];
