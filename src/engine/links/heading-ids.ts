/**
 * Heading ids come from their text (rehype-slug), so "## Chart degrees" would be "chart-degrees", the
 * anchor of the chart with id=degrees, and "## Main" would be "main", the page's own <main id="main">:
 * two elements with one id, and links to the chart landing on the heading. A heading whose id is one
 * Plotline gives the page (charts, tables, the data section, the layout) gets "-1" (or -2, …) instead,
 * as rehype-slug numbers headings that share a text.
 */
import type { Element, Root as HastRoot } from "hast";
import { visit } from "unist-util-visit";

export function keepHeadingIdsClear(hast: HastRoot, plotlineIds: ReadonlySet<string>): void {
  const taken = new Set(plotlineIds);
  visit(hast, "element", (element: Element) => {
    const id = element.properties?.["id"];
    if (typeof id === "string") taken.add(id);
  });
  visit(hast, "element", (element: Element) => {
    const id = element.properties?.["id"];
    if (!/^h[1-6]$/.test(element.tagName) || typeof id !== "string" || !plotlineIds.has(id)) return;
    let n = 1;
    while (taken.has(`${id}-${n}`)) n++;
    element.properties["id"] = `${id}-${n}`;
    taken.add(`${id}-${n}`);
  });
}
