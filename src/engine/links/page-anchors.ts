/**
 * The ids a link's #fragment can point at on a page of the site, and the check of a fragment against
 * them. On a story page those are the ids of its body: headings (ids from rehype-slug), charts
 * (chart-<id>), shown data tables and the data section (data-<id>), footnotes, and ids written in raw
 * HTML (also <a name>); plus the ids the layout gives every page (layoutIds). Ids inside a chart's
 * figure (its SVG, its title) are not counted: they are not places readers are sent to, and
 * `plotline check` does not draw figures.
 */
import type { Element, Root as HastRoot } from "hast";
import { visit } from "unist-util-visit";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";

export interface PageAnchors {
  /** Heading ids, in page order. */
  headings: string[];
  /** Chart figure ids: chart-<id>. */
  charts: string[];
  /** Every other id of the story body. */
  other: string[];
}

/** Ids every page of the site has from src/layouts/BaseLayout.astro (<main id="main">, the skip link's target). */
export const layoutIds: readonly string[] = ["main"];

/** The ids of a story's body: elements of the page's hast, figures by their ids, and ids in generated HTML (tables, data section). */
export function storyAnchors(hast: HastRoot, chartIds: readonly string[], generatedHtml: readonly string[]): PageAnchors {
  const anchors: PageAnchors = { headings: [], charts: [...chartIds], other: [] };
  visit(hast, "element", (element: Element) => {
    const id = element.properties?.["id"];
    if (typeof id === "string" && id !== "") (/^h[1-6]$/.test(element.tagName) ? anchors.headings : anchors.other).push(id);
    // <a name="x"> is a fragment's target too (HTML's "find a potential indicated element").
    const name = element.properties?.["name"];
    if (element.tagName === "a" && typeof name === "string" && name !== "") anchors.other.push(name);
  });
  // Plotline writes this HTML itself (hast-util-to-html: attributes in double quotes, " escaped).
  for (const html of generatedHtml) for (const match of html.matchAll(/\sid="([^"]+)"/g)) anchors.other.push(match[1]!);
  return anchors;
}

/** Whether a fragment finds its place on a page with these anchors: "#" and "#top" always do (the top of the page). */
export function hasAnchor(anchors: PageAnchors | undefined, link: { hash: string; fragment?: string | undefined }): boolean {
  const fragment = link.fragment ?? "";
  if (fragment === "" || fragment.toLowerCase() === "top") return true;
  const ids = allIds(anchors);
  return ids.includes(fragment) || ids.includes(link.hash.slice(1));
}

const allIds = (anchors: PageAnchors | undefined): string[] =>
  anchors ? [...anchors.headings, ...anchors.charts, ...anchors.other, ...layoutIds] : [...layoutIds];

/** link/missing-anchor for a fragment `page` lacks, with the closest id it has (headings and charts first). */
export function missingAnchor(
  link: { href: string; fragment?: string | undefined; span: SourceSpan },
  anchors: PageAnchors | undefined,
  page: string,
): Diagnostic {
  const fragment = link.fragment ?? "";
  const targets = anchors ? [...anchors.headings, ...anchors.charts] : [];
  // An id written in the story's HTML is on the page with "user-content-" in front (links/user-content-ids.ts).
  const prefixed = allIds(anchors).find((id) => id === `user-content-${fragment}`);
  const match = prefixed ?? closestMatch(fragment, targets) ?? closestMatch(fragment, allIds(anchors));
  return diagnostic(
    "link/missing-anchor",
    { href: link.href, fragment, page, suggestion: match === undefined ? "" : ` Did you mean "#${match}"?`, headings: anchors?.headings ?? [], charts: anchors?.charts ?? [] },
    link.span,
  );
}
