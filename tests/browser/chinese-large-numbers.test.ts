/**
 * Numbers in the hundreds of millions in a Chinese story, in Chromium: the example stories have none
 * (their sources give no figure that large), so tests/sites/large-numbers holds a story of invented
 * figures. Its prose and its chart's axis write 亿 (not B, G or 百万), with JavaScript off and after the
 * chart is drawn again in the browser.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { fixtureSite } from "./fixture-site.ts";
import { openPage, openTestSite, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite(fixtureSite);
}, 300_000);
afterAll(async () => site?.close());

it("writes hundreds of millions with 亿 in prose and on the axis, before and after the chart wakes up", async () => {
  for (const javascript of [false, true]) {
    const { page, context, problems } = await openPage(site.browser, `${site.cspUrl}stories/chip-investment/`, { javascript });
    const prose = (await page.textContent("article")) ?? "";
    expect(prose).toContain("13.5亿元");
    expect(prose).toContain("¥1,350,000,000");
    const figure = page.locator("figure.plotline-figure", { hasText: "每年投资额" });
    if (javascript) {
      await figure.locator(".plotline-wide g[data-label=bar] rect").last().hover();
      await expect.poll(() => figure.locator('g[data-label="tip"] text').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    const ticks = await figure.locator('.plotline-wide svg.plotline-plot g[data-label="y-axis tick label"] text').allTextContents();
    expect(ticks.some((tick) => /^\d+(\.\d+)?亿$/.test(tick)), ticks.join(" ")).toBe(true);
    expect(ticks.filter((tick) => /[BGMk]$|百万/.test(tick))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }
});
