import { isAbsolute, join, matchesGlob, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { dataDir as DATA_DIR, storiesDir as STORIES_DIR } from "../engine/project/project-dirs.ts";
import { scanStoryFiles } from "../engine/project/story-files.ts";
import type { PublishedStory } from "../engine/project/published-story.ts";
import { resolveSrc } from "../engine/data/resolve-src.ts";
import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../engine/diagnostics/format-diagnostic.ts";
import type { Frontmatter } from "../engine/story/frontmatter-schema.ts";
import { normalizeSource } from "../engine/story/normalize-source.ts";
import { devOverlayHtml } from "./diagnostics-html.ts";
import { withBase } from "./present.ts";
import { readProjectSourceText } from "../engine/project/read-story-file.ts";
import { escapeControlChars } from "../engine/diagnostics/terminal-text.ts";
import { siteRegistry } from "./site-registry.ts";
import { additions as additionsConfig, images as imagesConfig, name as siteName, sql as sqlConfig } from "../../plotline.config.mjs";
import { readHouseStyle } from "../engine/project/house-style.ts";
import { readSqlOptions } from "../engine/sql/read-sql-options.ts";

/**
 * The engine's compile (some 200 modules), loaded only when a story is compiled here: `plotline build`
 * hands over every story compiled, and Vite, which loads this file for Astro, then need not load the
 * engine at all (at 1,000 stories that was about 2 s of every build's start).
 */
const engine = () => import("../engine/project/compile-project.ts");
const imageSettings = () => import("../engine/project/image-options.ts");

/**
 * Loads content/stories/*.md into the `stories` collection, compiled by the Plotline engine.
 * Astro's own Markdown pipeline is not used: each story's body is the engine's HTML, in the project's
 * file store, found through the site registry (see site-registry.ts) by the pages; the content store
 * holds the frontmatter. Stories are compiled through the story cache, as `plotline build` compiles them.
 *
 * Build (`astro build`, `astro sync`): any error in any story stops the build with every error listed.
 * Dev (`astro dev`): diagnostics are logged and shown in an overlay at the top of the story (see
 * diagnostics-html.ts), the home page flags stories with problems, and stories are recompiled when
 * they, or data files they read, change. Astro then reloads open pages by itself.
 */
export function storiesLoader(): Loader {
  return {
    name: "plotline-stories",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const project = new Project(root, context.config.base, context.config.site);
      const dev = context.watcher !== undefined;

      siteRegistry().root = root;
      if (!dev) await siteRegistry().build?.ready;
      const precompiled = dev ? undefined : siteRegistry().build?.stories;
      // Stories the build command compiled (and reported on) in this process are used as they are.
      const reported = new Set<PublishedStory>();
      const compiled: (PublishedStory | undefined)[] = [];
      for (const path of project.storyPaths()) {
        const ready = precompiled?.get(path);
        if (ready) {
          reported.add(ready);
          compiled.push(ready);
          continue;
        }
        try {
          compiled.push(await project.compile(path));
        } catch (error) {
          // The engine turns every editor mistake into a diagnostic, so this is a bug in Plotline.
          if (!dev) throw new Error(`Plotline could not compile ${path}`, { cause: error });
          context.logger.error(`Could not compile ${path}: ${describe(error)}`);
          compiled.push(undefined);
        }
      }
      // Stories compiled here still need the checks across stories (translations, links between
      // stories); the build command's were checked already.
      for (const story of compiled) if (story && !reported.has(story)) project.raw.set(story.path, story);
      const checked = await project.checkAcross();
      const stories = compiled.map((story) => (story && !reported.has(story) ? (checked.get(story.path) ?? story) : story));

      if (!dev && stories.some((story) => story && !story.ok)) {
        for (const story of stories) if (story && !reported.has(story)) logWarnings(context, project, story);
        throw new Error(buildFailureMessage(project, stories));
      }

      const kept = new Set<string>();
      for (const story of stories) {
        if (!story) continue;
        storeStory(context, project, story, dev, !reported.has(story));
        kept.add(story.slug);
      }
      // The store persists between runs (node_modules/.astro); drop stories whose files are gone.
      for (const id of context.store.keys()) {
        if (kept.has(id)) continue;
        context.store.delete(id);
        forget(id);
      }

      if (context.watcher) {
        // Problems with the project's files (stories not built, public/ links leading out), which no story's overlay shows.
        for (const d of (await engine()).projectFileDiagnostics(root)) (d.severity === "error" ? context.logger.error : context.logger.warn).call(context.logger, project.format(d));
        watch(context, context.watcher, project);
      }
    },
  };
}

