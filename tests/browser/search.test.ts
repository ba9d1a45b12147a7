/**
 * Site search in Chromium: the example site and the stories of tests/sites/search, built under
 * PLOTLINE_BASE=/newsroom/ and served there with the strict Content-Security-Policy. An English query
 * finds the English story first, a Chinese one the Chinese story, a query with no match says so, and
 * results link to pages that load; the form works from the keyboard, the count is announced, nothing
 * moves, and story pages load no search code. After a story is edited and another added, the next build
 * (which indexes the kept pages beside Astro) finds the new words and no longer the old ones.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/static-server.ts";
import { createSearchProject } from "../support/search-site.ts";
import { publishedAt, runPlotlineWith } from "../support/temp-project.ts";
import { layoutShift, openPage, strictCsp } from "./site-browser.ts";

const BASE = "/newsroom/";
let project: ReturnType<typeof createSearchProject>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  project = createSearchProject();
  const built = runPlotlineWith(project.root, publishedAt(BASE), "build");
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  server = await serveStatic(join(project.root, "dist"), { base: BASE, headers: { "Content-Security-Policy": strictCsp } });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.cleanup();
});

const status = "[data-plotline-search-status]";

/** Opens a search page, types the query as a reader would, and waits for the count to be written. */
async function search(path: string, query: string) {
  const watched = await openPage(browser, `${server.url}${path}`, { width: 390, height: 844 });
  await watched.page.locator("#search-query").pressSequentially(query, { delay: 20 });
  // Typing may pause long enough for a search of the first letters: wait for the whole query's answer.
  await watched.page.waitForFunction(([selector, quoted]) => document.querySelector(selector)?.textContent?.includes(quoted), [status, `“${query}”`] as const);
  const results = await watched.page.$$eval(".search-result", (items) =>
    items.map((item) => ({
      title: item.querySelector("h2 a")?.textContent,
      href: item.querySelector("h2 a")?.getAttribute("href"),
      marked: [...item.querySelectorAll(".search-result-excerpt mark")].map((mark) => mark.textContent),
    })),
  );
  return { ...watched, results, status: await watched.page.textContent(status) };
}

