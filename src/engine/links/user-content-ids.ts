/**
 * Ids and names written in a story's HTML (and footnotes') reach the page with the prefix "user-content-"
 * (rehype-sanitize's clobber protection): otherwise <img name="querySelectorAll"> would replace
 * document.querySelectorAll and stop every script on the page, and <a id="chart-x"> would take over a
 * chart's anchor. Editors still link to them as written: a "#method" link that finds no id of that name
 * on the page, but finds "user-content-method", is pointed at it.
 */
import type { Element, Root as HastRoot } from "hast";
import { visit } from "unist-util-visit";
import { layoutIds, type PageAnchors } from "./page-anchors.ts";

export const USER_CONTENT_PREFIX = "user-content-";

/** Rewrites "#x" links of the page to "#user-content-x" where only the latter is on the page. */
export function followUserContentIds(hast: HastRoot, anchors: PageAnchors): void {
  const ids = new Set([...anchors.headings, ...anchors.charts, ...anchors.other, ...layoutIds]);
  visit(hast, "element", (element: Element) => {
    const href = element.tagName === "a" ? element.properties?.["href"] : undefined;
    if (typeof href !== "string" || !href.startsWith("#")) return;
    const fragment = decodeOrKeep(href.slice(1));
    if (fragment === "" || ids.has(fragment) || !ids.has(USER_CONTENT_PREFIX + fragment)) return;
    element.properties["href"] = `#${USER_CONTENT_PREFIX}${href.slice(1)}`;
  });
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
