/**
 * Scrolly sections, toggles and highlighting in Chromium, on tests/sites/moving (built once, shared):
 * the graphic follows the steps at phone and desktop widths, toggles switch by mouse and keyboard without
 * moving anything, everything is on the page without JavaScript or with reduced motion, and no WCAG
 * violation in light or dark mode.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/temp-project.ts";
import { openPage, openTestSite, type TestSite } from "./site-browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite(join(repoRoot, "tests", "sites", "moving"));
}, 300_000);
afterAll(async () => site?.close());

const storyUrl = () => `${site.url}stories/moving-pay/`;
/** The figure each step of the story's scrolly section talks about: a step begun by --- keeps the one before. */
const STEP_GRAPHICS = ["chart-pay-2021", "chart-pay-2023", "chart-pay-2023"];

/** The figures a reader can see: laid out, not hidden, and opaque. */
const shownFigures = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((figure) => figure.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && Number(getComputedStyle(figure.closest(".plotline-step-graphic") ?? figure).opacity) === 1)
        .map((figure) => figure.id),
    selector,
  );

describe.each([360, 390, 1200])("a scrolly section at %i px", (width) => {
  it("shows each step's graphic, in view, as the reader scrolls to the step, with no horizontal scroll", async () => {
    const height = width < 400 ? 780 : 900;
    const { page, context, problems } = await openPage(site.browser, storyUrl(), { width, height });
    const texts = page.locator(".plotline-scrolly .plotline-step-text");
    expect(await texts.count()).toBe(STEP_GRAPHICS.length);
    for (const [i, expected] of STEP_GRAPHICS.entries()) {
      await texts.nth(i).evaluate((text) => text.scrollIntoView({ block: "center" }));
      await expect.poll(() => shownFigures(page, ".plotline-scrolly figure.plotline-figure"), { timeout: 5_000 }).toEqual([expected]);
      const box = (await page.locator(`#${expected}`).evaluate((figure) => figure.closest(".plotline-step-graphic")!.getBoundingClientRect().toJSON())) as DOMRect;
      // The graphic is in the window, not scrolled away with the text before it.
      expect(box.top).toBeGreaterThanOrEqual(-1);
      expect(box.top).toBeLessThan(height / 2);
      if (width < 400) expect(box.height).toBeLessThanOrEqual(0.6 * height + 1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(problems).toEqual([]);
    await context.close();
  });
});

it("works under a strict Content-Security-Policy: placement through the CSSOM, no inline script or style", async () => {
  const { page, context, problems } = await openPage(site.browser, `${site.cspUrl}stories/moving-pay/`, { width: 1200 });
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  // Listening from the start of the page, which is loaded again.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.reload();
  await page.locator(".plotline-scrolly .plotline-step-text").nth(1).evaluate((text) => text.scrollIntoView({ block: "center" }));
  await expect.poll(() => shownFigures(page, ".plotline-scrolly figure.plotline-figure")).toEqual(["chart-pay-2023"]);
  await page.getByRole("tab", { name: "Both" }).click();
  expect(await page.getByRole("tab", { name: "Both" }).getAttribute("aria-selected")).toBe("true");
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

it("with reduced motion asked for, a scrolly section shows every step's graphic with its text, in order", async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(storyUrl());
  expect(await page.locator(".plotline-scrolly-live").count()).toBe(0);
  expect(await shownFigures(page, ".plotline-scrolly figure.plotline-figure")).toEqual(["chart-pay-2021", "chart-pay-2023"]);
  const order = await page.locator(".plotline-scrolly .plotline-step > *").evaluateAll((parts) => parts.map((p) => p.querySelector("figure")?.id ?? p.textContent!.trim().slice(0, 12)));
  expect(order).toEqual(["chart-pay-2021", "In 2021 Beij", "chart-pay-2023", "Two years la", "Hangzhou, th"]);
  await context.close();
});

it("without JavaScript, every state is on the page: both scrolly graphics and every toggle view, each under its label, and no buttons", async () => {
  const { page, context } = await openPage(site.browser, storyUrl(), { width: 390, javascript: false });
  expect(await shownFigures(page, "figure.plotline-figure")).toEqual(["chart-pay-2021", "chart-pay-2023", "chart-toggle-2021", "chart-toggle-2023", "chart-toggle-both"]);
  expect(await page.locator(".plotline-view-label:visible").allTextContents()).toEqual(["2021", "2023", "Both"]);
  expect(await page.locator(".plotline-tabs:visible").count()).toBe(0);
  await context.close();
});

/** Every layout-shift entry from now on, those right after input included (CLS leaves those out). */
const watchShifts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts += entry.value;
    }).observe({ type: "layout-shift" });
  });
const shifts = (page: Page) => page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve((window as unknown as { shifts: number }).shifts), 300)));

