/**
 * Maps in a real browser (Chromium), on the stories of tests/sites/maps (built once per run): a world
 * choropleth, US states labelled at their centres, dots over the world's land, and a Chinese story
 * with its own GeoJSON. Without JavaScript every map is the build's SVG, the right drawing for the
 * width (300 px on phones), with no sideways scrolling and no text over other text; with it, pointing
 * at a shape shows its tip from the chart drawn again in the browser; axe finds nothing in light or
 * dark mode.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe-violations.ts";
import { fixtureSite } from "./fixture-site.ts";
import { openPage, openTestSite, type TestSite } from "./site-browser.ts";
import { overlappingTexts } from "./text-overlaps.ts";


interface MapStory {
  slug: string;
  chart: string;
  /** Fewest shapes (paths) its drawing has: a map that lost its shapes has one or two (the outline). */
  paths: number;
  /** Where to point to get a tip: a label's centre, else the middle of the largest shape, else a dot. */
  pointAt: { label: string } | "largest shape" | "a dot";
  /** What that tip must say. */
  tip: (text: string) => void;
}

const maps: MapStory[] = [
  {
    slug: "world-name-lengths",
    chart: "name-lengths",
    paths: 150,
    pointAt: "largest shape",
    // Whichever country is nearest, the tip names it and counts the letters of that name.
    tip: (text) => {
      const match = /Letters in the name\s*(\d+)\s*Country\s*(.+)$/.exec(text);
      expect(match, text).not.toBeNull();
      expect(Number(match![1]), text).toBe([...match![2]!.trim()].length);
    },
  },
  { slug: "us-states", chart: "postal-codes", paths: 50, pointAt: { label: "TX" }, tip: (text) => expect(text).toContain("Texas") },
  {
    slug: "cities-over-land",
    chart: "ten-cities",
    paths: 2,
    pointAt: "a dot",
    tip: (text) => expect(text).toMatch(/City\s*(Shanghai|Beijing|Shenzhen|Hangzhou|London|New York|São Paulo|Lagos|Mumbai|Sydney)/),
  },
  { slug: "zh-districts", chart: "district-population", paths: 5, pointAt: { label: "中心区" }, tip: (text) => expect(text).toMatch(/城区\s*中心区.*86\.4|86\.4.*城区\s*中心区/) },
];

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite(fixtureSite);
}, 300_000);
afterAll(async () => site?.close());

const storyUrl = (slug: string) => `${site.url}stories/${slug}/`;
const figureOf = (page: Page, chart: string) => page.locator(`figure.plotline-figure[data-plotline-chart="${chart}"]`);

/** The visible drawing of a map: which variant shows, its drawn width, its paths. */
const visibleDrawing = (figure: Locator) =>
  figure.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>(".plotline-variant")]
      .filter((variant) => variant.getClientRects().length > 0)
      .map((variant) => {
        const svg = variant.querySelector<SVGSVGElement>("svg.plotline-plot");
        return {
          variant: variant.classList.contains("plotline-narrow") ? "narrow" : "wide",
          drawnWidth: svg ? svg.width.baseVal.value : 0,
          paths: svg ? [...svg.querySelectorAll("path")].filter((p) => (p.getAttribute("d") ?? "").length > 10 && p.getClientRects().length > 0).length : 0,
        };
      }),
  );

describe("with JavaScript off", () => {
  it.each([390, 1200])("every map shows the build's drawing for the width, with its shapes, no sideways scroll and no overlapping text, at %i px", async (width) => {
    for (const map of maps) {
      const { page, context, problems } = await openPage(site.browser, storyUrl(map.slug), { width, javascript: false });
      const figure = figureOf(page, map.chart);
      expect(await figure.count(), map.slug).toBe(1);
      const [drawing, ...others] = await visibleDrawing(figure);
      expect(others, map.slug).toEqual([]);
      expect(drawing?.variant, map.slug).toBe(width < 640 ? "narrow" : "wide");
      expect(drawing?.drawnWidth, map.slug).toBe(width < 640 ? 300 : 640);
      expect(drawing?.paths, map.slug).toBeGreaterThanOrEqual(map.paths);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${map.slug} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await overlappingTexts(page), map.slug).toEqual([]);
      expect(problems, map.slug).toEqual([]);
      await context.close();
    }
  }, 120_000);
});

