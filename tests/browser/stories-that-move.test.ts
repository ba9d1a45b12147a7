/**
 * Scrolly sections, toggles and highlighting in Chromium, on tests/sites/moving (built once, shared):
 * the graphic follows the steps at phone and desktop widths, toggles switch by mouse and keyboard without
 * moving anything, everything is on the page without JavaScript or with reduced motion, and no WCAG
 * violation in light or dark mode.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe-violations.ts";
import { shifts, watchShifts } from "./layout-shifts.ts";
import { fixtureSite } from "./fixture-site.ts";
import { openPage, openTestSite, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite(fixtureSite);
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
  it("shows each step's graphic, in view, as the reader scrolls to the step, with no horizontal scroll and no layout shift", async () => {
    const height = width < 400 ? 780 : 900;
    const { page, context, problems } = await openPage(site.browser, storyUrl(), { width, height });
    const texts = page.locator(".plotline-scrolly .plotline-step-text");
    expect(await texts.count()).toBe(STEP_GRAPHICS.length);
    await watchShifts(page);
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
    // Changing the graphic moves nothing on the page.
    expect(await shifts(page)).toBe(0);
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
 * Highlighting on tests/sites/moving/content/stories/moving-highlight.md: a line chart with tips
 * (`highlight: city`, drawn again in the browser on first touch), its variant `highlight: {on: Shenzhen}`
 * (dimmed as built), a bar chart keyed by its bars, and :mark[…]{chart=…} words in the prose.
 */
