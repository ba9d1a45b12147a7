/**
 * How readers and machines find stories, on a site built under a base path (PLOTLINE_BASE=/newsroom/,
 * PLOTLINE_SITE=https://news.example.org) from tests/sites/discovery: a headline that tries to break
 * out of the structured data's script, an English/Chinese pair, tags that differ only in case, width or
 * spacing, Chinese tags, a story without tags or byline, and a draft. Checked: each page's head (meta
 * description, canonical, Open Graph, Twitter, NewsArticle JSON-LD), the RSS feeds (parsed as XML), the
 * sitemap, robots.txt, the tag pages, social cards in link previews, and that every address all of these name is a file of the site,
 * also when served over HTTP.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../scripts/static-server.ts";
import { createTempProject, publishedAt, repoRoot, runPlotline, runPlotlineWith } from "../support/temp-project.ts";
import { checkSiteXml } from "../support/well-formed-site.ts";

const site = join(repoRoot, "tests", "sites", "discovery");
const BASE = "/newsroom/";
const ORIGIN = "https://news.example.org";
const HOME = `${ORIGIN}${BASE}`;
const BREAKOUT_TITLE = 'Pay gap </script><script>alert(1)</script> & "quotes"';
const PUBLISHED = ["breakout", "breakout-zh", "jobs", "zh-only", "untagged"];

let project: ReturnType<typeof createTempProject>;
let result: ReturnType<typeof runPlotline>;

beforeAll(() => {
  project = createTempProject(site);
  result = runPlotlineWith(project.root, publishedAt(BASE, ORIGIN), "build");
}, 300_000);
afterAll(() => project?.cleanup());

const dist = () => join(project.root, "dist");
const text = (path: string) => readFileSync(join(dist(), path), "utf8");
const page = (path: string) => parseHTML(text(path)).document;
/** The text a feed reader shows for an element it reads as HTML. */
const feedHtmlText = (html: string) => parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`).document.querySelector("div")!.textContent;
const meta = (doc: Document, key: string) =>
  [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) => m.getAttribute("content"));
const linkHref = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((l) => l.getAttribute("href"));
/** Every .html file in dist/, as a path with "/". */
const htmlFiles = () =>
  (readdirSync(dist(), { recursive: true, encoding: "utf8" }) as string[]).map((p) => p.split(sep).join("/")).filter((p) => p.endsWith(".html"));

/** The file an address of the site is served from (as a static host maps it), or undefined if it is not under the site. */
function fileOf(href: string): string | undefined {
  const url = new URL(href, HOME);
  if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(BASE.length));
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

const jsonLd = (path: string) => {
  const scripts = [...page(path).querySelectorAll('script[type="application/ld+json"]')];
  expect(scripts, path).toHaveLength(1);
  return JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
};

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Values as written: "2025" in a title stays text.
  parseTagValue: false,
  isArray: (name) => ["item", "category", "dc:creator", "url", "xhtml:link", "atom:link"].includes(name),
});
const parseXml = (path: string) => {
  const source = text(path);
  expect(XMLValidator.validate(source), path).toBe(true);
  return xml.parse(source) as Record<string, any>;
};

it("builds", () => {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

it("writes only well-formed XML: the feeds and the sitemap, with the headline's & and quotes, and any other .svg, .xml or inline SVG", () => {
  const xml = checkSiteXml(dist());
  expect(xml.problems).toEqual([]);
  // rss.xml, lang/en/rss.xml, lang/zh-cn/rss.xml, sitemap.xml
  expect(xml.xmlFiles).toBeGreaterThanOrEqual(4);
});

describe("a story's head", () => {
  it("has its title, the dek as description, and its absolute canonical address under the base", () => {
    const doc = page("stories/breakout/index.html");
    expect(doc.title).toBe(`${BREAKOUT_TITLE} — Plotline`);
    expect(meta(doc, "description")).toEqual(["A headline an editor could write by mistake: </script><!-- and & in the dek too."]);
    expect(linkHref(doc, 'link[rel="canonical"]')).toEqual([`${HOME}stories/breakout/`]);
  });

  it("describes it to social networks as an article", () => {
    const doc = page("stories/breakout/index.html");
    expect(meta(doc, "og:type")).toEqual(["article"]);
    expect(meta(doc, "og:title")).toEqual([BREAKOUT_TITLE]);
    expect(meta(doc, "og:description")).toEqual(meta(doc, "description"));
    expect(meta(doc, "og:url")).toEqual([`${HOME}stories/breakout/`]);
    expect(meta(doc, "og:site_name")).toEqual(["Plotline"]);
    expect(meta(doc, "og:locale")).toEqual(["en_US"]);
    expect(meta(doc, "og:locale:alternate")).toEqual(["zh_CN"]);
    expect(meta(doc, "article:published_time")).toEqual(["2025-03-21T00:00:00Z"]);
    expect(meta(doc, "article:modified_time")).toEqual(["2025-04-02T00:00:00Z"]);
    expect(meta(doc, "article:author")).toEqual(["Li Quan", "Discovery Desk"]);
    expect(meta(doc, "article:tag")).toEqual(["AI", "Data Journalism"]);
    expect(meta(doc, "twitter:title")).toEqual([BREAKOUT_TITLE]);
    expect(meta(doc, "twitter:description")).toEqual(meta(doc, "description"));
    const zh = page("stories/breakout-zh/index.html");
    expect(meta(zh, "og:locale")).toEqual(["zh_CN"]);
    expect(meta(zh, "og:locale:alternate")).toEqual(["en_US"]);
    expect(meta(zh, "article:modified_time")).toEqual(["2025-03-22T00:00:00Z"]);
    // Tags that are one tag page are one tag.
    expect(meta(page("stories/jobs/index.html"), "article:tag")).toEqual(["ai", "data journalism"]);
  });

  it("shows the story's social card, 1200 × 630, in link previews and the structured data", () => {
    for (const slug of PUBLISHED) {
      const path = `stories/${slug}/index.html`;
      const doc = page(path);
      const card = `${HOME}_plotline/cards/${slug}.png`;
      expect(meta(doc, "og:image"), slug).toEqual([card]);
      expect(meta(doc, "og:image:type"), slug).toEqual(["image/png"]);
      expect([meta(doc, "og:image:width"), meta(doc, "og:image:height")], slug).toEqual([["1200"], ["630"]]);
      const png = readFileSync(join(dist(), fileOf(card)!));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], slug).toEqual([1200, 630]);
      expect(meta(doc, "og:image:alt")[0], slug).toContain(doc.querySelector("h1")!.textContent);
      expect(meta(doc, "twitter:card"), slug).toEqual(["summary_large_image"]);
      expect(meta(doc, "twitter:image"), slug).toEqual([card]);
      expect(meta(doc, "twitter:image:alt"), slug).toEqual(meta(doc, "og:image:alt"));
      expect(jsonLd(path)["image"], slug).toEqual([{ "@type": "ImageObject", url: card, width: 1200, height: 630 }]);
    }
    // Lists have no card of their own.
    expect(meta(page("index.html"), "og:image")).toEqual([]);
    expect(meta(page("index.html"), "twitter:card")).toEqual(["summary"]);
  });

  it("has NewsArticle structured data with every field search engines use", () => {
    const { image, ...article } = jsonLd("stories/breakout/index.html");
    expect(image).toEqual([expect.objectContaining({ url: `${HOME}_plotline/cards/breakout.png` })]);
    expect(article).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: BREAKOUT_TITLE,
      description: "A headline an editor could write by mistake: </script><!-- and & in the dek too.",
      url: `${HOME}stories/breakout/`,
      mainEntityOfPage: { "@type": "WebPage", "@id": `${HOME}stories/breakout/` },
      inLanguage: "en",
      datePublished: "2025-03-21T00:00:00Z",
      dateModified: "2025-04-02T00:00:00Z",
      author: [
        { "@type": "Person", name: "Li Quan" },
        { "@type": "Organization", name: "Discovery Desk" },
      ],
      keywords: ["AI", "Data Journalism"],
      publisher: { "@type": "Organization", name: "Plotline", url: HOME },
    });
    const zh = jsonLd("stories/breakout-zh/index.html");
    expect([zh["inLanguage"], zh["author"], zh["keywords"]]).toEqual(["zh-CN", [{ "@type": "Person", name: "李全" }], ["人工智能", "ai"]]);
    // No byline: the publisher wrote it; no tags: no keywords.
    expect(jsonLd("stories/untagged/index.html")["author"]).toEqual([{ "@type": "Organization", name: "Plotline", url: HOME }]);
    expect(jsonLd("stories/untagged/index.html")).not.toHaveProperty("keywords");
  });

  it("keeps a headline with </script> inside the structured data: the page has no script an editor wrote", () => {
    const html = text("stories/breakout/index.html");
    // A browser ends the element at the first "</script" whatever it contains: what it reads must be the whole JSON.
    const start = html.indexOf('<script type="application/ld+json">') + '<script type="application/ld+json">'.length;
    const json = html.slice(start, html.indexOf("</script", start));
    expect((JSON.parse(json) as { headline: string }).headline).toBe(BREAKOUT_TITLE);
    // In the meta tags' quoted values, < is text; the page's only scripts are the data and Plotline's own.
    const scripts = [...page("stories/breakout/index.html").querySelectorAll("script")];
    expect(scripts.map((s) => s.getAttribute("type") ?? "")).toEqual(["application/ld+json", "module"]);
    expect(scripts[1]!.getAttribute("src")).toMatch(/^\/newsroom\/_astro\//);
  });
});

describe("the home page and the language lists", () => {
  const lists = [
    { path: "index.html", url: HOME, lang: "en_US", feed: `${HOME}rss.xml`, title: "Plotline" },
    { path: "lang/en/index.html", url: `${HOME}lang/en/`, lang: "en_US", feed: `${HOME}lang/en/rss.xml`, title: "Stories in English" },
    { path: "lang/zh-cn/index.html", url: `${HOME}lang/zh-cn/`, lang: "zh_CN", feed: `${HOME}lang/zh-cn/rss.xml`, title: "中文报道" },
  ];

  it.each(lists)("$path has a title, description, canonical address, Open Graph and its feed", ({ path, url, lang, feed, title }) => {
    const doc = page(path);
    expect(doc.title).toBe(title === "Plotline" ? "Plotline" : `${title} — Plotline`);
    expect(meta(doc, "og:title")).toEqual([title]);
    expect(meta(doc, "description")[0]).toBeTruthy();
    expect(meta(doc, "og:description")).toEqual(meta(doc, "description"));
    expect(linkHref(doc, 'link[rel="canonical"]')).toEqual([url]);
    expect(meta(doc, "og:url")).toEqual([url]);
    expect(meta(doc, "og:type")).toEqual(["website"]);
    expect(meta(doc, "og:locale")).toEqual([lang]);
    expect(linkHref(doc, 'link[rel="alternate"][type="application/rss+xml"]')).toEqual([feed]);
    expect(doc.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(0);
  });

  it("describe the site as plotline.config.mjs does", () => {
    expect(meta(page("index.html"), "description")).toEqual(["Data journalism: stories with charts and the numbers behind them."]);
    expect(meta(page("lang/zh-cn/index.html"), "description")).toEqual(["数据新闻：图表和背后的数字。"]);
  });
});

describe("the feeds", () => {
  const feeds = [
    { path: "rss.xml", link: HOME, language: undefined, stories: ["breakout-zh", "breakout", "jobs", "zh-only", "untagged"] },
    { path: "lang/en/rss.xml", link: `${HOME}lang/en/`, language: "en", stories: ["breakout", "jobs", "untagged"] },
    { path: "lang/zh-cn/rss.xml", link: `${HOME}lang/zh-cn/`, language: "zh-cn", stories: ["breakout-zh", "zh-only"] },
  ];

  it.each(feeds)("$path is well-formed RSS 2.0 with the channel's required elements and a self link", ({ path, link, language }) => {
    const { rss } = parseXml(path);
    expect(rss["@version"]).toBe("2.0");
    const channel = rss.channel;
    expect(channel.title).toMatch(/^Plotline/);
    expect(channel.link).toBe(link);
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe(language);
    expect(channel["atom:link"]).toEqual([{ "@href": `${HOME}${path}`, "@rel": "self", "@type": "application/rss+xml" }]);
  });

  it.each(feeds)("$path lists its published stories newest first, drafts never, with absolute links under the base", ({ path, stories }) => {
    const items = parseXml(path).rss.channel.item as Record<string, any>[];
    expect(items.map((item) => item.link)).toEqual(stories.map((slug) => `${HOME}stories/${slug}/`));
    for (const item of items) {
      expect(item.guid).toEqual({ "#text": item.link, "@isPermaLink": "true" });
      expect(existsSync(join(dist(), fileOf(item.link)!)), item.link).toBe(true);
      // RFC 822 (with a four-digit year, as RFC 1123 and every reader take it).
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
    }
  });

  it("gives each item its headline, dek, date, authors and tags", () => {
    const items = parseXml("rss.xml").rss.channel.item as Record<string, any>[];
    const breakout = items.find((item) => item.link === `${HOME}stories/breakout/`)!;
    // Feed readers read an item's title and description as HTML: the editor's characters are its text.
    expect(feedHtmlText(breakout.title)).toBe(BREAKOUT_TITLE);
    expect(feedHtmlText(breakout.description)).toBe("A headline an editor could write by mistake: </script><!-- and & in the dek too.");
    expect(breakout.pubDate).toBe("Fri, 21 Mar 2025 00:00:00 GMT");
    expect(breakout["dc:creator"]).toEqual(["Li Quan", "Discovery Desk"]);
    expect(breakout.category).toEqual(["AI", "Data Journalism"]);
    const jobs = items.find((item) => item.link === `${HOME}stories/jobs/`)!;
    expect(jobs.category).toEqual(["ai", "data journalism"]);
    expect(jobs["dc:creator"]).toBeUndefined();
    expect(text("rss.xml")).not.toContain("secret");
  });
});

describe("the sitemap and robots.txt", () => {
  const sitemap = () => parseXml("sitemap.xml").urlset;
  const locs = () => (sitemap().url as Record<string, any>[]).map((url) => url.loc as string);

  it("lists every page the build wrote, except those marked noindex, at absolute addresses under the base", () => {
    const listed = htmlFiles().filter((path) => !/\bnoindex\b/.test(meta(page(path), "robots").join(" ")));
    expect(listed).toContain("tags/人工智能/index.html");
    expect(locs().map(fileOf).sort()).toEqual(listed.sort());
    for (const loc of locs()) expect(loc.startsWith(HOME), loc).toBe(true);
    for (const expected of ["", "lang/en/", "lang/zh-cn/", "tags/", "tags/ai/", ...PUBLISHED.map((slug) => `stories/${slug}/`)]) {
      expect(locs()).toContain(`${HOME}${expected}`);
    }
  });

  it("lists no draft and not the 404 page", () => {
    expect(locs().filter((loc) => /secret|404/.test(loc))).toEqual([]);
    expect(existsSync(join(dist(), "stories", "secret"))).toBe(false);
  });

  it("publishes nothing of a draft: no page, card, chart download, data file or text anywhere in dist/", () => {
    const files = (readdirSync(dist(), { recursive: true, encoding: "utf8" }) as string[]).map((p) => p.split(sep).join("/"));
    expect(files.filter((path) => /secret/.test(path))).toEqual([]);
    for (const path of files.filter((p) => /\.(html|xml|txt|json|csv|svg)$/.test(p))) {
      const content = readFileSync(join(dist(), path), "utf8");
      expect(content.includes("An unpublished story") || content.includes("A chart nobody may see yet"), path).toBe(false);
    }
  });

  it("gives stories their last change and translations their hreflang alternates", () => {
    const urls = sitemap().url as Record<string, any>[];
    const breakout = urls.find((url) => url.loc === `${HOME}stories/breakout/`)!;
    expect(breakout.lastmod).toBe("2025-04-02T00:00:00Z");
    expect(breakout["xhtml:link"]).toEqual([
      { "@rel": "alternate", "@hreflang": "en", "@href": `${HOME}stories/breakout/` },
      { "@rel": "alternate", "@hreflang": "zh-CN", "@href": `${HOME}stories/breakout-zh/` },
    ]);
    expect(urls.find((url) => url.loc === `${HOME}stories/jobs/`)).toEqual({ loc: `${HOME}stories/jobs/`, lastmod: "2025-01-10T00:00:00Z" });
  });

  it("robots.txt names the sitemap by its absolute address", () => {
    expect(text("robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${HOME}sitemap.xml\n`);
    expect(existsSync(join(dist(), fileOf(`${HOME}sitemap.xml`)!))).toBe(true);
  });
});