/** The point to move the pointer to, in the page, for a map's tip. */
async function pointFor(figure: Locator, map: MapStory): Promise<{ x: number; y: number }> {
  const point = await figure.evaluate((element, pointAt) => {
    const variant = [...element.querySelectorAll<HTMLElement>(".plotline-variant")].find((v) => v.getClientRects().length > 0);
    const svg = variant?.querySelector("svg.plotline-plot");
    if (!svg) return undefined;
    const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    if (pointAt === "a dot") {
      const dot = svg.querySelector('g[data-label="dot"] circle');
      return dot ? centre(dot.getBoundingClientRect()) : undefined;
    }
    if (pointAt === "largest shape") {
      const shapes = [...svg.querySelectorAll('g[data-label="geo"] path')].map((p) => p.getBoundingClientRect());
      // The globe's outline (the sphere) is as large as the map: not a shape to point at.
      const map = svg.getBoundingClientRect();
      const largest = shapes.filter((b) => b.width < map.width * 0.9).sort((a, b) => b.width * b.height - a.width * a.height)[0];
      return largest ? centre(largest) : undefined;
    }
    const label = [...svg.querySelectorAll('g[data-label="text"] text')].find((t) => t.textContent === pointAt.label);
    return label ? centre(label.getBoundingClientRect()) : undefined;
  }, map.pointAt);
  expect(point, `${map.slug}: nothing to point at`).toBeDefined();
  return point!;
}

describe("with JavaScript on", () => {
  it.each(maps.map((map) => [map.slug, map] as const))("pointing at a shape of %s shows its tip from the map drawn again, with its shapes, no overlapping text, no sideways scroll and no console error", async (_, map) => {
    for (const width of [390, 1200]) {
      const { page, context, problems } = await openPage(site.browser, storyUrl(map.slug), { width });
      const figure = figureOf(page, map.chart);
      await figure.scrollIntoViewIfNeeded();
      // Marks the build's drawings, to tell the browser's from them.
      await figure.evaluate((element) => element.querySelectorAll(".plotline-variant").forEach((variant) => variant.firstElementChild?.setAttribute("data-server-drawn", "")));
      const { x, y } = await pointFor(figure, map);
      await page.mouse.move(x, y);
      const tip = figure.locator('g[data-label="tip"]');
      await expect.poll(() => tip.locator("text").count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // The tip's words, without the zero-width spaces and the colour swatch Plot writes with them.
      map.tip((await tip.allTextContents()).join(" ").replace(/[\u200b■]/g, "").replace(/\s+/g, " ").trim());
      // The tip is the browser's drawing's.
      const drawnBy = await figure.evaluate((element) =>
        [...element.querySelectorAll(".plotline-variant")].filter((v) => v.getClientRects().length > 0).map((v) => (v.firstElementChild?.hasAttribute("data-server-drawn") ? "build" : "browser")),
      );
      expect(drawnBy).toEqual(["browser"]);
      // Pointing away hides the tip; the browser's drawing has its shapes, and no text over other text either.
      // Away is a point of the page just above the figure (or below it), found where the figure now is:
      // a fixed corner, or one found before a scroll, can lie over the map, where another shape's tip shows.
      const away = await figure.evaluate((element) => {
        let box = element.getBoundingClientRect();
        if (box.top < 8 && box.bottom > window.innerHeight - 8) {
          window.scrollBy(0, box.top - 100);
          box = element.getBoundingClientRect();
        }
        return box.top >= 8 ? { x: 2, y: box.top - 4 } : { x: 2, y: box.bottom + 4 };
      });
      await page.mouse.move(away.x, away.y, { steps: 4 });
      await expect.poll(() => tip.locator("text").count(), { timeout: 10_000 }).toBe(0);
      const [drawing] = await visibleDrawing(figure);
      expect(drawing?.paths, `${map.slug} at ${width} px, drawn again`).toBeGreaterThanOrEqual(map.paths);
      expect(await overlappingTexts(page), `${map.slug} at ${width} px, drawn again`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${map.slug} at ${width} px, drawn again, scrolls sideways`).toBeLessThanOrEqual(0);
      expect(problems, `${map.slug} at ${width} px`).toEqual([]);
      await context.close();
    }
  }, 60_000);
});


describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each(maps.map((map) => map.slug))("the map page %s has no WCAG 2.2 A/AA violations", async (slug) => {
    const { page, context } = await openPage(site.browser, storyUrl(slug), { width: 1200, colorScheme });
    expect(await page.locator("figure.plotline-figure svg.plotline-plot path").count()).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await context.close();
  });
});