describe("searching", () => {
  it("finds the English story first for an English query, with the words marked and a link under the base path", async () => {
    const { page, context, results, status: said, problems } = await search("search/", "degree");
    expect(said).toBe("2 stories match “degree”.");
    expect(results[0]).toMatchObject({ title: "China's AI hiring boom favours graduate degrees", href: "/newsroom/stories/ai-talent-demand-2025/" });
    expect(results[0]!.marked.length).toBeGreaterThan(0);
    expect(results[0]!.marked.every((word) => /^degrees?\W*$/i.test(word ?? ""))).toBe(true);
    expect(results[1]!.href).toBe("/newsroom/stories/factory-robots/");
    // The query is kept in the address, and carried to the Chinese search.
    expect(new URL(page.url()).searchParams.get("q")).toBe("degree");
    expect(await page.getAttribute("a[data-plotline-search-other]", "href")).toBe("/newsroom/lang/zh-cn/search/?q=degree");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds the Chinese story first for a Chinese query, on the Chinese search page", async () => {
    const { page, context, results, status: said, problems } = await search("lang/zh-cn/search/", "人才");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(said).toBe("有2篇报道与“人才”相符。");
    expect(results[0]).toMatchObject({ title: "脉脉报告：AIGC人才供需错位，热门技术岗年薪达百万", href: "/newsroom/stories/aigc-talent-report-2023/" });
    expect(results[0]!.marked).toContain("人才");
    expect(results[1]!.href).toBe("/newsroom/stories/big-model-jobs/");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds a Chinese word inside a longer run of text, and a word that is only in a chart's text alternative", async () => {
    const inProse = await search("lang/zh-cn/search/", "薪酬");
    expect(inProse.results.map((r) => r.href).sort()).toEqual(["/newsroom/stories/aigc-talent-report-2023/", "/newsroom/stories/big-model-jobs/"]);
    await inProse.context.close();
    const inAlt = await search("lang/zh-cn/search/", "充电桩");
    expect(inAlt.results.map((r) => r.href)).toEqual(["/newsroom/stories/ev-sales/"]);
    await inAlt.context.close();
  });

  it("says so when nothing matches, and offers the other language's search", async () => {
    const english = await search("search/", "zeppelin");
    expect(english.status).toBe("No story matches “zeppelin”. Try fewer or other words.");
    expect(english.results).toEqual([]);
    await english.context.close();
    const chinese = await search("lang/zh-cn/search/", "飞艇");
    expect(chinese.status).toBe("没有与“飞艇”相符的报道。请减少或换用关键词。");
    expect(await chinese.page.getAttribute("a[data-plotline-search-other]", "href")).toBe(`/newsroom/search/?q=${encodeURIComponent("飞艇")}`);
    await chinese.context.close();
  });

  it("narrows the results to a topic, lists a topic's stories without words, and keeps the topic in the address", async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}search/`, { width: 390, height: 844 });
    const topics = await page.$$eval("#search-topic option", (options) => options.map((o) => `${(o as HTMLOptionElement).value}=${o.textContent}`));
    // This language's tags only, by name, after "every topic".
    expect(topics).toEqual(["=All topics", "china=china", "education=education", "jobs=jobs", "manufacturing=manufacturing", "technology=technology"]);
    const hrefs = () => page.$$eval(".search-result h2 a", (links) => links.map((a) => a.getAttribute("href")).sort());
    const answered = (text: string) => page.waitForFunction(([selector, expected]) => document.querySelector(selector)?.textContent === expected, [status, text] as const);

    await page.getByLabel("Topic").selectOption("jobs");
    await answered("2 stories match “jobs”.");
    expect(await hrefs()).toEqual(["/newsroom/stories/ai-talent-demand-2025/", "/newsroom/stories/factory-robots/"]);
    expect(new URL(page.url()).searchParams.get("tag")).toBe("jobs");

    await page.locator("#search-query").fill("degree");
    await page.getByLabel("Topic").selectOption("manufacturing");
    await answered("1 story matches “degree”.");
    expect(await hrefs()).toEqual(["/newsroom/stories/factory-robots/"]);
    // The other language has other topics: only the words go with the link.
    expect(await page.getAttribute("a[data-plotline-search-other]", "href")).toBe("/newsroom/lang/zh-cn/search/?q=degree");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens with the topic of the address chosen, on the Chinese search page", async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}lang/zh-cn/search/?tag=${encodeURIComponent("汽车")}`);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === "有1篇报道与“汽车”相符。", status);
    expect(await page.inputValue("#search-topic")).toBe("汽车");
    expect(await page.$$eval(".search-result h2 a", (links) => links.map((a) => a.getAttribute("href")))).toEqual(["/newsroom/stories/ev-sales/"]);
    expect(await page.$$eval("#search-topic option", (options) => options.map((o) => o.textContent))).not.toContain("jobs");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("links to story pages that load", async () => {
    const { page, context, problems } = await search("search/", "robots");
    const [response] = await Promise.all([page.waitForNavigation(), page.click(".search-result h2 a")]);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/newsroom/stories/factory-robots/");
    expect(await page.textContent("h1")).toBe("Factories add robots faster than workers");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the search page", () => {
  it("is reached from the header of every page, in the page's language", async () => {
    const english = await openPage(browser, `${server.url}stories/ai-talent-demand-2025/`);
    expect(await english.page.getAttribute(".site-header a.site-search", "href")).toBe("/newsroom/search/");
    expect(await english.page.textContent(".site-header a.site-search")).toBe("Search");
    await english.context.close();
    const chinese = await openPage(browser, `${server.url}stories/aigc-talent-report-2023/`);
    expect(await chinese.page.getAttribute(".site-header a.site-search", "href")).toBe("/newsroom/lang/zh-cn/search/");
    expect(await chinese.page.textContent(".site-header a.site-search")).toBe("搜索");
    await chinese.context.close();
  });

  it("works from the keyboard: the labelled box, Enter to search, Tab to the results", async () => {
    const { page, context } = await openPage(browser, `${server.url}search/`);
    expect(await page.getByLabel("Search stories").count()).toBe(1);
    await page.getByLabel("Search stories").focus();
    await page.keyboard.type("Lollipop");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".search-result");
    // Enter searched in place: still the search page, the focus still in the box.
    expect(new URL(page.url()).pathname).toBe("/newsroom/search/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-query");
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute("href") ?? document.activeElement?.tagName ?? ""));
    }
    expect(reached).toContain("/newsroom/stories/ai-talent-demand-2025/");
    await context.close();
  });

  it("announces the count in a polite status region that keeps its place", async () => {
    const { page, context } = await openPage(browser, `${server.url}search/?q=degree`);
    await page.waitForSelector(".search-result");
    expect(await page.getAttribute(status, "role")).toBe("status");
    expect(await page.textContent(status)).toBe("2 stories match “degree”.");
    // Results drawn after the page loaded move nothing.
    expect(await layoutShift(page)).toBe(0);
    await context.close();
  });

  it("says that search needs JavaScript when it is off, and hides the form", async () => {
    const { page, context } = await openPage(browser, `${server.url}search/`, { javascript: false });
    expect(await page.isVisible(".search-no-js")).toBe(true);
    expect(await page.textContent(".search-no-js")).toContain("needs JavaScript");
    expect(await page.getAttribute(".search-no-js a", "href")).toBe("/newsroom/lang/en/");
    expect(await page.isVisible("form[role=search]")).toBe(false);
    await context.close();
  });

  it("is the only page that loads search code: a story page fetches none of it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}stories/ai-talent-demand-2025/`, { waitUntil: "networkidle" });
    await page.locator(".plotline-chart").first().hover();
    await page.waitForLoadState("networkidle");
    expect(requested.filter((path) => /pagefind|SearchLayout/.test(path))).toEqual([]);
    await context.close();
  });
});

describe("after a story is edited and another added", () => {
  beforeAll(() => {
    const story = (slug: string) => join(project.root, "content", "stories", `${slug}.md`);
    const robots = readFileSync(story("factory-robots"), "utf8");
    writeFileSync(story("factory-robots"), robots.replace("carmakers", "zugzwang shipyards"));
    writeFileSync(story("robot-dogs"), robots.replace("carmakers", "farms").replace(/^title: .*$/m, "title: Quokka robots on the farm"));
    const built = runPlotlineWith(project.root, publishedAt(BASE), "build");
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
    // The build kept the other stories' pages: their index was made beside Astro.
    if (!/\(4 stories while they were\)/.test(built.stdout)) throw new Error(`the build indexed no kept page: ${built.stdout}`);
  }, 300_000);

  it("finds the edited story by its new words, no longer by its old ones, and finds the new story", async () => {
    const edited = await search("search/", "zugzwang");
    expect(edited.status).toBe("1 story matches “zugzwang”.");
    expect(edited.results.map((result) => result.href)).toEqual(["/newsroom/stories/factory-robots/"]);
    await edited.context.close();
    const old = await search("search/", "carmakers");
    expect(old.status).toBe("No story matches “carmakers”. Try fewer or other words.");
    await old.context.close();
    const added = await search("search/", "quokka");
    expect(added.results.map((result) => result.href)).toEqual(["/newsroom/stories/robot-dogs/"]);
    await added.context.close();
  });
});
