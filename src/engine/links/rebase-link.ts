/**
 * The address a link or image is written out with, when the site may live under a base path such as
 * "/newsroom/". Editors write addresses as if the site lived at "/", so:
 *
 * - a link to a page of the site, however written ("/stories/a", "../a/", "/stories/a/index.html"), is
 *   written as the page's own address under the base: "/newsroom/stories/a/" (the form the site itself
 *   uses, which works on any host and in `npm run dev`), keeping its query and #fragment;
 * - any other root-relative address ("/favicon.svg") gets the base in front: "/newsroom/favicon.svg";
 * - relative addresses to files, #fragments, other sites, and the site's own full address are kept as
 *   written (they work under any base).
 */
import type { ResolvedLink } from "./resolve-link.ts";
import { sitePage, sitePagePath } from "./site-page.ts";

/** The new address, or undefined to keep `href` as it is. `base` is "/" or "/a/path/". */
export function rebaseLink(href: string, resolved: ResolvedLink, base: string): string | undefined {
  if (resolved.kind !== "internal" || resolved.written === "fragment" || resolved.written === "absolute") return undefined;
  const page = sitePage(resolved.path);
  const rebased = page
    ? `${base}${sitePagePath(page).slice(1)}${resolved.search}${resolved.hash}`
    : resolved.written === "root"
      ? `${base}${href.trim().slice(1)}`
      : undefined;
  return rebased === href ? undefined : rebased;
}
