/**
 * Compiled stories kept between builds, so that a build compiles again only what changed: a newsroom
 * rebuilds its whole archive for every new story, and most of a build's time is spent compiling.
 *
 * One entry per story file and set of options, in .plotline/cache/stories/. An entry is used only if
 * everything that decides the compiled story is as it was: the story's text, the options (base path,
 * site, site name, PNGs; check and build share them, so a check warms the build), the engine (the
 * source of src/engine, the locked dependency versions and Node's), the contents of every data file the
 * story names (a file that was missing counts too), and the stored files it points to. Stories with
 * errors are never kept, so their errors are always found afresh.
 *
 * An entry holds the story as a build publishes it (published-story.ts): a few kilobytes, its body,
 * figures and files in the file store (file-store.ts), named by their content hash and checked against
 * it when a page reads them. Entries are serialised the way worker threads pass data (structured
 * clone: dates, maps and sets survive), gzipped, after a first line holding the SHA-256 of those gzipped
 * bytes: an entry whose bytes do not match it (edited on disk, cut short, written by an older Plotline)
 * is ignored and the story compiled again, so what is published is what a build compiled, not what a
 * file in .plotline/ says. Deleting the folder between builds is always safe.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import { matchesGlob } from "node:path";
import { compileStory, type CompiledStory, type CompileStoryOptions, type StoryInput, type StoryTimings } from "../compile-story.ts";
import { storedFilesPresent, storeFile } from "./file-store.ts";
import { filesUnder } from "./files-under.ts";
import { publishedFiles, publishStory, type PublishedStory } from "./published-story.ts";
import { compileStoryAsync } from "../compile-story-async.ts";
import { nodeDataFiles } from "../data/node-data-files.ts";
import { dataDir } from "./project-dirs.ts";
import { dataFileHash } from "./data-file-hashes.ts";
import { writeStoryCacheFile, type StoryCacheFile } from "./story-cache-file.ts";
import { encodeCheckedEntry, readCheckedEntry } from "./checked-entry.ts";
import { chartCacheStore } from "./chart-cache-store.ts";

/** Where a project keeps compiled stories, relative to its root. */
export const storyCacheDir = ".plotline/cache/stories";

interface Entry {
  /** Hash of the story's text, the options and the engine. */
  key: string;
  /** Hash of the engine and the options alone: a story compiled again by the same engine may take charts from the chart cache. */
  compiler?: string;
  /** Data file (path under data/) → hash of its content, or "missing". */
  dataFiles: Record<string, string>;
  /** Glob pattern an SQL block reads (under data/) → hash of the list of files it matches. */
  dataGlobs?: Record<string, string>;
  /** The story as a build publishes it: small, its large parts in the file store (published-story.ts). */
  published: PublishedStory;
  /**
   * The whole compiled story (serialised, gzipped, in the file store), for callers that want it
   * (compileStoryCached: tests, tools); written only by them, so a build does not pay for it.
   */
  full?: string;
}

const uncompiled = (): StoryTimings => ({ parse: 0, data: 0, check: 0, render: 0, html: 0, images: 0 });

/** The story an entry holds, as a build takes it from the cache. */
const published = (entry: Entry): PublishedStory => ({ ...entry.published, fromCache: true, timings: uncompiled() });

/**
 * A story compiled for a site (SQL blocks run), or as the last build or check compiled it when nothing
 * that decides it has changed: then nothing is read but the entry, a few kilobytes, and an unchanged
 * story with SQL blocks starts no DuckDB (its queries' results are kept by the story's text, which
 * holds the queries and the blocks they read, the files they read and the listing of every glob).
 */
export async function publishStoryCached(root: string, input: StoryInput, options: CompileStoryOptions): Promise<PublishedStory> {
  const { key, file, entry, previous } = lookup(root, input, options);
  if (entry) return published(entry);
  return keep(root, key, file, options, await compileStoryAsync(input, withChartCache(root, previous, options))).published;
}

/**
 * A story compiled for a site and kept in the cache, without looking there first: for a story the
 * caller has just found missing or out of date there (cachedPublishedStory), as compile workers are given.
 */
export async function publishStoryFresh(root: string, input: StoryInput, options: CompileStoryOptions): Promise<PublishedStory> {
  const { published, entry } = await publishStoryFreshHeld(root, input, options);
  if (entry) writeStoryCacheFile(entry);
  return published;
}

