/**
 * The example site as a static host serves it from a sub-path (/newsroom/), with the `_headers` file the
 * build writes applied as Netlify or Cloudflare Pages would: Chromium starts at the home page and follows
 * every internal link, asset, download and absolute URL the pages name, and every page must load with
 * no broken reference, no request outside the sub-path and no Content-Security-Policy violation.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { hostHeadersFor, parseHeadersFile, serveStatic, type StaticServer } from "../../scripts/static-server.ts";
import { contentSecurityPolicy } from "../../src/astro/content-security-policy.ts";
import { contentHashedFolders } from "../../src/astro/static-host-headers.ts";
import { sharedSite } from "../support/shared-site.ts";
import { publishedAt, repoRoot } from "../support/temp-project.ts";

const BASE = "/newsroom/";
const SITE = "https://news.example.org";

interface Crawl {
  /** Every page visited (path under the host), with the ids its elements carry. */
  pages: Map<string, Set<string>>;
  /** Files (not pages) fetched, by path, with their status. */
  files: Map<string, number>;
  broken: string[];
  outsideBase: string[];
  problems: string[];
  anchors: { from: string; path: string; id: string }[];
}

/** The example site's dist/, built once per run for BASE and SITE (shared-site.ts): read only. */
let dist: string;
let server: StaticServer;
let browser: Browser;
let origin: string;
let crawl: Crawl;

/** A URL as the test server sees it: the site's public address is mapped onto the local server. */
function local(url: string): URL {
  return new URL(url.startsWith(SITE) ? origin + url.slice(SITE.length) : url);
}

/** Pages the crawl loads at once. */
const CRAWL_CONCURRENCY = 4;