describe("highlighting", () => {
  const highlightUrl = () => `${site.url}stories/moving-highlight/`;
  const CITIES = ["Beijing", "Shanghai", "Shenzhen"];
  /** Each drawing (wide, narrow) of a chart as "city:lit|dim" for each key its data-key elements carry. */
  const drawings = (page: Page, chart: string) =>
    page.locator(`#chart-${chart} svg[data-highlight]`).evaluateAll((svgs) =>
      svgs.map((svg) => {
        const dimmed = new Map<string, Set<boolean>>();
        for (const element of svg.querySelectorAll("[data-key]")) {
          const key = element.getAttribute("data-key")!;
          dimmed.set(key, (dimmed.get(key) ?? new Set()).add(element.classList.contains("plotline-dimmed")));
        }
        return [...dimmed.keys()]
          .sort()
          .map((key) => `${key}:${dimmed.get(key)!.size > 1 ? "mixed" : dimmed.get(key)!.has(true) ? "dim" : "lit"}`)
          .join(" ");
      }),
    );
  /** Both drawings of a chart with `lit` lit and the other cities dimmed. */
  const lit = (...keys: string[]) => [0, 1].map(() => CITIES.map((city) => `${city}:${keys.includes(city) ? "lit" : "dim"}`).join(" "));
  const allLit = lit(...CITIES);
  /** The elements of a chart's visible drawing as "tag key", to compare the build's and the browser's. */
  const keyedElements = (page: Page, chart: string) =>
    page.locator(`#chart-${chart} .plotline-variant`).evaluateAll((variants) =>
      variants
        .filter((v) => v.getClientRects().length > 0)
        .flatMap((v) => [...v.querySelectorAll("svg[data-highlight] [data-key]")].map((e) => `${e.tagName} ${e.getAttribute("data-key")}`))
        .sort(),
    );
  /** A point on the visible drawing of `key` in `chart` (a third along a line, the middle of a bar), scrolled into view. */
  const pointOn = async (page: Page, chart: string, key: string) => {
    await page.locator(`#chart-${chart}`).evaluate((figure) => figure.scrollIntoView({ block: "center" }));
    return page.locator(`#chart-${chart} .plotline-variant`).evaluateAll((variants, key) => {
      const variant = variants.find((v) => v.getClientRects().length > 0)!;
      const element = variant.querySelector<SVGGeometryElement>(`svg[data-highlight] :is(path, rect)[data-key="${key}"]`)!;
      const box = element.getBoundingClientRect();
      if (element.tagName === "rect") return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      const p = element.getPointAtLength(element.getTotalLength() / 3).matrixTransform(element.getScreenCTM()!);
      return { x: p.x, y: p.y };
    }, key);
  };
  const pointAt = async (page: Page, chart: string, key: string) => {
    const { x, y } = await pointOn(page, chart, key);
    await page.mouse.move(x, y);
  };
  /** Somewhere with nothing to light. */
  const pointAway = (page: Page) => page.mouse.move(1, 1);
  /** Marks the build's drawings, to tell when the browser has drawn a chart again. */
  const tagBuilt = (page: Page) => page.evaluate(() => document.querySelectorAll("svg[data-highlight]").forEach((svg) => svg.setAttribute("data-test-built", "")));
  const redrawn = (page: Page, chart: string) => page.locator(`#chart-${chart} svg[data-highlight]:not([data-test-built])`).count();

  describe.each([390, 1200])("at %i px", (width) => {
    it("pointing at a line lights its city in every drawing and dims the others; leaving puts back the build's state, before and after the chart is drawn again", async () => {
      const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width });
      expect(await drawings(page, "growth")).toEqual(allLit);
      const built = await keyedElements(page, "growth");
      // Each line and its label are keyed.
      expect(built).toEqual(["path Beijing", "path Shanghai", "path Shenzhen", "text Beijing", "text Shanghai", "text Shenzhen"]);
      await tagBuilt(page);
      // The first pointer on a chart with tips draws it again in the browser.
      await pointAt(page, "growth", "Shanghai");
      await expect.poll(() => redrawn(page, "growth")).toBe(1);
      expect(await keyedElements(page, "growth")).toEqual(built);
      for (const city of ["Shanghai", "Shenzhen", "Beijing"]) {
        await pointAt(page, "growth", city);
        await expect.poll(() => drawings(page, "growth")).toEqual(lit(city));
        // The variant keeps its own state, and so does the bar chart.
        expect(await drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
        expect(await drawings(page, "residents-2024")).toEqual(allLit);
        await pointAway(page);
        await expect.poll(() => drawings(page, "growth")).toEqual(allLit);
      }
      expect(problems).toEqual([]);
      await context.close();
    });

    it("a variant built with one city lit is drawn again as built, lights what the reader points at, and goes back to its state after", async () => {
      const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width });
      expect(await drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
      await tagBuilt(page);
      await pointAt(page, "growth-shenzhen", "Beijing");
      await expect.poll(() => redrawn(page, "growth-shenzhen")).toBe(1);
      // The browser's drawing is keyed and dimmed as the build's.
      await pointAway(page);
      await expect.poll(() => drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
      await pointAt(page, "growth-shenzhen", "Beijing");
      await expect.poll(() => drawings(page, "growth-shenzhen")).toEqual(lit("Beijing"));
      await pointAway(page);
      await expect.poll(() => drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
      expect(problems).toEqual([]);
      await context.close();
    });

    it("pointing at a bar lights its city's bar and dims the others; leaving puts them back", async () => {
      const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width });
      expect(await keyedElements(page, "residents-2024")).toEqual(["rect Beijing", "rect Shanghai", "rect Shenzhen"]);
      for (const city of CITIES) {
        await pointAt(page, "residents-2024", city);
        await expect.poll(() => drawings(page, "residents-2024")).toEqual(lit(city));
        await pointAway(page);
        await expect.poll(() => drawings(page, "residents-2024")).toEqual(allLit);
      }
      expect(problems).toEqual([]);
      await context.close();
    });

    it("pointing at marked words in the prose lights that series in the chart they name, and only there", async () => {
      const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width });
      const marks = page.locator("mark.plotline-mark");
      expect(await marks.allTextContents()).toEqual(["Shenzhen", "the capital", "Shanghai", "Shenzhen"]);
      const cases: [number, string, string][] = [[0, "growth", "Shenzhen"], [1, "growth", "Beijing"], [2, "growth", "Shanghai"], [3, "residents-2024", "Shenzhen"]];
      for (const [i, chart, city] of cases) {
        await marks.nth(i).hover();
        await expect.poll(() => drawings(page, chart)).toEqual(lit(city));
        expect(await drawings(page, chart === "growth" ? "residents-2024" : "growth")).toEqual(allLit);
        expect(await drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
        await pointAway(page);
        await expect.poll(() => drawings(page, chart)).toEqual(allLit);
      }
      expect(problems).toEqual([]);
      await context.close();
    });

    it("tabbing to marked words lights their series while they have the focus; so does stepping through a chart's lines with the arrow keys", async () => {
      const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width });
      const focusedMark = () => page.evaluate(() => (document.activeElement?.matches("mark.plotline-mark") ? document.activeElement.textContent : null));
      await tagBuilt(page);
      // From the line chart, Tab reaches the first marked words after it (focusing the chart draws it again).
      await page.locator("#chart-growth .plotline-chart").focus();
      for (let i = 0; i < 20 && (await focusedMark()) === null; i++) await page.keyboard.press("Tab");
      for (const [words, city] of [["Shenzhen", "Shenzhen"], ["the capital", "Beijing"], ["Shanghai", "Shanghai"]]) {
        expect(await focusedMark()).toBe(words);
        await expect.poll(() => drawings(page, "growth")).toEqual(lit(city!));
        await page.keyboard.press("Tab");
      }
      // Tab went on past the last mark of the chart: nothing of it is lit.
      await expect.poll(() => drawings(page, "growth")).toEqual(allLit);
      // Shift+Tab back to the last one lights it again.
      while ((await focusedMark()) !== "Shanghai") await page.keyboard.press("Shift+Tab");
      await expect.poll(() => drawings(page, "growth")).toEqual(lit("Shanghai"));
      // The chart itself: the arrow keys step through its points (left to right, top to bottom: Shanghai first in 2015).
      await page.keyboard.press("Shift+Tab");
      for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.closest("#chart-growth .plotline-chart") !== null && document.activeElement?.matches(".plotline-chart"))); i++) {
        await page.keyboard.press("Shift+Tab");
      }
      await expect.poll(() => drawings(page, "growth")).toEqual(allLit);
      for (const city of ["Shanghai", "Beijing", "Shenzhen"]) {
        await page.keyboard.press("ArrowRight");
        await expect.poll(() => drawings(page, "growth")).toEqual(lit(city));
      }
      expect(await redrawn(page, "growth")).toBe(1);
      await page.keyboard.press("Escape");
      await expect.poll(() => drawings(page, "growth")).toEqual(allLit);
      // Escape starts again from the first point.
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => drawings(page, "growth")).toEqual(lit("Shanghai"));
      await page.keyboard.press("Tab");
      await expect.poll(() => drawings(page, "growth")).toEqual(allLit);
      expect(problems).toEqual([]);
      await context.close();
    });
  });

  it("without JavaScript, the variant shows its state as built, the marked words are plain marked text, and nothing breaks", async () => {
    const { page, context, problems } = await openPage(site.browser, highlightUrl(), { width: 390, javascript: false });
    expect(await shownFigures(page, "figure.plotline-figure")).toEqual(["chart-growth", "chart-growth-shenzhen", "chart-residents-2024"]);
    expect(await drawings(page, "growth-shenzhen")).toEqual(lit("Shenzhen"));
    const opacities = () =>
      page.locator("#chart-growth-shenzhen .plotline-variant:visible svg [data-key]").evaluateAll((elements) =>
        elements.map((e) => `${e.getAttribute("data-key")} ${getComputedStyle(e).opacity}`),
      );
    // Polled: the page's styles may arrive in two steps, and the dimming fades in.
    await expect.poll(opacities).toEqual(["Beijing 0.2", "Shanghai 0.2", "Shenzhen 1", "Beijing 0.2", "Shanghai 0.2", "Shenzhen 1"]);
    expect(await drawings(page, "growth")).toEqual(allLit);
    const marks = page.locator("mark.plotline-mark");
    expect(await marks.evaluateAll((elements) => elements.map((m) => `${m.textContent} ${m.checkVisibility()} ${m.closest("p") !== null}`))).toEqual([
      "Shenzhen true true",
      "the capital true true",
      "Shanghai true true",
      "Shenzhen true true",
    ]);
    expect((await page.locator("p", { hasText: "In ten years" }).textContent())!.replace(/\s+/g, " ")).toBe(
      "In ten years Shenzhen gained more than six million residents, while the capital and Shanghai hardly changed.",
    );
    await marks.first().hover();
    expect(await drawings(page, "growth")).toEqual(allLit);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each(["moving-pay", "moving-highlight"].flatMap((story) => [390, 1200].map((width) => [story, width] as const)))(
    "the story %s has no WCAG 2.2 A/AA violations at %i px",
    async (story, width) => {
      const { page, context } = await openPage(site.browser, `${site.url}stories/${story}/`, { width, colorScheme });
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