/** File access for one project root; paths given to and returned from it are root-relative with "/". */
class Project {
  readonly root: string;
  /** Story path → compiled story, for every story in the store: what to delete or recompile in dev. */
  readonly loaded = new Map<string, PublishedStory>();
  /** Story path → the story as compiled alone, before the checks across stories (see checkAcross). */
  readonly raw = new Map<string, PublishedStory>();

  readonly base: string;
  /** The site's address, for the absolute URLs of embed codes (dev shows the published ones). */
  readonly site: string | undefined;

  constructor(root: string, base: string, site: string | undefined) {
    this.root = root;
    this.base = withBase(base);
    this.site = site;
  }

  storyPaths(): string[] {
    return scanStoryFiles(this.root).stories;
  }

  /** Reads and compiles one story, its SQL blocks run; undefined if the file is gone (deleted while dev was running). */
  async compile(path: string): Promise<PublishedStory | undefined> {
    const sql = readSqlOptions(sqlConfig);
    const chartPngs = (await imageSettings()).readChartPngs(imagesConfig);
    const additions = readHouseStyle(additionsConfig);
    return (await engine()).publishProjectStory(this.root, path, {
      assetBase: this.base,
      siteName,
      ...(this.site ? { site: this.site } : {}),
      ...(sql ? { sql } : {}),
      ...(chartPngs ? { chartPngs } : {}),
      ...(Object.keys(additions).length > 0 ? { additions } : {}),
    });
  }

  /** Every story compiled here with the checks that need all stories (translationOf, links), by path. */
  async checkAcross(): Promise<Map<string, PublishedStory>> {
    if (this.raw.size === 0) return new Map();
    const { stories } = (await engine()).finishProject(this.root, [...this.raw.values()]);
    return new Map(stories.map((story) => [story.path, story]));
  }

  /** The text of a project file, or undefined if it is missing or outside the project. */
  read(path: string): string | undefined {
    const absolute = this.absolute(path);
    if (this.relative(absolute) === undefined) return undefined;
    return readProjectSourceText(this.root, path);
  }

  absolute(path: string): string {
    return join(this.root, ...path.split("/"));
  }

  /** Root-relative path with forward slashes, or undefined for files outside the project. */
  relative(absolutePath: string): string | undefined {
    const rel = relative(this.root, absolutePath);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
    return rel.split(sep).join("/");
  }

  /** The text of a project file as the engine reads it (no BOM, "\n" line ends), for code frames. */
  source(path: string): string | undefined {
    const text = this.read(path);
    return text === undefined ? undefined : normalizeSource(text);
  }

  /**
   * Dev only: the address at which `astro dev` serves a project file as it is, through Vite's /@fs/
   * route (under the base). Astro answers other paths such as /docs/diagnostics.md with its own 404
   * page when a browser asks for them, so this is how the overlay links to docs/diagnostics.md.
   */
  devFileUrl(path: string): string {
    const [file = "", hash] = path.split("#");
    const root = this.root.split(sep).join("/").replace(/^\/+|\/+$/g, "");
    const url = `${this.base}@fs/${root}/${file.split("/").map(encodeURIComponent).join("/")}`;
    return hash === undefined ? url : `${url}#${hash}`;
  }