/**
 * publishStoryFresh for a build that draws the story's PNGs later (deferred-rasterizer.ts): the story's
 * cache entry (none for a story with errors) is handed back, for the caller to write with
 * writeStoryCacheFile once the PNGs it names are drawn, instead of written now.
 */
export async function publishStoryFreshHeld(root: string, input: StoryInput, options: CompileStoryOptions): Promise<{ published: PublishedStory; entry?: StoryCacheFile }> {
  const file = entryFile(root, input, options);
  const story = await compileStoryAsync(input, withChartCache(root, read(file), options));
  const published = publishStory(root, story);
  const entry = cacheFile(root, entryKey(root, input, options), file, options, story, published);
  return { published, ...(entry ? { entry } : {}) };
}

/** The story as the last build or check published it, if nothing that decides it has changed; else undefined. */
export function cachedPublishedStory(root: string, input: StoryInput, options: CompileStoryOptions): PublishedStory | undefined {
  const { entry } = lookup(root, input, options);
  return entry ? published(entry) : undefined;
}

/** compileStory, or the story as the last compile left it when nothing that decides it has changed. */
export function compileStoryCached(root: string, input: StoryInput, options: CompileStoryOptions): CompiledStory {
  const { key, file, entry, previous } = lookup(root, input, options);
  const cached = entry && readFull(root, entry);
  if (cached) return cached;
  return keep(root, key, file, options, compileStory(input, withChartCache(root, previous, options)), true).story;
}

/** compileStoryAsync (SQL blocks run), or the story as the last compile left it. */
export async function compileStoryCachedAsync(root: string, input: StoryInput, options: CompileStoryOptions): Promise<CompiledStory> {
  const { key, file, entry, previous } = lookup(root, input, options);
  const cached = entry && readFull(root, entry);
  if (cached) return cached;
  return keep(root, key, file, options, await compileStoryAsync(input, withChartCache(root, previous, options)), true).story;
}

/** The story's entry if it still holds the story (`entry`), and as read whatever it holds (`previous`). */
function lookup(root: string, input: StoryInput, options: CompileStoryOptions): { key: string; file: string; entry?: Entry; previous?: Entry } {
  const key = entryKey(root, input, options);
  const file = entryFile(root, input, options);
  const entry = read(file);
  if (
    entry &&
    entry.key === key &&
    dataFilesUnchanged(root, entry.dataFiles) &&
    globsUnchanged(root, entry.dataGlobs) &&
    storedFilesPresent(root, publishedFiles(entry.published))
  ) {
    return { key, file, entry, previous: entry };
  }
  return { key, file, ...(entry ? { previous: entry } : {}) };
}

/** Where a story's entry is: one per story file and set of options, so a changed story replaces its own. */
const entryFile = (root: string, input: StoryInput, options: CompileStoryOptions): string =>
  join(root, storyCacheDir, `${hash(`${input.path}\n${optionsKey(options)}`).slice(0, 32)}.bin.gz`);

function readFull(root: string, entry: Entry): CompiledStory | undefined {
  if (!entry.full) return undefined;
  try {
    const story = deserialize(gunzipSync(readFileSync(join(root, entry.full)))) as CompiledStory;
    return { ...story, fromCache: true, timings: uncompiled() };
  } catch {
    return undefined;
  }
}

function keep(root: string, key: string, file: string, options: CompileStoryOptions, story: CompiledStory, full = false): { story: CompiledStory; published: PublishedStory } {
  const published = publishStory(root, story);
  const entry = cacheFile(root, key, file, options, story, published, full);
  if (entry) writeStoryCacheFile(entry);
  return { story, published };
}

/** The entry that keeps a story, as it goes on disk; none for a story with errors. */
function cacheFile(root: string, key: string, file: string, options: CompileStoryOptions, story: CompiledStory, published: PublishedStory, full = false): StoryCacheFile | undefined {
  // A story with errors is compiled again next time: the problem may lie outside it (a missing file).
  if (!story.ok) return undefined;
  return {
    file,
    bytes: encodeCheckedEntry(ENTRY_KIND, {
      key,
      compiler: compilerKey(root, options),
      dataFiles: Object.fromEntries(story.dataFiles.map((path) => [path, dataFileHash(root, path)])),
      ...(story.dataGlobs ? { dataGlobs: Object.fromEntries(story.dataGlobs.map((glob) => [glob, globHash(root, glob)])) } : {}),
      published,
      // Compressed fast (level 1): a story is mostly SVG and CSV text.
      ...(full ? { full: storeFile(root, gzipSync(serialize(story), { level: 1 })) } : {}),
    }),
  };
}

