/**
 * axe-core (Deque's WCAG checker) in Chromium over every page of the example site, in light and dark
 * mode, with JavaScript on; plus keyboard reachability with a visible focus indicator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe-violations.ts";
import { openPage, openTestSite, stories, type TestSite } from "./site-browser.ts";


let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
}, 180_000);
afterAll(async () => site?.close());

const pages = () => ["", ...stories.map((slug) => `stories/${slug}/`), "search/?q=degree", "lang/zh-cn/search/?q=人才", "no-such-page/"];


// The lists by language and by tag (an English tag and a Chinese one, whose address is percent-encoded).
const listPages = ["lang/en/", "lang/zh-cn/", "tags/", "tags/technology/", `tags/${encodeURIComponent("人工智能")}/`];

// A chart's embed page (src/pages/embed/) from each example story: English, and Chinese with a hashed id.
const embedPages = ["embed/ai-talent-demand-2025/ai-job-ads-jumped-by-more/", "embed/aigc-talent-report-2023/chart-1n8dw7h/"];

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each([...pages(), ...listPages, ...embedPages])("the page /%s has no WCAG 2.2 A/AA violations", async (path) => {
    const { page, context } = await openPage(site.browser, `${site.url}${path}`, { width: 1200, colorScheme });
    // An embed page that went missing would be checked as the 404 page.
    if (embedPages.includes(path)) expect(await page.locator("figure.plotline-figure").count()).toBe(1);
    // Search pages are checked with their results drawn.
    if (path.includes("?q=")) await page.waitForSelector(".search-result mark");
    // Open every disclosure, so the tables inside are checked too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await context.close();
  });
});

it.each(stories)("every interactive element of %s can be reached with Tab and shows where the focus is", async (slug) => {
  const { page, context } = await openPage(site.browser, `${site.url}stories/${slug}/`, { width: 1200 });
  // Number every element a keyboard user should be able to reach (disclosures opened, so the scrollable
  // tables inside count too), then Tab through the page and tick them off.
  const focusable = await page.evaluate(() => {
    document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""));
    // A toggle's other views and its other tabs are reached by choosing the tab (arrow keys), as in
    // WAI-ARIA's tabs pattern: the tab list is one stop (tests/browser/example-stories-that-move.test.ts).
    const elements = [...document.querySelectorAll<HTMLElement>("a[href], button, summary, [tabindex='0'], input, select, textarea")].filter(
      (e) => e.getClientRects().length > 0 && !e.closest("[hidden], [inert], [role='tabpanel']:not(.plotline-view-selected)") && !e.matches("[role='tab'][tabindex='-1']"),
    );
    elements.forEach((e, i) => e.setAttribute("data-tab-test", String(i)));
    return elements.map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute("href") ?? ""} ${e.textContent?.trim().slice(0, 30)}`);
  });
  const reached = new Set<number>();
  for (let i = 0; i < focusable.length + 5; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const visible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return { index: element.getAttribute("data-tab-test"), tag: element.tagName, visible };
    });
    if (!focus) continue;
    expect(focus.visible, `visible focus on ${focus.tag} #${focus.index}`).toBe(true);
    if (focus.index !== null) reached.add(Number(focus.index));
  }
  const missed = focusable.filter((_, i) => !reached.has(i));
  expect(missed).toEqual([]);
  await context.close();
}, 120_000);
