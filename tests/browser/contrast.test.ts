/**
 * Chart text, axes and marks stay readable in light and dark mode (WCAG 2.2 AA): text 4.5:1 against
 * what is behind it, marks (bars, dots, lines, legend swatches) 3:1 against the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, openTestSite, stories, type TestSite } from "./site-browser.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
}, 180_000);
afterAll(async () => site?.close());

interface Finding {
  kind: "text" | "mark";
  what: string;
  ratio: number;
}

describe.each(stories)("the story %s", (slug) => {
  it.each(["light", "dark"] as const)("has readable chart text and marks in %s mode", async (colorScheme) => {
    const { page, context } = await openPage(site.browser, `${site.url}stories/${slug}/`, { width: 1200, colorScheme });
    const findings = await page.evaluate(() => {
      const parse = (color: string): [number, number, number] | undefined => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
        if (!m || m[4] === "0") return undefined;
        return [Number(m[1]), Number(m[2]), Number(m[3])];
      };
      const luminance = ([r, g, b]: [number, number, number]) => {
        const channel = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const contrast = (a: [number, number, number], b: [number, number, number]) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      };
      /** The colour an element paints with, following url(#pattern) fills to their first coloured shape. */
      const paint = (element: Element): [number, number, number] | undefined => {
        const style = getComputedStyle(element);
        for (const value of [style.fill, style.stroke]) {
          const url = /url\("?#([^")]+)"?\)/.exec(value);
          if (url) {
            const shape = document.getElementById(url[1]!)?.querySelector("[fill]");
            const color = shape && parse(getComputedStyle(shape).fill);
            if (color) return color;
            continue;
          }
          const color = parse(value);
          if (color) return color;
        }
        return undefined;
      };
      const page = parse(getComputedStyle(document.body).backgroundColor)!;
      const findings: { kind: "text" | "mark"; what: string; ratio: number }[] = [];
      for (const svg of document.querySelectorAll<SVGSVGElement>(".plotline-chart svg.plotline-plot")) {
        // Charts a reader cannot see now (a toggle's other views, a scrolly's other states) are checked when shown.
        if (!svg.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        svg.scrollIntoView();
        for (const text of svg.querySelectorAll("text")) {
          const color = parse(getComputedStyle(text).fill);
          if (!color) continue;
          const box = text.getBoundingClientRect();
          const behind = document
            .elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)
            .find((e) => e instanceof SVGGeometryElement && e.tagName !== "text" && !e.closest("text") && paint(e));
          const background = (behind && paint(behind)) ?? page;
          findings.push({ kind: "text", what: text.textContent ?? "", ratio: contrast(color, background) });
        }
        for (const group of svg.querySelectorAll(":scope > g[data-label]")) {
          if (/axis|grid|tip|text|frame/.test(group.getAttribute("data-label") ?? "")) continue;
          for (const shape of group.querySelectorAll("rect, circle, path, line")) {
            const color = paint(shape);
            if (color) findings.push({ kind: "mark", what: `${group.getAttribute("data-label")} ${shape.tagName}`, ratio: contrast(color, page) });
          }
        }
      }
      for (const swatch of document.querySelectorAll(".plotline-plot-swatch svg")) {
        if (swatch.getClientRects().length === 0) continue;
        const color = parse(getComputedStyle(swatch).fill);
        if (color) findings.push({ kind: "mark", what: `swatch ${swatch.parentElement?.textContent}`, ratio: contrast(color, page) });
      }
      return findings;
    });
    const failing = (findings as Finding[]).filter((f) => f.ratio < (f.kind === "text" ? 4.5 : 3)).map((f) => `${f.kind} "${f.what}" ${f.ratio.toFixed(2)}:1`);
    expect(findings.length).toBeGreaterThan(20);
    expect([...new Set(failing)]).toEqual([]);
    await context.close();
  });
});