  /** Diagnostic as editors read it in a terminal, with a code frame from the file it points into. */
  format(d: Diagnostic): string {
    return formatDiagnostic(d, { source: this.source(d.span.file), color: false });
  }
}

/** What a story with broken frontmatter shows in dev: enough for the pages to render its error panel. */
function placeholderFrontmatter(story: PublishedStory): Frontmatter {
  return {
    title: `${story.slug} (the frontmatter has errors)`,
    dek: `Fix the errors listed below in ${story.path}.`,
    date: new Date(0),
    lang: "en",
    authors: [],
    tags: [],
    sources: [],
    draft: false,
  };
}

function storeStory(context: LoaderContext, project: Project, story: PublishedStory, dev: boolean, log = true): void {
  for (const d of log ? story.diagnostics : []) {
    if (d.severity === "error") context.logger.error(project.format(d));
    else context.logger.warn(project.format(d));
  }
  const frontmatter = story.frontmatter ?? placeholderFrontmatter(story);
  const registry = siteRegistry();
  // Dev only: the overlay goes first in the body (it is fixed to the top of the window by CSS).
  if (dev) {
    const overlay = devOverlayHtml(story.diagnostics, { source: (file) => project.source(file), docsHref: (docs) => project.devFileUrl(docs) });
    registry.dev.set(story.slug, { diagnostics: story.diagnostics, overlay });
  }
  registry.stories.set(story.slug, story);
  // A draft's files (card, downloads, data) are previewed in dev but never written by a build: they
  // would publish its headline and numbers at guessable addresses.
  if (dev || !frontmatter.draft) for (const asset of story.assets) registry.assets.set(asset.path, asset.file);
  context.store.set({
    id: story.slug,
    data: frontmatter,
    filePath: story.path,
    // Digest of the output, not of the source: a data file can change the HTML of an unchanged story.
    // Stored files are named by their content, so their names stand for it.
    digest: context.generateDigest(JSON.stringify({ frontmatter, body: story.body, figures: story.charts.map((chart) => chart.figure), dev: registry.dev.get(story.slug)?.overlay })),
  });
  project.loaded.set(story.path, story);
}

/** A story that is gone: nothing of it stays for the pages (its files in the store stay for the cache). */
function forget(slug: string): void {
  const registry = siteRegistry();
  const story = registry.stories.get(slug);
  for (const asset of story?.assets ?? []) registry.assets.delete(asset.path);
  registry.stories.delete(slug);
  registry.dev.delete(slug);
}

function logWarnings(context: LoaderContext, project: Project, story: PublishedStory): void {
  for (const d of story.diagnostics) if (d.severity === "warning") context.logger.warn(project.format(d));
}

function buildFailureMessage(project: Project, stories: (PublishedStory | undefined)[]): string {
  const failing = stories.filter((s): s is PublishedStory => s !== undefined && !s.ok);
  const errors = failing.flatMap((s) => s.diagnostics.filter((d) => d.severity === "error"));
  // `ok` is also false when the frontmatter could not be read; the engine reports that as an error,
  // but say so here too rather than build a page from nothing.
  const unexplained = failing.filter((s) => !s.diagnostics.some((d) => d.severity === "error"));
  const summary =
    `${errors.length + unexplained.length} ${errors.length + unexplained.length === 1 ? "error" : "errors"} in ` +
    `${failing.length} ${failing.length === 1 ? "story" : "stories"}; the site was not built.`;
  return [
    summary,
    "",
    ...errors.map((d) => project.format(d) + "\n"),
    ...unexplained.map((s) => `${escapeControlChars(s.path)}: the story has no valid frontmatter.\n`),
  ].join("\n");
}

/**
 * How long (ms) a story's files must be quiet before it is compiled again. Editors and scripts often
 * save by truncating a file and then writing it; the watcher may report the truncation and drop the
 * write that follows a few milliseconds later as the same event, so reading at once can find an
 * empty or half-written file and leave the page showing errors that are no longer there.
 */