/**
 * The options with the project's chart cache (chart-cache-store.ts), so that a story compiled again
 * draws only the charts that changed, once the same engine with the same options has compiled the
 * story before (its `previous` entry says so, whatever story it holds): keeping every chart of a first build, which no one may ever
 * edit, made its compile 15% slower (1,500 charts: 4 s of 26 s on each worker), and a build after an
 * upgrade of Plotline could use none of the charts it kept before. The chart keys are salted with what
 * they do not cover: the engine and the options.
 */
function withChartCache(root: string, previous: Entry | undefined, options: CompileStoryOptions): CompileStoryOptions {
  const compiler = compilerKey(root, options);
  if (previous?.compiler !== compiler) return options;
  return { ...options, chartCache: chartCacheStore(root, compiler) };
}

const compilerKey = (root: string, options: CompileStoryOptions): string => hash(`${engineVersion(root)}\n${optionsKey(options)}`);

function entryKey(root: string, input: StoryInput, options: CompileStoryOptions): string {
  return hash(`${compilerKey(root, options)}\n${input.path}\n${input.encoding ?? ""}\n${input.encodingProblem ?? ""}\n${input.tooLarge ?? ""}\n${input.text}`);
}

function optionsKey(options: CompileStoryOptions): string {
  const { assetBase = "/", site = "", siteName = "", rasterize, chartPngs = false, sql, additions = {} } = options;
  // The time limit decides only whether a query fails, and failed stories are not kept. The house style
  // is written with its keys in one order, so the same style is one key however the config orders it.
  const houseStyle = Object.entries(additions).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([assetBase, site, siteName, rasterize !== undefined, chartPngs, ...(sql?.remote?.length ? [sql.remote] : []), ...(houseStyle.length ? [houseStyle] : [])]);
}

const hash = (text: string | Uint8Array): string => createHash("sha256").update(text).digest("hex");

/** The files under data/ a glob matches now, hashed: a file added or removed changes it. */
function globHash(root: string, glob: string): string {
  return hash(nodeDataFiles(join(root, dataDir)).list().filter((path) => matchesGlob(path, glob)).join("\n"));
}

const globsUnchanged = (root: string, globs: Record<string, string> | undefined): boolean =>
  Object.entries(globs ?? {}).every(([glob, digest]) => globHash(root, glob) === digest);

const dataFilesUnchanged = (root: string, files: Record<string, string>): boolean =>
  Object.entries(files).every(([path, digest]) => dataFileHash(root, path) === digest);

/** The first line of an entry names it so (checked-entry.ts). */
const ENTRY_KIND = "plotline-story-cache 2";

const read = (file: string): Entry | undefined => readCheckedEntry<Entry>(ENTRY_KIND, file);

const engineDir = join(dirname(fileURLToPath(import.meta.url)), "..");
let engineSource: string | undefined;
let lock: { stamp: string; digest: string } | undefined;

/**
 * What the engine is: its source files (hashed once per process or worker), the project's lockfile
 * (Plot, d3, resvg, fonts, …: hashed again whenever it is touched) and Node's version.
 */
function engineVersion(root: string): string {
  if (engineSource === undefined) {
    const digest = createHash("sha256");
    for (const file of filesUnder(engineDir)) digest.update(`${file}\n`).update(readFileSync(join(engineDir, file)));
    engineSource = digest.digest("hex");
  }
  const lockfile = join(root, "package-lock.json");
  const stats = existsSync(lockfile) ? statSync(lockfile) : undefined;
  const stamp = stats ? `${lockfile} ${stats.size} ${stats.mtimeMs}` : `${lockfile} none`;
  if (lock?.stamp !== stamp) lock = { stamp, digest: stats ? hash(readFileSync(lockfile)) : "none" };
  return `${process.version} ${engineSource} ${lock.digest}`;
}