describe("a toggle", () => {
  const selected = (page: Page) => page.locator(".plotline-tabs [role=tab][aria-selected=true]").textContent();
  const shownViews = (page: Page) => shownFigures(page, ".plotline-toggle figure.plotline-figure");

  it("switches views by mouse in place: nothing on the page moves, and screen readers hear the new view", async () => {
    const { page, context, problems } = await openPage(site.browser, storyUrl(), { width: 390 });
    const toggle = page.locator(".plotline-toggle");
    await toggle.scrollIntoViewIfNeeded();
    // The default view is the editor's: default="2023".
    expect(await selected(page)).toBe("2023");
    expect(await shownViews(page)).toEqual(["chart-toggle-2023"]);
    const after = page.locator("p", { hasText: "The end of the story." });
    const before = await after.boundingBox();
    await watchShifts(page);
    for (const label of ["2021", "Both", "2023"]) {
      await page.getByRole("tab", { name: label }).click();
      expect(await selected(page)).toBe(label);
      expect(await shownViews(page)).toEqual([`chart-toggle-${label === "Both" ? "both" : label}`]);
      expect(await after.boundingBox()).toEqual(before);
    }
    expect(await shifts(page)).toBe(0);
    await page.getByRole("tab", { name: "2021" }).click();
    await expect.poll(() => page.locator(".plotline-sr-only[aria-live=polite]").textContent()).toContain("Toggle view of 2021 pay");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works from the keyboard as tabs: arrow keys, Home and End select, and only the selected tab is in the Tab order", async () => {
    const { page, context } = await openPage(site.browser, storyUrl(), { width: 1200 });
    await page.getByRole("tab", { name: "2023" }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const steps: [string, string][] = [["ArrowRight", "Both"], ["ArrowRight", "2021"], ["ArrowLeft", "Both"], ["Home", "2021"], ["End", "Both"]];
    for (const [key, label] of steps) {
      await page.keyboard.press(key);
      expect(await focused()).toBe(label);
      expect(await selected(page)).toBe(label);
    }
    expect(await page.locator(".plotline-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex))).toEqual([-1, -1, 0]);
    // Tab leaves the tab list for the selected view's content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("[role=tabpanel]")?.id)).toBe("chart-toggle-both-view");
    await context.close();
  });
});

/**
 * Highlighting, tested on markup written by hand to the contract with the variants branch (which makes
 * highlightable charts and :mark from Markdown): a chart's <svg data-highlight> with data-key elements,
 * drawn twice (wide and narrow), one element dimmed at build time, and a mark in the prose naming it.
 * TODO after merging h-variants: test a story written with `highlight:` and :mark[…]{chart=…} instead.
 */
describe("highlighting", () => {
  const HAND_WRITTEN = `
    <p>Look at <mark class="plotline-mark" data-chart="chart-lit" data-key="Beijing" tabindex="0">Beijing</mark>.</p>
    <figure class="plotline-figure" id="chart-lit" data-plotline-chart="lit"><div class="plotline-chart">
      ${["wide", "narrow"].map((v) => `<div class="plotline-variant plotline-${v}"><svg role="img" data-highlight="city" width="200" height="60">
        <rect data-key="Beijing" x="0" y="0" width="180" height="15"></rect>
        <rect data-key="Shanghai" x="0" y="20" width="160" height="15"></rect>
        <rect data-key="Hangzhou" class="plotline-dimmed" x="0" y="40" width="120" height="15"></rect></svg></div>`).join("")}
    </div></figure>`;
  const dimmed = (page: Page) => page.locator("#chart-lit [data-key]").evaluateAll((els) => els.map((el) => `${el.getAttribute("data-key")}:${el.classList.contains("plotline-dimmed")}`));
  const lit = (key: string) => [0, 1].flatMap(() => ["Beijing", "Shanghai", "Hangzhou"].map((k) => `${k}:${k !== key}`));
  const asBuilt = [0, 1].flatMap(() => ["Beijing:false", "Shanghai:false", "Hangzhou:true"]);

  const open = async () => {
    const watched = await openPage(site.browser, storyUrl(), { width: 1200 });
    await watched.page.evaluate((html) => document.querySelector(".story-body")!.insertAdjacentHTML("afterbegin", html), HAND_WRITTEN);
    return watched;
  };

  it("lights a series in every drawing of its chart while the reader points at a mark in the prose, and puts back the build's dimming after", async () => {
    const { page, context, problems } = await open();
    expect(await dimmed(page)).toEqual(asBuilt);
    await page.locator("mark.plotline-mark").hover();
    expect(await dimmed(page)).toEqual(lit("Beijing"));
    await page.mouse.move(1100, 850);
    expect(await dimmed(page)).toEqual(asBuilt);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lights a series while the mark has the keyboard focus", async () => {
    const { page, context } = await open();
    await page.locator("mark.plotline-mark").focus();
    expect(await dimmed(page)).toEqual(lit("Beijing"));
    await page.locator("mark.plotline-mark").blur();
    expect(await dimmed(page)).toEqual(asBuilt);
    await context.close();
  });

  it("lights the series pointed at in the chart, also after the chart is drawn again in the browser", async () => {
    const { page, context } = await open();
    await page.locator("#chart-lit .plotline-wide rect[data-key=Shanghai]").hover();
    expect(await dimmed(page)).toEqual(lit("Shanghai"));
    await page.mouse.move(1100, 850);
    // As hydrate-charts.ts does: the variant's children replaced by a new drawing.
    await page.evaluate(() => {
      const variant = document.querySelector("#chart-lit .plotline-wide")!;
      variant.replaceChildren(variant.firstElementChild!.cloneNode(true));
    });
    await page.locator("#chart-lit .plotline-wide rect[data-key=Hangzhou]").hover();
    expect(await dimmed(page)).toEqual(lit("Hangzhou"));
    await page.mouse.move(1100, 850);
    expect(await dimmed(page)).toEqual(asBuilt);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each([390, 1200])("the story has no WCAG 2.2 A/AA violations at %i px", async (width) => {
    const { page, context } = await openPage(site.browser, storyUrl(), { width, colorScheme });
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