const SETTLE_MS = 50;

/** Dev only: recompile a story when its file changes, or when a data file it reads changes. */
function watch(context: LoaderContext, watcher: NonNullable<LoaderContext["watcher"]>, project: Project): void {
  watcher.add([project.absolute(STORIES_DIR), project.absolute(DATA_DIR)]);

  // The files listStoryFiles() loads: content/stories/*.md, not in subfolders, not hidden.
  const isStory = (path: string) => /^content\/stories\/[^/]+\.md$/i.test(path) && !path.split("/").pop()!.startsWith(".");

  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * Looks at a story again once its files have settled: what is on disk then decides, whatever the
   * events were (a save can arrive as "unlink" then "add", or as a "change" of a file being written).
   */
  const refresh = (path: string) => {
    clearTimeout(pending.get(path));
    pending.set(
      path,
      setTimeout(() => {
        pending.delete(path);
        void update(path);
      }, SETTLE_MS),
    );
  };

  /** Per story, the latest compile started: one finishing after a newer one started (a slow query) is dropped. */
  const latest = new Map<string, number>();
  const update = async (path: string) => {
    const mine = (latest.get(path) ?? 0) + 1;
    latest.set(path, mine);
    try {
      const story = await project.compile(path);
      if (latest.get(path) !== mine) return;
      if (!story) return remove(path);
      project.raw.set(path, story);
      await recheck(path);
      context.logger.info(`Reloaded ${path}`);
    } catch (error) {
      context.logger.error(`Could not compile ${path}: ${describe(error)}`);
    }
  };

  /**
   * A story changed (or went): the checks across stories run again, and every story whose problems
   * changed with it (a link to the story that went, a translation that now matches) is stored again.
   */
  const recheck = async (changed: string) => {
    for (const [path, story] of await project.checkAcross()) {
      const before = project.loaded.get(path);
      if (path === changed || !before || JSON.stringify(before.diagnostics) !== JSON.stringify(story.diagnostics)) {
        storeStory(context, project, story, true, path === changed || before !== undefined);
      }
    }
  };

  const remove = (path: string) => {
    const story = project.loaded.get(path);
    project.raw.delete(path);
    if (!story) return;
    context.store.delete(story.slug);
    project.loaded.delete(path);
    siteRegistry().dev.delete(story.slug);
    // Pages list stories from the data store, which Astro writes to disk up to 500 ms later; a
    // request in between would still route to the story and find no body (a 500 error). So the
    // body goes a little later, unless the story has come back meanwhile.
    setTimeout(() => {
      if ([...project.loaded.values()].some((s) => s.slug === story.slug)) return;
      forget(story.slug);
    }, 5_000).unref();
    context.logger.info(`Removed ${path}`);
    void recheck(path).catch((error: unknown) => context.logger.error(`Could not check the stories again after ${path} went: ${describe(error)}`));
  };

  const onFile = (absolutePath: string) => {
    const path = project.relative(absolutePath);
    if (!path) return;
    if (isStory(path)) return refresh(path);
    if (path.startsWith(`${DATA_DIR}/`)) {
      // Added, changed or deleted: every story that reads the file (or tried to, and reported it
      // missing) is compiled again. dataFiles holds src= as written ("./pay.csv"), so resolve it.
      const dataPath = path.slice(DATA_DIR.length + 1);
      for (const [storyPath, story] of project.loaded) {
        // Also a file added or removed that matches a glob an SQL block reads ('sales/2024-*.parquet').
        if (story.dataFiles.some((src) => (resolveSrc(src) ?? src) === dataPath) || story.dataGlobs?.some((glob) => matchesGlob(dataPath, glob))) refresh(storyPath);
      }
    }
  };

  watcher.on("change", onFile);
  watcher.on("add", onFile);
  watcher.on("unlink", onFile);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
