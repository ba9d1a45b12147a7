import { describe, expect, it } from "vitest";
import { sitemapPageOf, sitemapXml } from "../../src/astro/sitemap.ts";

const head = (inner: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${inner}</head>`;
const address = "https://news.example.org/newsroom/stories/a/";

describe("the sitemap", () => {
  it("lists a page at its canonical address with its last change and translations", () => {
    const page = sitemapPageOf(
      head(
        `<link rel="canonical" href="${address}"><link rel="alternate" hreflang="zh-CN" href="https://news.example.org/newsroom/stories/a-zh/">` +
          `<link rel="alternate" type="application/rss+xml" href="https://news.example.org/newsroom/rss.xml"><meta property="article:modified_time" content="2025-04-02T00:00:00Z">`,
      ),
      address,
    );
    expect(page).toEqual({ loc: address, lastmod: "2025-04-02T00:00:00Z", alternates: [{ lang: "zh-CN", href: "https://news.example.org/newsroom/stories/a-zh/" }] });
  });

  it("leaves out pages without a canonical link, marked noindex, or naming another page canonical", () => {
    expect(sitemapPageOf(head(`<meta name="robots" content="noindex">`), address)).toBeUndefined();
    expect(sitemapPageOf(head(`<link rel="canonical" href="${address}"><meta name="robots" content="noindex">`), address)).toBeUndefined();
    expect(sitemapPageOf(head(`<link rel="canonical" href="${address}#chart-a">`), "https://news.example.org/newsroom/embed/a/chart-a/")).toBeUndefined();
  });

  it("matches a page's address however its non-ASCII path is written", () => {
    const encoded = "https://news.example.org/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/";
    expect(sitemapPageOf(head(`<link rel="canonical" href="${encoded}">`), "https://news.example.org/tags/人工智能/")?.loc).toBe(encoded);
  });

  it("escapes addresses and orders pages by address", () => {
    const xml = sitemapXml([
      { loc: "https://example.org/b/?x=1&y=2", alternates: [] },
      { loc: "https://example.org/a/", alternates: [] },
    ]);
    expect(xml).toContain("<loc>https://example.org/b/?x=1&amp;y=2</loc>");
    expect(xml.indexOf("/a/")).toBeLessThan(xml.indexOf("/b/"));
  });
});
