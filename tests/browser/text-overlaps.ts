/**
 * Overlapping text in the charts of a page, measured in the browser on what it drew: the box of every
 * visible <text> of a chart's SVGs and of every HTML legend label (swatches), per chart figure. Two
 * boxes overlap when they share more than `tolerance` px both across and down (a descender touching the
 * next line's ascender is not an overlap). Used by no-overlapping-text.test.ts and, to measure before
 * and after a change, by hand.
 */
import type { Page } from "playwright-core";

export interface OverlappingPair {
  /** The chart's id (data-plotline-chart of its figure). */
  chart: string;
  a: string;
  b: string;
  /** How far the boxes overlap, across and down, in CSS px. */
  by: [number, number];
}

/** Every pair of overlapping texts in the visible drawing of each chart on the page. */
export function overlappingTexts(page: Page, tolerance = 1): Promise<OverlappingPair[]> {
  return page.evaluate((tolerance) => {
    const pairs: { chart: string; a: string; b: string; by: [number, number] }[] = [];
    for (const figure of document.querySelectorAll<HTMLElement>("figure.plotline-figure")) {
      const chart = figure.dataset["plotlineChart"] ?? figure.id;
      const boxes: { text: string; box: DOMRect }[] = [];
      const visible = (element: Element) => {
        if (element.getClientRects().length === 0) return false;
        const style = getComputedStyle(element);
        return style.visibility !== "hidden" && Number(style.opacity) > 0;
      };
      for (const text of figure.querySelectorAll(".plotline-chart svg text")) {
        if (!visible(text)) continue;
        const box = text.getBoundingClientRect();
        if (box.width > 0.5 && box.height > 0.5) boxes.push({ text: text.textContent ?? "", box });
      }
      // A legend's labels are HTML: the box of the words, not of the swatch beside them.
      for (const swatch of figure.querySelectorAll(".plotline-chart [class$='-swatch']")) {
        if (!visible(swatch)) continue;
        const range = document.createRange();
        for (const node of swatch.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE && !(node instanceof HTMLElement)) continue;
          if (!node.textContent?.trim()) continue;
          range.selectNodeContents(node);
          const box = range.getBoundingClientRect();
          if (box.width > 0.5 && box.height > 0.5) boxes.push({ text: node.textContent.trim(), box });
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.box;
          const b = boxes[j]!.box;
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > tolerance && down > tolerance) {
            pairs.push({ chart, a: boxes[i]!.text, b: boxes[j]!.text, by: [Math.round(across * 10) / 10, Math.round(down * 10) / 10] });
          }
        }
      }
    }
    return pairs;
  }, tolerance);
}

/**
 * Makes every chart on the page draw itself again in the browser, as on a reader's first touch
 * (src/astro/hydrate-charts.ts), without a pointer over it (so no tip shows), and waits until each
 * visible drawing is the browser's.
 */
export async function redrawCharts(page: Page): Promise<void> {
  const count = await page.evaluate(() => {
    // Charts without tips are never drawn again (src/engine/chart/publish/interactive-chart.ts).
    const charts = [...document.querySelectorAll<HTMLElement>("figure.plotline-figure .plotline-chart[data-interactive]")];
    for (const chart of charts) {
      for (const variant of chart.querySelectorAll(".plotline-variant")) variant.firstElementChild?.setAttribute("data-server-drawn", "");
      chart.dispatchEvent(new PointerEvent("pointerenter"));
    }
    return charts.length;
  });
  if (count === 0) return;
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("figure.plotline-figure .plotline-chart[data-interactive] .plotline-variant")]
        .filter((variant) => variant.getClientRects().length > 0)
        .every((variant) => variant.firstElementChild !== null && !variant.firstElementChild.hasAttribute("data-server-drawn")),
    undefined,
    { timeout: 20_000 },
  );
}
