/**
 * A long data table in Chromium with JavaScript off, at a phone's width: its first rows show, and the
 * disclosure under it shows the rest, with the site's stylesheet alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { renderDataTableHtml } from "../../src/engine/data/data-table-html.ts";
import type { DataTable } from "../../src/engine/data/data-table.ts";
import { repoRoot } from "../support/temp-project.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => browser?.close());

const months: DataTable = {
  id: "deaths",
  kind: "table",
  columns: [{ name: "month", type: "date", precision: "day" }, { name: "disease", type: "number" }],
  rows: Array.from({ length: 24 }, (_, i) => ({ month: new Date(Date.UTC(1854, 3 + i, 1)), disease: i * 10 })),
};

describe("a long data table without JavaScript, 390 px wide", () => {
  it("shows its first 10 rows; the disclosure shows all 24 and hides them again", async () => {
    const css = readFileSync(join(repoRoot, "src/styles/global.css"), "utf8");
    const table = renderDataTableHtml(months, { lang: "en", labels: new Map([["disease", "Deaths from disease"]]) });
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><head><style>${css}</style></head><body><main class="story-body">${table}</main></body></html>`);
    const visibleRows = () => page.locator(".plotline-table tbody tr:visible").count();
    expect(await visibleRows()).toBe(10);
    expect(await page.locator(".plotline-table tbody tr:visible td").first().textContent()).toBe("Apr 1854");
    const summary = page.locator(".plotline-table-more summary");
    expect(await summary.innerText()).toBe("Show 14 more rows");
    await summary.click();
    expect(await visibleRows()).toBe(24);
    expect(await summary.innerText()).toBe("Show fewer rows");
    await summary.click();
    expect(await visibleRows()).toBe(10);
    // The table scrolls inside its own region; the page does not get wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
