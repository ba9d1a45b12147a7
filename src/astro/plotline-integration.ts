import { constants, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { NO_SCRIPT_CSS_PATH, withBase } from "./present.ts";
import { removeLinksLeavingProject } from "./remove-links-leaving-project.ts";
import { serveOnlyProjectFiles } from "./serve-only-project-files.ts";
import { siteRegistry } from "./site-registry.ts";
import { writeEmbedPages } from "./embed-pages.ts";
import { putStoryFiles } from "./story-files.ts";
import { fillFigureSlots } from "./figure-slots.ts";
import type { PublishedFile } from "../engine/project/published-story.ts";


const ASSET_PREFIX = "_plotline/";

const noScriptCss = (): string => readFileSync(new URL("../styles/no-script.css", import.meta.url), "utf8");

/** What the dev server says each kind of file is (a build leaves that to the host). */
const contentTypes: Record<string, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  css: "text/css; charset=utf-8",
};

/**
 * Serves (in dev) and writes (in a build) the files compiled stories need beside their pages: the
 * spec and data of charts too large to inline, charts' data as CSV, charts as SVG (and PNG) downloads,
 * and social cards. The content loader lists them in the site registry; they are files of the
 * project's file store (engine/project/file-store.ts), linked into the site (story-files.ts). In a
 * build it also splices the figures into the story pages (figure-slots.ts) and writes the embed pages.
 */
export function plotlineIntegration(): AstroIntegration {
  let base = "/";
  let root = ".";
  let site: URL | undefined;
  return {
    name: "plotline",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [samePlotOffsetEverywhere(), serveOnlyProjectFiles()] } });
      },
      "astro:config:done": ({ config }) => {
        base = withBase(config.base);
        root = fileURLToPath(config.root);
        site = config.site ? new URL(config.site) : undefined;
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? "").split("?")[0] ?? "");
          if (!path.startsWith(`${base}${ASSET_PREFIX}`)) return next();
          const sitePath = path.slice(base.length);
          const stored = siteRegistry().assets.get(sitePath);
          let content: string | Uint8Array;
          if (sitePath === NO_SCRIPT_CSS_PATH) content = noScriptCss();
          else if (stored === undefined) return next();
          else {
            try {
              content = readFileSync(join(root, stored));
            } catch {
              // The cache was emptied while the server ran: the story is compiled again when next saved.
              return next();
            }
          }
          const extension = /\.([a-z]+)$/.exec(path)?.[1] ?? "";
          response.setHeader("Content-Type", contentTypes[extension] ?? "application/octet-stream");
          response.end(content);
        });
      },
      "astro:build:done": async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        removeLinksLeavingProject(root, outDir);
        const build = siteRegistry().build;
        // A draft's files are never written by a build (see the loader).
        const stories = [...siteRegistry().stories.values()].filter((story) => story.frontmatter && !story.frontmatter.draft);
        const reused = build?.reusedPages;
        // The figures go into the story pages before anything reads them (storyBody left their places marked).
        if (build) await fillFigureSlots(root, outDir, stories.filter((story) => !reused?.has(story.slug)));
        build?.pagesWritten?.(outDir);
        mkdirSync(join(outDir, "_plotline"), { recursive: true });
        writeFileSync(join(outDir, ...NO_SCRIPT_CSS_PATH.split("/")), noScriptCss());
        const files = stories.map((story) => ({ slug: story.slug, reused: reused?.has(story.slug) ?? false, assets: story.assets }));
        // Social cards (and chart PNGs) are drawn by other threads while the pages are written, and
        // while what needs none of them is put in here; if one could not be drawn, the build command
        // fails with its message and this site is thrown away.
        const drawnLater = (file: PublishedFile) => file.path.endsWith(".png");
        const putting = putStoryFiles(root, outDir, files, (file) => !drawnLater(file));
        putting.catch(() => undefined); // awaited below, after the embed pages
        if (build?.embedsFromTemplate) await writeEmbedPages(outDir, base, site);
        await putting;
        if (build?.pngsDrawn && !(await build.pngsDrawn())) return;
        await putStoryFiles(root, outDir, files, drawnLater);
      },
    },
  };
}

/**
 * Plot shifts lines by half a pixel for crisp edges, but only in browsers whose devicePixelRatio is 1:
 * it decides once, when it loads (style.js: offset = 0 on servers and high-density screens, 0.5
 * otherwise). A chart redrawn in such a browser would then move by half a pixel against the one the
 * build drew. Fixing the offset to 0 in the browser bundle makes the redrawn chart identical on every screen.
 */
function samePlotOffsetEverywhere() {
  return {
    name: "plotline:same-plot-offset",
    transform(code: string, id: string) {
      if (!/@observablehq[\\/]plot[\\/]src[\\/]style\.js$/.test(id.split("?")[0] ?? "")) return undefined;
      const fixed = code.replace(/export const offset = [^;]+;/, "export const offset = 0;");
      if (fixed === code) throw new Error("Plotline: Plot's style.js no longer declares its offset as expected; review samePlotOffsetEverywhere");
      return { code: fixed, map: null };
    },
  };
}
