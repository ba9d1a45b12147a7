// sitemap.xml, written when the build is done from the pages it wrote: every page whose canonical
// link names the page itself is listed, with its last change (a story's article:modified_time) and
// its translations (its rel=alternate hreflang links). Pages marked noindex (the 404 page, chart
// embeds) and pages that name another page canonical are not. So the sitemap names exactly what was
// built, as each page describes itself, drafts never, and a new kind of page needs nothing here.
import { closeSync, existsSync, openSync, readdirSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { parseHTML } from "linkedom";
import { withBase } from "./present.ts";
import { siteRegistry } from "./site-registry.ts";
import { xmlText } from "../engine/xml/xml-text.ts";

export interface SitemapPage {
  /** Absolute address. */
  loc: string;
  /** ISO 8601 date-time of the last change, when the page says. */
  lastmod?: string | undefined;
  /** The page in each language it exists in, itself included; empty without a translation. */
  alternates: { lang: string; href: string }[];
}

export function sitemapIntegration(): AstroIntegration {
  let home: URL | undefined;
  return {
    name: "plotline:sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        home = config.site ? new URL(withBase(config.base), config.site) : undefined;
      },
      "astro:build:done": ({ dir, logger }) => {
        if (!home) return logger.warn("No sitemap.xml: set site in plotline.config.mjs");
        const outDir = fileURLToPath(dir);
        // Embed pages (five for every story of five charts) all come from one page (embed-pages.ts):
        // the first one read says for all whether they are noindex, so the others are not opened.
        let embedsNoindex: boolean | undefined;
        // The pages of unchanged stories join the site from the last one when it is swapped in (story-files.ts): read there.
        const build = siteRegistry().build;
        const keptFolders = [...(build?.reusedPages ?? [])].flatMap((slug) => [`stories/${slug}/`, `embed/${slug}/`]);
        const files = [
          ...htmlFiles(outDir).map((path) => ({ site: outDir, path })),
          ...(build ? keptFolders.flatMap((folder) => htmlFiles(join(build.previousSite, folder), folder).map((path) => ({ site: build.previousSite, path }))) : []),
        ];
        const pages = files
          .flatMap(({ site, path }) => {
            const embed = path.startsWith("embed/");
            if (embed && embedsNoindex) return [];
            // dist/tags/人工智能/index.html is served at <base>tags/人工智能/.
            const address = new URL(path.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/"), home);
            const head = readHead(join(site, path));
            const noindex = robotsNoindex.test(head);
            if (embed) embedsNoindex ??= noindex;
            if (noindex) return [];
            return sitemapPageOf(head, address.href) ?? [];
          });
        writeFileSync(join(outDir, "sitemap.xml"), sitemapXml(pages));
      },
    },
  };
}

/**
 * What a built page's head says about it, or undefined if it is not to be listed: no canonical link,
 * a canonical link to another address than its own (given absolute), or robots noindex.
 */
/** Folders of the build's own files (scripts, styles, chart files, the search index), which hold no pages. */
const assetFolders = new Set(["_astro", "_plotline", "pagefind"]);

/** Paths ("stories/x/index.html", with "/") of the HTML files of a built site, outside its asset folders. */
function htmlFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return prefix === "" && assetFolders.has(entry.name) ? [] : htmlFiles(join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith(".html") ? [`${prefix}${entry.name}`] : [];
  });
}

/** A page's <meta name="robots"> that says noindex, in either order of its attributes. */
const robotsNoindex = /<meta\s[^>]*(name="robots"[^>]*content="[^"]*\bnoindex\b|content="[^"]*\bnoindex\b[^>]*name="robots")/i;

export function sitemapPageOf(head: string, address: string): SitemapPage | undefined {
  const { document } = parseHTML(head);
  const loc = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  if (!loc || new URL(loc).href !== new URL(address).href) return undefined;
  if (/\bnoindex\b/i.test(document.querySelector('meta[name="robots"]')?.getAttribute("content") ?? "")) return undefined;
  const lastmod = document.querySelector('meta[property="article:modified_time"]')?.getAttribute("content") ?? undefined;
  const alternates = [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => ({
    lang: link.getAttribute("hreflang")!,
    href: link.getAttribute("href")!,
  }));
  return { loc, lastmod, alternates };
}

export function sitemapXml(pages: readonly SitemapPage[]): string {
  const urls = [...pages]
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0))
    .map((page) =>
      [
        "  <url>",
        `    <loc>${xmlText(page.loc)}</loc>`,
        ...(page.lastmod ? [`    <lastmod>${xmlText(page.lastmod)}</lastmod>`] : []),
        ...page.alternates.map((alternate) => `    <xhtml:link rel="alternate" hreflang="${xmlText(alternate.lang)}" href="${xmlText(alternate.href)}"/>`),
        "  </url>",
      ].join("\n"),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** The start of a page up to the end of its head: pages hold their charts, and the head is all this needs. */
function readHead(file: string): string {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    // A page's head is a few KB; its body (charts) can be megabytes: read a little at a time.
    const chunk = Buffer.alloc(8 * 1024);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, read)));
      const text = Buffer.concat(chunks).toString("utf8");
      const end = text.indexOf("</head>");
      if (end !== -1) return text.slice(0, end + "</head>".length);
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
