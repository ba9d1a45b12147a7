/**
 * Charts that group or bin many rows, in Chromium: the page carries the groups the chart draws, not
 * the source rows (see src/engine/chart/data/pre-aggregate-marks.ts), and the chart drawn again from them
 * when a reader points at it is the server's, pixel for pixel, with tips showing the reduced values.
 * The example stories have no such chart, so tests/sites/aggregated holds one over 3,000 invented trips.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChartPayload } from "../../src/engine/chart/publish/chart-payload.ts";
import { fixtureSite } from "./fixture-site.ts";
import { layoutShift, openPage, openTestSite, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite(fixtureSite);
}, 300_000);
afterAll(async () => site?.close());

const url = () => `${site.cspUrl}stories/trips-by-region/`;

it("each figure carries its groups (five sums, twelve months) inside the page instead of the 3,000 trips", async () => {
  const { page, context } = await openPage(site.browser, url(), { javascript: false });
  const payloads = (await page.locator("script.plotline-spec").allTextContents()).map((json) => ({ bytes: json.length, payload: JSON.parse(json) as ChartPayload }));
  expect(payloads).toHaveLength(2);
  const [byRegion, byMonth] = payloads.map(({ payload }) => payload.data["=0"] as { columns: Record<string, unknown[]> });
  expect(byRegion!.columns).toEqual({ region: ["North", "South", "East", "West", "Central"], trips: [28500, 30900, 30300, 29700, 29100] });
  expect(Object.values(byMonth!.columns)[0]).toHaveLength(12);
  for (const { bytes, payload } of payloads) {
    expect(payload.data["trips"]).toBeUndefined();
    expect(bytes).toBeLessThan(2000);
  }
  await context.close();
});

it.each([
  ["Trips per region", ["region", "North", "trips", "28,500"]],
  ["Trips per month", ["250"]],
])("%s: the tip shows the reduced value, and the chart drawn again is the server's, pixel for pixel", async (title, expected) => {
  const { page, context, problems } = await openPage(site.browser, url(), { width: 1200 });
  const figure = page.locator("figure.plotline-figure", { hasText: title });
  await figure.scrollIntoViewIfNeeded();
  const before = await figure.screenshot();
  await figure.locator(".plotline-wide svg.plotline-plot rect").first().hover();
  await expect.poll(() => figure.locator('g[data-label="tip"] text').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const tip = (await figure.locator('g[data-label="tip"]').allTextContents()).join(" ");
  for (const text of expected) expect(tip).toContain(text);
  await page.mouse.move(5, 5);
  await expect.poll(() => figure.locator('g[data-label="tip"] text').count()).toBe(0);
  expect(Buffer.compare(await figure.screenshot(), before)).toBe(0);
  expect(await layoutShift(page)).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});
