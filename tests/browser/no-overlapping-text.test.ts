/**
 * No two texts of a chart overlap, measured in Chromium on what it drew (text-overlaps.ts): tick labels,
 * axis labels, text marks, Plotline's labels at the ends of lines, legend labels. In every chart of the
 * example stories and of tests/sites/crowding (charts made to crowd: 60 categories, 137 years, labels at
 * neighbouring points, long Chinese labels, decades as numbers on a band axis), at phone and desktop
 * widths, with JavaScript off (the build's drawing) and after the browser draws each chart again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/temp-project.ts";
import { fixtureSite } from "./fixture-site.ts";
import { openPage, openTestSite, stories, type TestSite } from "./site-browser.ts";
import { overlappingTexts, redrawCharts } from "./text-overlaps.ts";

const sites: { name: string; folder: string | readonly string[]; stories: readonly string[] }[] = [
  { name: "the example stories", folder: repoRoot, stories },
  { name: "the crowding fixtures", folder: fixtureSite, stories: ["crowded-charts", "crowded-zh"] },
];
const widths = [360, 390, 1200];

describe.each(sites)("$name", ({ folder, stories }) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await openTestSite(folder);
  }, 300_000);
  afterAll(async () => site?.close());

  it.each([false, true])("have no overlapping text at 360, 390 and 1200 px (JavaScript on: %s)", async (javascript) => {
    const found: string[] = [];
    for (const width of widths) {
      for (const slug of stories) {
        const { page, context, problems } = await openPage(site.browser, `${site.url}stories/${slug}/`, { width, javascript });
        if (javascript) await redrawCharts(page);
        // Something was measured: every chart shows its text.
        const texts = await page.evaluate(() => [...document.querySelectorAll("figure.plotline-figure .plotline-chart svg text")].filter((t) => t.getClientRects().length > 0).length);
        expect(texts, `${slug} at ${width} px`).toBeGreaterThan(10);
        for (const pair of await overlappingTexts(page)) found.push(`${width} px, ${slug}, ${pair.chart}: "${pair.a}" × "${pair.b}" (${pair.by.join(" × ")} px)`);
        expect(problems).toEqual([]);
        await context.close();
      }
    }
    expect(found).toEqual([]);
  }, 180_000);
});

describe("the crowding fixtures, read", () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await openTestSite(fixtureSite);
  }, 300_000);
  afterAll(async () => site?.close());

  it("label 137 years with round years, without a thousands separator, and keep labels at their points", async () => {
    for (const width of [390, 1200]) {
      const { page, context } = await openPage(site.browser, `${site.url}stories/crowded-charts/`, { width, javascript: false });
      const visibleTicks = (chart: string) =>
        page.evaluate(
          (chart) =>
            [...document.querySelectorAll(`figure[data-plotline-chart="${chart}"] g[data-label="x-axis tick label"] text`)]
              .filter((t) => t.getClientRects().length > 0)
              .map((t) => t.textContent ?? ""),
          chart,
        );
      const years = await visibleTicks("heatmap-years");
      expect(years.length, years.join(" ")).toBeGreaterThanOrEqual(3);
      expect(years.every((year) => /^1[89]\d0$|^20\d0$/.test(year)), years.join(" ")).toBe(true);
      const decades = await visibleTicks("decades");
      expect(decades.every((decade) => /^\d{4}$/.test(decade)), decades.join(" ")).toBe(true);
      expect((await visibleTicks("sixty-columns")).length).toBeGreaterThan(1);
      // Every series of the converging lines is still named.
      const names = await page.evaluate(() =>
        [...document.querySelectorAll('figure[data-plotline-chart="converging-lines"] g[data-label="text"] text')].filter((t) => t.getClientRects().length > 0).length,
      );
      expect(names).toBe(6);
      await context.close();
    }
  });
});
