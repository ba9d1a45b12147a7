/**
 * The bilingual site, built under a base path (PLOTLINE_BASE=/newsroom/): a story and its translation
 * link to each other (tests/sites/basic: pay-gap names pay-gap-zh, which does not name it back), with
 * rel=alternate links in the head; the home page and the lists of each language's stories, with the
 * filter by language; and translationOf mistakes reported by `plotline check` and `plotline build`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempProject, publishedAt, repoRoot, runPlotline, runPlotlineWith } from "../support/temp-project.ts";
import { checkSiteXml } from "../support/well-formed-site.ts";

const site = join(repoRoot, "tests", "sites", "basic");
const BASE = "/newsroom/";
const ORIGIN = "https://example.org";

describe("a bilingual site under a base path", () => {
  let project: ReturnType<typeof createTempProject>;
  let result: ReturnType<typeof runPlotline>;
  const build = () => runPlotlineWith(project.root, publishedAt(BASE, ORIGIN), "build");

  beforeAll(() => {
    project = createTempProject(site);
    result = build();
  }, 300_000);
  afterAll(() => project?.cleanup());

  const page = (path: string) => parseHTML(readFileSync(join(project.root, "dist", path), "utf8")).document;
  const story = (name: string) => join(project.root, "content", "stories", name);

  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("writes only well-formed XML: every .svg and .xml file, and every chart SVG inside a page", () => {
    const xml = checkSiteXml(join(project.root, "dist"));
    expect(xml.problems).toEqual([]);
    expect(xml.svgFiles).toBeGreaterThan(0);
    expect(xml.xmlFiles).toBeGreaterThan(0);
    expect(xml.inlineSvgs).toBeGreaterThan(xml.svgFiles);
  });

  it("links a story to its translation and back, in the translation's language, with lang and hreflang", () => {
    const english = page("stories/pay-gap/index.html").querySelector(".story-translation a")!;
    expect(english.textContent).toBe("阅读中文版");
    expect(english.getAttribute("href")).toBe("/newsroom/stories/pay-gap-zh/");
    expect(english.getAttribute("lang")).toBe("zh-CN");
    expect(english.getAttribute("hreflang")).toBe("zh-CN");
    // pay-gap-zh does not name pay-gap: the link goes both ways all the same.
    const chinese = page("stories/pay-gap-zh/index.html").querySelector(".story-translation a")!;
    expect(chinese.textContent).toBe("Read in English");
    expect(chinese.getAttribute("href")).toBe("/newsroom/stories/pay-gap/");
    expect(chinese.getAttribute("lang")).toBe("en");
    expect(chinese.getAttribute("hreflang")).toBe("en");
    // Stories without a translation have no such link.
    expect(page("stories/city-talent/index.html").querySelector(".story-translation")).toBeNull();
    expect(page("stories/zh-story/index.html").querySelector(".story-translation")).toBeNull();
  });

  it("names both versions in the head of both pages with absolute rel=alternate links", () => {
    const expected = [
      ["en", "https://example.org/newsroom/stories/pay-gap/"],
      ["zh-CN", "https://example.org/newsroom/stories/pay-gap-zh/"],
    ];
    for (const path of ["stories/pay-gap/index.html", "stories/pay-gap-zh/index.html"]) {
      const links = [...page(path).querySelectorAll('head link[rel="alternate"]')].map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
      expect(links.sort(), path).toEqual(expected);
    }
    expect(page("stories/city-talent/index.html").querySelectorAll('link[rel="alternate"]')).toHaveLength(0);
  });

  it("sets <html lang> to zh-CN on Chinese stories and the Chinese list, en elsewhere", () => {
    const lang = (path: string) => page(path).documentElement.getAttribute("lang");
    expect(lang("stories/pay-gap-zh/index.html")).toBe("zh-CN");
    expect(lang("stories/zh-story/index.html")).toBe("zh-CN");
    expect(lang("lang/zh-cn/index.html")).toBe("zh-CN");
    expect(lang("stories/pay-gap/index.html")).toBe("en");
    expect(lang("index.html")).toBe("en");
    expect(lang("lang/en/index.html")).toBe("en");
  });

  const listed = (path: string) =>
    [...page(path).querySelectorAll(".story-item")].map((item) => `${item.getAttribute("lang")} ${item.querySelector(".story-item-title a")!.getAttribute("href")}`);

  it("lists every story on the home page and only one language's on each language page", () => {
    expect(listed("index.html")).toEqual([
      "en /newsroom/stories/city-talent/",
      "en /newsroom/stories/pay-gap/",
      "zh-CN /newsroom/stories/pay-gap-zh/",
      "en /newsroom/stories/daily-index/",
      "zh-CN /newsroom/stories/zh-story/",
    ]);
    expect(listed("lang/en/index.html")).toEqual(["en /newsroom/stories/city-talent/", "en /newsroom/stories/pay-gap/", "en /newsroom/stories/daily-index/"]);
    expect(listed("lang/zh-cn/index.html")).toEqual(["zh-CN /newsroom/stories/pay-gap-zh/", "zh-CN /newsroom/stories/zh-story/"]);
  });

  it("shows each story's language and links listed stories to their translations", () => {
    const items = [...page("index.html").querySelectorAll(".story-item")];
    expect(items.map((item) => item.querySelector(".lang-badge")?.textContent)).toEqual(["EN", "EN", "中文", "EN", "中文"]);
    const translations = items.map((item) => {
      const link = item.querySelector(".story-item-translation a");
      return link && `${link.textContent} ${link.getAttribute("href")} ${link.getAttribute("lang")} ${link.getAttribute("hreflang")}`;
    });
    expect(translations).toEqual([null, "阅读中文版 /newsroom/stories/pay-gap-zh/ zh-CN zh-CN", "Read in English /newsroom/stories/pay-gap/ en en", null, null]);
    const zhList = page("lang/zh-cn/index.html").querySelector(".story-item-translation a")!;
    expect(zhList.textContent).toBe("Read in English");
  });

  it("has the filter by language on all three lists, the current one marked with aria-current", () => {
    const filter = (path: string) =>
      [...page(path).querySelectorAll("nav.lang-filter a")].map(
        (a) => `${a.textContent} ${a.getAttribute("href")}${a.hasAttribute("lang") ? ` lang=${a.getAttribute("lang")}` : ""}${a.getAttribute("aria-current") ? " current" : ""}`,
      );
    expect(filter("index.html")).toEqual(["All /newsroom/ current", "English /newsroom/lang/en/", "中文 /newsroom/lang/zh-cn/ lang=zh-CN"]);
    expect(filter("lang/en/index.html")).toEqual(["All /newsroom/", "English /newsroom/lang/en/ current", "中文 /newsroom/lang/zh-cn/ lang=zh-CN"]);
    // The Chinese list is a Chinese page: its own words in Chinese, "English" marked as English.
    expect(filter("lang/zh-cn/index.html")).toEqual(["全部 /newsroom/", "English /newsroom/lang/en/ lang=en", "中文 /newsroom/lang/zh-cn/ current"]);
    expect(page("lang/zh-cn/index.html").querySelector("nav.lang-filter")!.getAttribute("aria-label")).toBe("按语言浏览");
    expect(page("index.html").querySelector("nav.lang-filter")!.getAttribute("aria-label")).toBe("Stories by language");
  });

  it("writes the site's own words in the page's language", () => {
    const zh = page("stories/pay-gap-zh/index.html");
    expect(zh.querySelector(".skip-link")!.textContent).toBe("跳到正文");
    expect(zh.querySelector(".story-byline")!.textContent).toBe("作者：测试编辑部");
    expect(zh.querySelector(".site-footer")!.textContent).toContain("数据新闻");
    expect(page("lang/zh-cn/index.html").querySelector("h1")!.textContent).toBe("中文报道");
    expect(page("lang/en/index.html").querySelector("h1")!.textContent).toBe("Stories in English");
    const en = page("stories/pay-gap/index.html");
    expect(en.querySelector(".skip-link")!.textContent).toBe("Skip to content");
    expect(en.querySelector(".story-byline")!.textContent).toBe("By Test Desk");
    expect(page("404.html").querySelector("h1")!.textContent).toBe("Page not found");
  });

  it("links each chart's SVG download under the base path, to a file that is there, and offers the PNG drawn from it", () => {
    const figures = [...page("stories/zh-story/index.html").querySelectorAll("figure.plotline-figure")];
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const id = figure.getAttribute("data-plotline-chart");
      const link = figure.querySelector("a.plotline-download-svg")!;
      expect(link.getAttribute("href")).toBe(`${BASE}_plotline/charts/zh-story/${id}.svg`);
      expect(link.getAttribute("download")).toBe(`zh-story-${id}.svg`);
      expect(link.textContent).toBe("下载矢量图（SVG）");
      expect(existsSync(join(project.root, "dist", "_plotline", "charts", "zh-story", `${id}.svg`))).toBe(true);
      // The PNG: drawn by the reader's browser from that file (src/astro/download-png.ts), named like it.
      const button = figure.querySelector("button.plotline-download-png")!;
      expect(button.getAttribute("data-svg")).toBe(link.getAttribute("href"));
      expect(button.getAttribute("data-name")).toBe(`zh-story-${id}.png`);
      expect(button.textContent).toBe("下载图片（PNG）");
    }
  });

  it("puts the base path in every link between pages", () => {
    for (const path of ["index.html", "lang/en/index.html", "lang/zh-cn/index.html", "stories/pay-gap/index.html", "stories/pay-gap-zh/index.html", "404.html"]) {
      const doc = page(path);
      const hrefs = [...doc.querySelectorAll("a[href], link[href]")].map((el) => el.getAttribute("href")!);
      const local = hrefs.filter((href) => !/^https?:/.test(href) && !href.startsWith("#"));
      expect(local.length, path).toBeGreaterThan(0);
      expect(local.filter((href) => !href.startsWith(BASE)), path).toEqual([]);
      const absolute = hrefs.filter((href) => href.startsWith(ORIGIN));
      expect(absolute.filter((href) => !href.startsWith(`${ORIGIN}${BASE}`)), path).toEqual([]);
    }
  });

  it("reports a translationOf that names no story in check and build, at its value, and builds nothing", () => {
    const original = readFileSync(story("pay-gap.md"), "utf8");
    writeFileSync(story("pay-gap.md"), original.replace("translationOf: pay-gap-zh", "translationOf: pay-gap-hz"));
    try {
      const line =
        'content/stories/pay-gap.md:6:16 error story/unknown-translation translationOf names "pay-gap-hz", but no story in content/stories/ has that name. Did you mean "pay-gap-zh"?';
      const check = runPlotline(project.root, "check");
      expect(check.status).toBe(1);
      expect(check.stdout).toContain(line);
      const failed = build();
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(line);
    } finally {
      writeFileSync(story("pay-gap.md"), original);
    }
  }, 300_000);

  it("links neither version while the translation is a draft", () => {
    const original = readFileSync(story("pay-gap-zh.md"), "utf8");
    writeFileSync(story("pay-gap-zh.md"), original.replace("lang: zh-CN\n", "lang: zh-CN\ndraft: true\n"));
    try {
      const rebuilt = build();
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      const english = page("stories/pay-gap/index.html");
      expect(english.querySelector(".story-translation")).toBeNull();
      expect(english.querySelectorAll('link[rel="alternate"]')).toHaveLength(0);
      expect(listed("lang/zh-cn/index.html")).toEqual(["zh-CN /newsroom/stories/zh-story/"]);
      expect(page("index.html").querySelector(".story-item-translation")).toBeNull();
    } finally {
      writeFileSync(story("pay-gap-zh.md"), original);
    }
  }, 300_000);
});