describe("tags", () => {
  const listed = (path: string) => [...page(path).querySelectorAll(".story-item-title a")].map((a) => a.getAttribute("href"));

  it("list every tag with its count on /tags/, Latin names first, each linking to its page", () => {
    const items = [...page("tags/index.html").querySelectorAll(".tag-list li")].map((li) => {
      const a = li.querySelector("a")!;
      return `${a.textContent} ${a.getAttribute("href")}${a.getAttribute("lang") ? ` lang=${a.getAttribute("lang")}` : ""} · ${li.querySelector(".tag-count")!.textContent}`;
    });
    expect(items).toEqual([
      "ai /newsroom/tags/ai/ · 3 stories",
      "Data Journalism /newsroom/tags/data-journalism/ · 2 stories",
      "人工智能 /newsroom/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/ lang=zh-CN · 2 stories",
      "就业 /newsroom/tags/%E5%B0%B1%E4%B8%9A/ lang=zh-CN · 1 story",
    ]);
    expect(page("tags/index.html").querySelector("h1")!.textContent).toBe("Tags");
  });

  it("put tags that differ only in case, width or spacing on one page, each story once, newest first", () => {
    expect(listed("tags/ai/index.html")).toEqual(["/newsroom/stories/breakout-zh/", "/newsroom/stories/breakout/", "/newsroom/stories/jobs/"]);
    expect(listed("tags/data-journalism/index.html")).toEqual(["/newsroom/stories/breakout/", "/newsroom/stories/jobs/"]);
  });

  it("write a tag's page in its stories' language, with a localised heading", () => {
    const zh = page("tags/人工智能/index.html");
    expect(zh.documentElement.getAttribute("lang")).toBe("zh-CN");
    expect(zh.querySelector("h1")!.textContent).toBe("标签：人工智能");
    expect(zh.title).toBe("标签：人工智能 — Plotline");
    expect(listed("tags/人工智能/index.html")).toEqual(["/newsroom/stories/breakout-zh/", "/newsroom/stories/zh-only/"]);
    expect(zh.querySelector(".all-tags a")!.textContent).toBe("全部标签");
    const en = page("tags/ai/index.html");
    expect(en.documentElement.getAttribute("lang")).toBe("en");
    expect(en.querySelector("h1")!.textContent).toBe("Stories tagged “ai”");
    expect(linkHref(en, 'link[rel="canonical"]')).toEqual([`${HOME}tags/ai/`]);
    // A tag's list is not a list by language: no language filter claims to be the current page.
    expect(en.querySelector("nav.lang-filter")).toBeNull();
  });

  it("build no page for a tag only drafts carry", () => {
    expect(existsSync(join(dist(), "tags", "secret-tag"))).toBe(false);
    expect(text("tags/index.html")).not.toContain("secret");
  });

  it("link from a story to each of its tags' pages once, marking tags in another language", () => {
    const links = (slug: string) =>
      [...page(`stories/${slug}/index.html`).querySelectorAll(".story-tags a")].map(
        (a) => `${a.textContent} ${a.getAttribute("href")}${a.getAttribute("lang") ? ` lang=${a.getAttribute("lang")}` : ""}`,
      );
    expect(links("breakout")).toEqual(["AI /newsroom/tags/ai/", "Data Journalism /newsroom/tags/data-journalism/"]);
    expect(links("jobs")).toEqual(["ai /newsroom/tags/ai/", "data journalism /newsroom/tags/data-journalism/"]);
    expect(links("breakout-zh")).toEqual(["人工智能 /newsroom/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/", "ai /newsroom/tags/ai/ lang=en"]);
    expect(page("stories/breakout-zh/index.html").querySelector(".story-tags h2")!.textContent).toBe("标签");
    expect(page("stories/untagged/index.html").querySelector(".story-tags")).toBeNull();
  });
});

