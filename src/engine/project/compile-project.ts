import { join } from "node:path";
import { compileStory, type CompiledStory, type CompileStoryOptions, type StoryInput } from "../compile-story.ts";
import type { SqlOptions } from "../sql/story-queries.ts";
import type { AdditionSwitches } from "../chart/spec/addition-switches.ts";
import { imageOptions } from "./image-options.ts";
import { readSourceText, readStoryFile } from "./read-story-file.ts";
import { checkLinks, type ProjectStory } from "./check-links.ts";
import { scanPublicFiles } from "./public-files.ts";
import { scanStoryFiles, wholeFile } from "./story-files.ts";
import { checkTranslations } from "./translations.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { dataDir, storiesDir } from "./project-dirs.ts";
import { compileStoryCached, compileStoryCachedAsync, publishStoryCached } from "./story-cache.ts";
import type { PublishedStory } from "./published-story.ts";

export { dataDir, storiesDir };

export interface CompiledProject<Story = CompiledStory> {
  stories: Story[];
  diagnostics: Diagnostic[];
}

/** A project as a site build carries it: every story published (published-story.ts). */
export type PublishedProject = CompiledProject<PublishedStory>;

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
  /** The house style: which of Plotline's additions are on (plotline.config.mjs `additions`; all by default). */
  additions?: AdditionSwitches;
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
  return compileStory(input, projectStoryOptions(root, options));
}

/**
 * One story file of a project published for its site, SQL blocks run, through the story cache: what
 * the dev server compiles, as a build does. Undefined if the file is gone.
 */
export async function publishProjectStory(root: string, path: string, options: ProjectOptions = {}): Promise<PublishedStory | undefined> {
  let input: StoryInput;
  try {
    input = readStoryFile(join(root, path), path);
  } catch {
    return undefined;
  }
  // A fresh data source each time, so a change to data/ is always seen.
  return publishStoryCached(root, input, projectStoryOptions(root, options));
}

/** Every story of a project published for its site, on one thread: what check and build do for a few stories (see compile-in-workers.ts). */
export async function publishProject(root: string, options: ProjectOptions = {}): Promise<PublishedProject> {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories: PublishedStory[] = [];
  for (const path of listStoryFiles(root)) {
    stories.push(await publishStoryCached(root, readStoryFile(join(root, path), path), projectStoryOptions(root, options, dataFiles)));
  }
  return finishProject(root, stories);
}

/** compileProject with the stories' SQL blocks run: what check and build use on one core. */
export async function compileProjectAsync(root: string, options: ProjectOptions = {}): Promise<CompiledProject> {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories: CompiledStory[] = [];
  for (const path of listStoryFiles(root)) {
    stories.push(await compileStoryCachedAsync(root, readStoryFile(join(root, path), path), projectStoryOptions(root, options, dataFiles)));
  }
  return finishProject(root, stories);
}

/**
 * Compiles every story of a project and gathers all their diagnostics. Synchronous, so SQL blocks are
 * not run (each is an sql/not-run error): compileProjectAsync runs them.
 */
export function compileProject(root: string, options: ProjectOptions = {}): CompiledProject {
  const dataFiles = nodeDataFiles(join(root, dataDir));
  const stories = listStoryFiles(root).map((path) => compileStoryCached(root, readStoryFile(join(root, path), path), projectStoryOptions(root, options, dataFiles)));
  return finishProject(root, stories);
}

/** What compileStory needs for a story of this project: its data files, the project's options, a rasterizer with the project's PNG cache. */
export function projectStoryOptions(root: string, options: ProjectOptions, dataFiles = nodeDataFiles(join(root, dataDir))): CompileStoryOptions {
  return { dataFiles, ...storyOptions(options), ...imageOptions(root) };
}

/** The options of compileStory that come from the project's. */
export function storyOptions(options: ProjectOptions): {
  assetBase: string;
  site?: string;
  siteName?: string;
  sql?: SqlOptions;
  chartPngs?: boolean;
  additions?: AdditionSwitches;
} {
  return {
    ...(options.additions && Object.keys(options.additions).length > 0 ? { additions: options.additions } : {}),
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
export function finishProject<Story extends ProjectStory>(root: string, compiled: readonly Story[]): CompiledProject<Story> {
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
