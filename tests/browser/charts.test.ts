/**
 * Charts in a real browser (Debian's Chromium through playwright-core): legible without JavaScript,
 * interactive with it, and never broken by a strict Content-Security-Policy or a failed download.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutShift, openPage, openTestSite, stories, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
}, 180_000);
afterAll(async () => site?.close());

/** The effective size, in CSS px, of the text of every visible chart: font size times the SVG's scale. */
const visibleChartTextSizes = (page: import("playwright-core").Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>(".plotline-chart svg.plotline-plot")]
      .filter((svg) => svg.getClientRects().length > 0)
      .map((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll("text")].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
        return { scale, smallest: Math.min(...sizes), drawnWidth: svg.width.baseVal.value, shownWidth: svg.getBoundingClientRect().width };
      }),
  );

describe.each(stories)("the story %s", (slug) => {
  const url = () => `${site.url}stories/${slug}/`;

  it("shows every chart as SVG with JavaScript off, without loading any script", async () => {
    const { page, context } = await openPage(site.browser, url(), { javascript: false, width: 390 });
    const scripts: string[] = [];
    page.on("request", (request) => void (request.resourceType() === "script" && scripts.push(request.url())));
    await page.reload();
    const figures = await page.locator("figure.plotline-figure").count();
    expect(figures).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < figures; i++) {
      await expect.poll(() => page.locator("figure.plotline-figure").nth(i).locator(".plotline-variant svg.plotline-plot:visible").count()).toBe(1);
    }
    expect(scripts).toEqual([]);
    await context.close();
  });

  it("keeps chart text at 10 px or more at 360 px wide, and does not stretch charts at 1200 px", async () => {
    const { page, context, problems } = await openPage(site.browser, url(), { width: 1200 });
    for (const chart of await visibleChartTextSizes(page)) {
      expect(chart.smallest).toBeGreaterThanOrEqual(9.99);
      expect(chart.shownWidth).toBeLessThanOrEqual(chart.drawnWidth + 0.5);
    }
    await page.setViewportSize({ width: 360, height: 780 });
    const narrow = await visibleChartTextSizes(page);
    expect(narrow.length).toBeGreaterThanOrEqual(4);
    for (const chart of narrow) expect(chart.smallest).toBeGreaterThanOrEqual(9.99);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("loads no more than 10 KB (gzipped) of JavaScript before the reader interacts, and no chart code", async () => {
    const { page, context } = await openPage(site.browser, url(), { width: 390 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const scripts = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script") urls.set(event.requestId, event.response.url);
    });
    cdp.on("Network.loadingFinished", (event) => {
      const scriptUrl = urls.get(event.requestId);
      if (scriptUrl) scripts.set(scriptUrl, event.encodedDataLength);
    });
    // "load" first: "networkidle" alone can come before the parser reaches the page's last scripts.
    await page.reload({ waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(10 * 1024);
    expect([...scripts.keys()].some((u) => /browser-chart/.test(u))).toBe(false);
    await context.close();
  });
});

describe("interacting with a chart", () => {
  const salaryChart = () => `${site.url}stories/aigc-talent-report-2023/`;

  it("shows a tooltip with the bar's value on hover, drawn by the same code, with no layout shift or console error", async () => {
    const { page, context, problems } = await openPage(site.browser, salaryChart(), { width: 1200 });
    const figure = page.locator("figure.plotline-figure", { hasText: "三类热门技术岗年薪达百万" });
    await figure.scrollIntoViewIfNeeded();
    const before = await figure.screenshot();
    const bar = figure.locator(".plotline-wide g[data-label=bar] rect").first();
    await bar.hover();
    await expect.poll(() => figure.locator('g[data-label="tip"] text').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const tip = (await figure.locator('g[data-label="tip"]').allTextContents()).join(" ");
    expect(tip).toContain("100");
    expect(tip).toContain("图像识别");
    // Pointing away hides the tip; the redrawn chart is pixel for pixel the server's.
    await page.mouse.move(5, 5);
    await expect.poll(() => figure.locator('g[data-label="tip"] text').count()).toBe(0);
    expect(Buffer.compare(await figure.screenshot(), before)).toBe(0);
    expect(await layoutShift(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a tip when a phone reader taps a bar", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(salaryChart());
    const figure = page.locator("figure.plotline-figure", { hasText: "三类热门技术岗年薪达百万" });
    await figure.scrollIntoViewIfNeeded();
    const bar = figure.locator(".plotline-narrow g[data-label=bar] rect").nth(3);
    await bar.tap();
    await expect.poll(async () => (await figure.locator('g[data-label="tip"]').allTextContents()).join(" "), { timeout: 10_000 }).toContain("90");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows tips from the keyboard: arrow keys step through the marks, Escape hides the tip", async () => {
    const { page, context, problems } = await openPage(site.browser, `${site.url}stories/ai-talent-demand-2025/`, { width: 390 });
    const chart = page.locator("figure.plotline-figure", { hasText: "Half of AI jobs" }).locator(".plotline-chart");
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    const status = chart.locator("[role=status]");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Share of postings \(%\) \d+%/);
    const first = await status.textContent();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => status.textContent()).not.toBe(first);
    await expect.poll(() => chart.locator('g[data-label="tip"] text').count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => chart.locator('g[data-label="tip"] text').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works under a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval)", async () => {
    const { page, context, problems } = await openPage(site.browser, `${site.cspUrl}stories/aigc-talent-report-2023/`, { width: 1200 });
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await page.evaluate(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const figure = page.locator("figure.plotline-figure", { hasText: "三类热门技术岗年薪达百万" });
    await figure.scrollIntoViewIfNeeded();
    await figure.locator(".plotline-wide g[data-label=bar] rect").first().hover();
    await expect.poll(() => figure.locator('g[data-label="tip"] text').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("leaves the server's chart in place and logs why when the chart code cannot load", async () => {
    const { page, context, problems, warnings } = await openPage(site.browser, salaryChart(), { width: 1200 });
    await page.route(/browser-chart/, (route) => route.abort());
    const figure = page.locator("figure.plotline-figure", { hasText: "三类热门技术岗年薪达百万" });
    await figure.scrollIntoViewIfNeeded();
    const markup = await figure.innerHTML();
    await figure.locator(".plotline-wide g[data-label=bar] rect").first().hover();
    await expect.poll(() => warnings.some((w) => w.includes("could not be made interactive")), { timeout: 10_000 }).toBe(true);
    expect(await figure.innerHTML()).toBe(markup);
    expect(problems.filter((p) => !/Failed to load resource|net::ERR_FAILED/.test(p))).toEqual([]);
    await context.close();
  });
});
