import { KEY_LABEL_PREFIX } from "./highlight-keys.ts";

/**
 * What Plotline changes in what Plot draws, the same in the build and in the browser, so that a chart
 * drawn again in the browser is the chart the build drew:
 * - no inline <style> elements or style attribute (the site stylesheet has those rules, and a strict
 *   Content-Security-Policy forbids inline styles);
 * - no ⚠️ "check the console" marker (Plotline reports Plot's warnings to the editor instead);
 * - the chart's SVG is a named image for screen readers; legend swatches are hidden from them. Plot's
 *   aria-labels on the groups inside ("bar", "x-axis tick") become data-label: inside an image they are
 *   never read, and ARIA does not allow a label on a plain group (a highlight key becomes data-key);
 * - every SVG is namespaced, so the markup also stands alone as an .svg file.
 * Plot puts its <style> elements and its marker at the top of what it returns, so only the first two
 * levels are looked at: charts with thousands of marks are not walked.
 */
export function tidyPlotElement(plot: Element): Element {
  const isSvg = (element: Element) => element.tagName.toLowerCase() === "svg";
  const topLevel = [plot, ...plot.children];
  for (const element of topLevel) {
    for (const child of [...element.children]) if (child.tagName.toLowerCase() === "style") child.remove();
  }
  const svgs = isSvg(plot) ? [plot] : [...plot.children].flatMap((child) => (isSvg(child) ? [child] : [...child.querySelectorAll("svg")]));
  const chartSvg = svgs.find((svg) => svg.getAttribute("aria-label") !== null) ?? svgs[svgs.length - 1];
  for (const svg of svgs) {
    unlabelGroups(svg);
    const last = svg.lastElementChild;
    if (last?.tagName.toLowerCase() === "text" && last.querySelector("title")?.textContent?.includes("Please check the console")) last.remove();
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    if (svg === chartSvg) svg.setAttribute("role", "img");
    else svg.setAttribute("aria-hidden", "true");
  }
  plot.removeAttribute("style");
  return plot;
}

/**
 * Moves aria-label to data-label on every element inside an SVG (not on the SVG itself); a highlight
 * key, carried as a prefixed aria-label (highlight-keys.ts), becomes data-key.
 */
export function unlabelGroups(root: Element): void {
  for (const element of root.querySelectorAll("[aria-label]")) {
    const label = element.getAttribute("aria-label") ?? "";
    if (label.startsWith(KEY_LABEL_PREFIX)) element.setAttribute("data-key", label.slice(KEY_LABEL_PREFIX.length));
    else element.setAttribute("data-label", label);
    element.removeAttribute("aria-label");
  }
}

/** The chart's own SVG in what tidyPlotElement returned (not a legend's). */
export function chartSvgOf(plot: Element): Element | null {
  return plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg[role='img']");
}
