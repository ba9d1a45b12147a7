import { join } from "node:path";
import { compileStory, type CompiledStory, type StoryInput } from "../compile-story.ts";
import { compileStoryAsync } from "../compile-story-async.ts";
import type { SqlOptions } from "../sql/story-queries.ts";
import { imageOptions } from "./image-options.ts";
import { readSourceText, readStoryFile } from "./read-story-file.ts";
import { checkLinks } from "./check-links.ts";
import { scanPublicFiles } from "./public-files.ts";
import { scanStoryFiles, wholeFile } from "./story-files.ts";
import { checkTranslations } from "./translations.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { dataDir, storiesDir } from "./project-dirs.ts";
import { compileStoryCached, compileStoryCachedAsync } from "./story-cache.ts";

export { dataDir, storiesDir };

/**
 * Where `plotline build` leaves the stories it has compiled for the Astro loader running in the same
 * process (Astro loads the loader through Vite, so a module-level variable would not be shared).
 */
export const precompiledStoriesKey = Symbol.for("plotline.precompiled");

export interface CompiledProject {
  stories: CompiledStory[];
  diagnostics: Diagnostic[];
}

/** The story files of a project (content/stories/*.md, not in subfolders), relative to its root, sorted (see scanStoryFiles). */
export function listStoryFiles(root: string): string[] {
  return scanStoryFiles(root).stories;
}

export interface ProjectOptions {
  /** The site's base path, for URLs of files pages need and links in stories ("/" by default). */
  assetBase?: string;
  /** The site's address ("https://news.example.com"): links written with it are checked as internal. */
  site?: string;
  /** The site's name, written on social cards ("Plotline" by default). */
  siteName?: string;
  /** Settings of SQL blocks (plotline.config.mjs `sql`): time limit, remote data. */
  sql?: SqlOptions;
  /** Draw every chart's PNG download at build time (plotline.config.mjs `images.chartPng`; off by default). */
  chartPngs?: boolean;
}

/** Compiles one story file of a project; undefined if the file is gone. */
export function compileProjectStory(root: string, path: string, options: ProjectOptions = {}): CompiledStory | undefined {
  let input: StoryInput;
  try {
    input = readStoryFile(join(root, path), path);
  } catch {
    return undefined;
  }
  // A fresh data source each time, so a change to data/ is always seen.
  return compileStory(input, { dataFiles: nodeDataFiles(join(root, dataDir)), ...storyOptions(options), ...imageOptions(root) });
}

/** compileProjectStory with the story's SQL blocks run (the dev server). */
export async function compileProjectStoryAsync(root: string, path: string, options: ProjectOptions = {}): Promise<CompiledStory | undefined> {
  let input: StoryInput;
  try {
    input = readStoryFile(join(root, path), path);
  } catch {
    return undefined;
  }
  return compileStoryAsync(input, { dataFiles: nodeDataFiles(join(root, dataDir)), ...storyOptions(options), ...imageOptions(root) });
}

/** compileProject with the stories' SQL blocks run: what check and build use on one core. */
export async function compileProjectAsync(root: string, options: ProjectOptions = {}): Promise<CompiledProject> {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories: CompiledStory[] = [];
  for (const path of listStoryFiles(root)) {
    stories.push(await compileStoryCachedAsync(root, readStoryFile(join(root, path), path), { dataFiles, ...storyOptions(options), ...imageOptions(root) }));
  }
  return finishProject(root, stories);
}

/**
 * Compiles every story of a project and gathers all their diagnostics. Synchronous, so SQL blocks are
 * not run (each is an sql/not-run error): compileProjectAsync runs them.
 */
export function compileProject(root: string, options: ProjectOptions = {}): CompiledProject {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories = listStoryFiles(root).map((path) => compileStoryCached(root, readStoryFile(join(root, path), path), { dataFiles, ...storyOptions(options), ...imageOptions(root) }));
  return finishProject(root, stories);
}

/** The options of compileStory that come from the project's. */
export function storyOptions(options: ProjectOptions): { assetBase: string; site?: string; siteName?: string; sql?: SqlOptions; chartPngs?: boolean } {
  return {
    ...(options.chartPngs ? { chartPngs: true } : {}),
    assetBase: options.assetBase ?? "/",
    ...(options.site ? { site: options.site } : {}),
    ...(options.siteName ? { siteName: options.siteName } : {}),
    ...(options.sql ? { sql: options.sql } : {}),
  };
}

/**
 * The checks stories cannot make alone (translationOf against the other stories, links to other pages
 * and files), added to the stories concerned, and every diagnostic gathered, with those of the
 * project's files (see projectFileDiagnostics). Used by compileProject and compileProjectInWorkers.
 */
export function finishProject(root: string, compiled: readonly CompiledStory[]): CompiledProject {
  const translated = checkTranslations(compiled, (path) => readSourceText(join(root, path)));
  const publicFiles = scanPublicFiles(root);
  const stories = checkLinks(translated, { publicFiles: publicFiles.files });
  return { stories, diagnostics: sortDiagnostics([...stories.flatMap((s) => s.diagnostics), ...projectFileDiagnostics(root, publicFiles.outside)]) };
}

/**
 * Problems with the project's files rather than inside a story: Markdown files in content/stories/ that
 * are not built, and links in public/ that lead outside the project (never published).
 */
export function projectFileDiagnostics(root: string, publicOutside = scanPublicFiles(root).outside): Diagnostic[] {
  return [
    ...scanStoryFiles(root).notBuilt,
    ...publicOutside.map(({ path, target }) => diagnostic("public/link-outside", { path, target }, wholeFile(path))),
  ];
}