async function crawlSite(): Promise<Crawl> {
  const result: Crawl = { pages: new Map(), files: new Map(), broken: [], outsideBase: [], problems: [], anchors: [] };
  const queue: { path: string; from: string }[] = [{ path: BASE, from: "(start)" }];
  const seen = new Set<string>([BASE]);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const enqueue = (raw: string, from: string) => {
    let url: URL;
    try {
      url = local(new URL(raw, origin + from).href);
    } catch {
      result.broken.push(`${from}: unparsable URL ${raw}`);
      return;
    }
    if (url.origin !== origin) return; // another site: not ours to check
    if (!url.pathname.startsWith(BASE)) {
      result.outsideBase.push(`${from} -> ${url.pathname}`);
      return;
    }
    if (url.hash.length > 1) result.anchors.push({ from, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
    if (seen.has(url.pathname)) return;
    seen.add(url.pathname);
    queue.push({ path: url.pathname, from });
  };
  // Several pages at a time (each waits for its network to be idle): the same pages and checks as one by one, sooner.
  const visit = async ({ path, from }: { path: string; from: string }): Promise<void> => {
    const response = await context.request.get(origin + path);
    const type = response.headers()["content-type"] ?? "";
    if (response.status() !== 200) {
      result.broken.push(`${from} -> ${path}: HTTP ${response.status()}`);
      return;
    }
    if (!type.startsWith("text/html")) {
      result.files.set(path, response.status());
      // Feeds and sitemaps name pages by their absolute address: follow those too.
      if (/xml|text\/plain/.test(type)) for (const match of (await response.text()).matchAll(/https?:\/\/[^\s<>"']+/g)) if (match[0].startsWith(SITE)) enqueue(match[0], path);
      return;
    }
    const page = await context.newPage();
    page.on("console", (message) => void (message.type() === "error" && result.problems.push(`${path}: ${message.text()}`)));
    page.on("pageerror", (error) => result.problems.push(`${path}: ${error.message}`));
    page.on("response", (r) => {
      const url = new URL(r.url());
      if (url.origin === origin && r.status() >= 400) result.broken.push(`${path} loaded ${url.pathname}: HTTP ${r.status()}`);
    });
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith("http") && (url.origin !== origin || !url.pathname.startsWith(BASE))) result.outsideBase.push(`${path} requested ${r.url()}`);
    });
    // Loaded first: Playwright's "networkidle" alone can come before the parser reaches the end of the
    // page (500 ms with no request in flight, easily had on a loaded machine), and the crawl would then
    // miss the links and ids of the page's last part.
    await page.goto(origin + path, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const found = await page.evaluate(() => {
      const urls: string[] = [];
      for (const element of document.querySelectorAll("[href], [src], [srcset], [data-plotline-payload]")) {
        for (const name of ["href", "src", "data-plotline-payload"]) {
          const value = element.getAttribute(name);
          if (value && !/^(mailto|tel|javascript|data):/i.test(value)) urls.push(value);
        }
        for (const candidate of (element.getAttribute("srcset") ?? "").split(",")) if (candidate.trim()) urls.push(candidate.trim().split(/\s+/)[0]!);
      }
      // Absolute addresses in meta tags, JSON-LD and copyable embed code.
      for (const meta of document.querySelectorAll("meta[content]")) if (/^(https?:|\/)/.test(meta.getAttribute("content")!)) urls.push(meta.getAttribute("content")!);
      urls.push(...(document.documentElement.outerHTML.match(/https?:\/\/[^\s<>"'&]+/g) ?? []));
      return { urls, ids: [...document.querySelectorAll("[id]")].map((e) => e.id) };
    });
    result.pages.set(path, new Set(found.ids));
    for (const url of found.urls) if (/^(https?:|\/|\.|#|[\w-])/.test(url) && !/^[\w-]+:(?!\/\/)/.test(url.replace(/^https?:/, ""))) enqueue(url, path);
    await page.close();
  };
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const next = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < CRAWL_CONCURRENCY && queue.length > 0) {
        active++;
        visit(queue.shift()!).then(() => {
          active--;
          next();
        }, reject);
      }
    };
    next();
  });
  await context.close();
  return result;
}

beforeAll(async () => {
  const built = await sharedSite(repoRoot, publishedAt(BASE, SITE));
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  dist = built.dist;
  server = await serveStatic(dist, { base: BASE, hostHeaders: true });
  origin = new URL(server.url).origin;
  browser = await launchChromium();
  crawl = await crawlSite();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the example site served from /newsroom/ with its _headers", () => {
  it("reaches every story, language page and chart download from the home page", () => {
    const pages = [...crawl.pages.keys()];
    for (const slug of ["ai-talent-demand-2025", "aigc-talent-report-2023"]) expect(pages).toContain(`${BASE}stories/${slug}/`);
    expect(pages.filter((p) => p.startsWith(`${BASE}lang/`)).length).toBeGreaterThanOrEqual(2);
    expect([...crawl.files.keys()].filter((p) => p.endsWith(".csv")).length).toBeGreaterThanOrEqual(8);
  });

  it("has no broken link, asset or download, and nothing outside the sub-path", () => {
    expect(crawl.broken).toEqual([]);
    expect(crawl.outsideBase).toEqual([]);
  });

  it("has every #anchor that a link points to", () => {
    const missing = crawl.anchors.filter(({ path, id }) => crawl.pages.has(path) && !crawl.pages.get(path)!.has(id));
    expect(missing).toEqual([]);
  });

  it("loads every page with no console error and no Content-Security-Policy violation", () => {
    expect(crawl.pages.size).toBeGreaterThanOrEqual(5);
    expect(crawl.problems).toEqual([]);
  });

  it("serves the 404 page, with its styles, for an address that does not exist", async () => {
    const page = await browser.newPage();
    const styles: number[] = [];
    page.on("response", (r) => void (r.request().resourceType() === "stylesheet" && styles.push(r.status())));
    const response = await page.goto(`${origin}${BASE}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.every((s) => s === 200)).toBe(true);
    expect(await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toContain(BASE);
    await page.close();
  });
});

describe("what the example site gives link previews and feed readers, in the browser", () => {
  it("names a social card for every story that loads as a 1200 × 630 image", async () => {
    const page = await browser.newPage();
    for (const slug of ["ai-talent-demand-2025", "aigc-talent-report-2023"]) {
      await page.goto(`${origin}${BASE}stories/${slug}/`);
      const card = await page.getAttribute('meta[property="og:image"]', "content");
      expect(card, slug).toMatch(new RegExp(`^${SITE}${BASE}_plotline/cards/${slug}\\.png$`));
      expect(await page.getAttribute('meta[name="twitter:image"]', "content")).toBe(card);
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return [image.naturalWidth, image.naturalHeight];
      }, local(card!).href);
      expect(size, slug).toEqual([1200, 630]);
    }
    await page.close();
  });

  it("serves RSS 2.0 feeds that the browser parses as XML, one per language, with absolute links to the stories", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}${BASE}`);
    for (const [feed, stories] of [
      ["rss.xml", 2],
      ["lang/en/rss.xml", 1],
      ["lang/zh-cn/rss.xml", 1],
    ] as const) {
      const response = await page.request.get(`${origin}${BASE}${feed}`);
      expect(response.status(), feed).toBe(200);
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, "application/xml");
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          version: doc.documentElement.getAttribute("version"),
          channel: ["title", "link", "description"].map((name) => doc.querySelector(`channel > ${name}`)?.textContent ?? ""),
          items: [...doc.querySelectorAll("item")].map((item) => ({ title: item.querySelector("title")?.textContent ?? "", link: item.querySelector("link")?.textContent ?? "", date: item.querySelector("pubDate")?.textContent ?? "" })),
        };
      }, await response.text());
      expect(parsed.error, feed).toBeNull();
      expect(parsed.version).toBe("2.0");
      for (const text of parsed.channel) expect(text, feed).not.toBe("");
      expect(parsed.items, feed).toHaveLength(stories);
      for (const item of parsed.items) {
        expect(item.link).toMatch(new RegExp(`^${SITE}${BASE}stories/[a-z0-9-]+/$`));
        expect(crawl.pages.has(local(item.link).pathname), item.link).toBe(true);
        expect(Number.isNaN(Date.parse(item.date))).toBe(false);
      }
    }
    await page.close();
  });
});

describe("the _headers file", () => {
  const rules = () => parseHeadersFile(readFileSync(join(dist, "_headers"), "utf8"));

  it("names only paths under the sub-path", () => {
    for (const rule of rules()) expect(rule.path.startsWith(BASE), rule.path).toBe(true);
  });

  it("sends the strict policy with every page, once, with no 'unsafe-inline' or 'unsafe-eval'", () => {
    for (const path of crawl.pages.keys()) {
      const policy = hostHeadersFor(rules(), path)["Content-Security-Policy"];
      expect(policy, path).toBe(contentSecurityPolicy);
    }
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it("keeps story and list pages out of other sites' frames, but not chart embeds", () => {
    for (const path of crawl.pages.keys()) {
      const frameOptions = hostHeadersFor(rules(), path)["X-Frame-Options"];
      if (path.startsWith(`${BASE}embed/`)) expect(frameOptions, path).toBeUndefined();
      else if (path.startsWith(`${BASE}stories/`) || path === BASE || path.startsWith(`${BASE}lang/`)) expect(frameOptions, path).toBe("SAMEORIGIN");
    }
  });

  it("lets browsers keep content-hashed files for a year, and only those", () => {
    const assets = readdirSync(join(dist, "_astro"));
    expect(assets.length).toBeGreaterThan(0);
    // Astro names each script and stylesheet by a hash of its content.
    for (const name of assets) expect(name).toMatch(/\.[\w-]{8}\.(js|css)$/);
    expect(hostHeadersFor(rules(), `${BASE}_astro/${assets[0]}`)["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    // Everything else keeps its name when its content changes (pages, CSV, PNG and SVG downloads,
    // feeds, search files): hosts must ask again.
    const hashed = (path: string) => contentHashedFolders.some((folder) => path.startsWith(`${BASE}${folder}`));
    const renamedNever = [...crawl.pages.keys(), ...crawl.files.keys()].filter((path) => !hashed(path));
    expect(renamedNever.filter((p) => /\.(csv|png|svg)$/.test(p)).length).toBeGreaterThanOrEqual(8);
    for (const path of renamedNever) expect(hostHeadersFor(rules(), path)["Cache-Control"], path).toBeUndefined();
    for (const path of crawl.files.keys()) if (hashed(path)) expect(path).toMatch(/[.\/][\w-]{8,}\.(js|css|json|wasm)$/);
  });
});