describe("every address the site names", () => {
  /** Every link in every page, feed, the sitemap and robots.txt that points into the site. */
  const addresses = () => {
    const found = new Set<string>();
    for (const path of htmlFiles()) {
      const doc = page(path);
      const self = `${HOME}${path.replace(/index\.html$/, "")}`;
      for (const el of doc.querySelectorAll("a[href], link[href]")) found.add(new URL(el.getAttribute("href")!, self).href);
      for (const key of ["og:url", "og:image", "twitter:image"]) for (const value of meta(doc, key)) found.add(value!);
    }
    for (const feed of ["rss.xml", "lang/en/rss.xml", "lang/zh-cn/rss.xml", "sitemap.xml"]) {
      for (const [, url] of text(feed).matchAll(/(https?:\/\/[^<"\s]+)/g)) found.add(url!);
    }
    found.add(/Sitemap: (\S+)/.exec(text("robots.txt"))![1]!);
    return [...found].filter((href) => href.startsWith(ORIGIN)).map((href) => href.replace(/#.*$/, ""));
  };

  it("maps to a file in dist/, the base path included", () => {
    const missing = addresses().filter((href) => {
      const file = fileOf(href);
      return file === undefined || !existsSync(join(dist(), file));
    });
    expect(missing).toEqual([]);
    expect(addresses()).toContain(`${HOME}tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/`);
  });

  it("is served by a static host, the Chinese tag page included", async () => {
    const server = await serveStatic(dist(), { base: BASE });
    try {
      const local = (href: string) => href.replace(ORIGIN, server.url.replace(/\/newsroom\/$/, ""));
      const zh = await fetch(local(`${HOME}tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/`));
      expect(zh.status).toBe(200);
      expect(parseHTML(await zh.text()).document.querySelector("h1")!.textContent).toBe("标签：人工智能");
      for (const href of [`${HOME}tags/`, `${HOME}rss.xml`, `${HOME}lang/zh-cn/rss.xml`, `${HOME}sitemap.xml`, `${HOME}robots.txt`]) {
        expect((await fetch(local(href))).status, href).toBe(200);
      }
    } finally {
      await server.close();
    }
  });
});
