/**
 * What a reader gets beside each chart, in Chromium: a "Get the data" CSV holding exactly the rows the
 * chart draws (the same rows as the data table in the figure), and numbers and dates written the way
 * the story's language writes them.
 */
import { readFileSync } from "node:fs";
import { csvParse } from "d3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, openTestSite, stories, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
}, 180_000);
afterAll(async () => site?.close());

interface FigureData {
  title: string;
  csvHref: string | null;
  headers: string[];
  numeric: boolean[];
  rows: string[][];
  /** Rectangles drawn by the wide chart's single bar mark, when it has exactly one. */
  bars: number | null;
}

/** Reads a number as a table writes it: "1,000,000", "36.8%", "−3.5". */
const tableNumber = (text: string) => {
  const plain = text.replace(/,/g, "").replace("−", "-").trim();
  return plain.endsWith("%") ? Number(plain.slice(0, -1)) / 100 : Number(plain);
};

describe.each(stories)("the story %s", (slug) => {
  it("links every chart to a CSV with exactly the rows of its data table, which are the rows it draws", async () => {
    const { page, context, problems } = await openPage(site.browser, `${site.url}stories/${slug}/`, { width: 1200 });
    const figures: FigureData[] = await page.evaluate(() =>
      [...document.querySelectorAll("figure.plotline-figure")].map((figure) => {
        const table = figure.querySelector("details.plotline-chart-data table");
        const barGroups = figure.querySelectorAll('.plotline-wide svg.plotline-plot g[data-label="bar"]');
        return {
          title: figure.querySelector(".plotline-title")?.textContent ?? "",
          csvHref: figure.querySelector<HTMLAnchorElement>("a.plotline-download-csv")?.href ?? null,
          // A header renamed by the chart's label keeps the column's name (the CSV's) in data-column.
          headers: [...(table?.querySelectorAll<HTMLElement>("thead th") ?? [])].map((th) => th.dataset["column"] ?? th.textContent ?? ""),
          numeric: [...(table?.querySelectorAll("thead th") ?? [])].map((th) => th.classList.contains("plotline-number")),
          rows: [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
          bars: barGroups.length === 1 ? barGroups[0]!.querySelectorAll("rect").length : null,
        };
      }),
    );
    expect(figures.length).toBeGreaterThanOrEqual(4);
    let checkedBars = 0;
    for (const figure of figures) {
      expect(figure.csvHref, `CSV link of "${figure.title}"`).not.toBeNull();
      const response = await page.request.get(figure.csvHref!);
      expect(response.status(), figure.csvHref!).toBe(200);
      const csv = csvParse((await response.text()).replace(/^\uFEFF/, ""));
      expect(csv.columns, figure.title).toEqual(figure.headers);
      expect(csv.length, figure.title).toBe(figure.rows.length);
      csv.forEach((record, r) =>
        figure.headers.forEach((column, c) => {
          const shown = figure.rows[r]![c]!;
          const raw = record[column] ?? "";
          if (figure.numeric[c] && raw !== "") expect(tableNumber(shown), `${figure.title}, row ${r + 1}, ${column}`).toBeCloseTo(Number(raw), 6);
          else expect(shown, `${figure.title}, row ${r + 1}, ${column}`).toBe(raw);
        }),
      );
      if (figure.bars !== null) {
        expect(figure.bars, `bars drawn in "${figure.title}"`).toBe(csv.length);
        checkedBars++;
      }
    }
    expect(checkedBars).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the Chinese story", () => {
  const url = () => `${site.url}stories/aigc-talent-report-2023/`;

  it("writes its date, prose numbers, money and axis ticks the Chinese way, before and after the charts wake up", async () => {
    for (const javascript of [false, true]) {
      const { page, context } = await openPage(site.browser, url(), { width: 1200, javascript });
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(await page.textContent("time.story-date")).toBe("2023年3月31日");
      const prose = (await page.textContent("article")) ?? "";
      expect(prose).toContain("90万元"); // compact: 万, not 900K
      expect(prose).toContain("¥900,000"); // currency from the zh-CN locale
      expect(prose).toContain("281.88%");
      const figure = page.locator("figure.plotline-figure", { hasText: "三类热门技术岗年薪达百万" });
      if (javascript) {
        // Pointing at a bar wakes the chart up: Plot draws it again in the browser, with a tip.
        await figure.locator(".plotline-wide g[data-label=bar] rect").last().hover();
        await expect.poll(() => figure.locator('g[data-label="tip"] text').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        const tip = (await figure.locator('g[data-label="tip"]').allTextContents()).join(" ");
        expect(tip).toMatch(/90万|900,000/);
      }
      const salaryTicks = await figure.locator('.plotline-wide svg.plotline-plot g[data-label="x-axis tick label"] text').allTextContents();
      expect(salaryTicks).toContain("100万");
      expect(salaryTicks.some((tick) => /\d[kKM]$/.test(tick))).toBe(false);
      await context.close();
    }
  });

  it("labels its data tables and downloads in Chinese", async () => {
    const { page, context } = await openPage(site.browser, url(), { width: 1200 });
    const summaries = await page.locator("details.plotline-chart-data summary").allTextContents();
    expect(summaries.length).toBeGreaterThanOrEqual(4);
    for (const summary of summaries) expect(summary).toMatch(/^图表数据 \(\d+行\)$/);
    const figures = await page.locator("figure.plotline-figure").count();
    for (const [kind, label] of [["csv", "下载数据（CSV）"], ["png", "下载图片（PNG）"], ["svg", "下载矢量图（SVG）"]]) {
      const labels = await page.locator(`.plotline-download-${kind}`).allTextContents();
      expect(labels, kind).toHaveLength(figures);
      for (const text of labels) expect(text).toBe(label);
    }
    await context.close();
  });
});

describe("a chart's PNG download", () => {
  it("is drawn by the reader's browser from the chart's SVG file, at twice its size, under the site's strict CSP", async () => {
    const { page, context, problems } = await openPage(site.browser, `${site.url}stories/${stories[0]}/`, { width: 390 });
    const button = page.locator("button.plotline-download-png").first();
    await expect(button.isVisible()).resolves.toBe(true);
    const svgPath = await button.getAttribute("data-svg");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe(await button.getAttribute("data-name"));
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const svg = await (await page.request.get(new URL(svgPath!, site.url).href)).text();
    const width = Number(/<svg [^>]*? width="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg [^>]*? height="(\d+)"/.exec(svg)![1]);
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 2 * width, height: 2 * height });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("is not offered without JavaScript, where only the SVG file can be downloaded", async () => {
    const { page, context } = await openPage(site.browser, `${site.url}stories/${stories[0]}/`, { width: 390, javascript: false });
    const figures = await page.locator("figure.plotline-figure").count();
    expect(await page.locator("button.plotline-download-png").count()).toBe(figures);
    for (const button of await page.locator("button.plotline-download-png").all()) expect(await button.isVisible()).toBe(false);
    for (const link of await page.locator("a.plotline-download-svg").all()) expect(await link.isVisible()).toBe(true);
    await context.close();
  });
});
