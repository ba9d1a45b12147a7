/**
 * The links of one story, while its page is made: each link and image is found with its position,
 * resolved, and written out under the site's base path (see rebase-link.ts). What the story can check
 * alone is checked here (an address that cannot be read, a #fragment missing from the story itself);
 * links to other pages and files are returned, for the project to check once every story is compiled
 * (project/check-links.ts). Images are checked like links, but must be files (project/check-links.ts).
 */
import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import { visit } from "unist-util-visit";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile, SourceSpan } from "../diagnostics/source-file.ts";
import { collectLinks } from "./collect-links.ts";
import { hasAnchor, missingAnchor, type PageAnchors } from "./page-anchors.ts";
import { rebaseLink } from "./rebase-link.ts";
import { resolveLink, type LinkContext } from "./resolve-link.ts";
import { sitePage } from "./site-page.ts";

/** A link from a story to another page or a file of the site, for the project-level check. */
export interface StoryLink {
  /** A link (<a>, which may go to a page) or an image (<img>, which must be a file). */
  kind: "link" | "image";
  /** The address as the editor wrote it. */
  href: string;
  /** Where the address is written in the story. */
  span: SourceSpan;
  /** The root path it goes to, percent-decoded: "/stories/x/", "/favicon.svg". */
  path: string;
  /** "#part" as parsed, or "". */
  hash: string;
  /** The fragment, percent-decoded; undefined without "#". */
  fragment?: string;
}

export interface StoryLinksContext extends LinkContext {
  /** The story's slug: links to its own page are checked here. */
  slug: string;
  /** The site's base path, "/" or "/newsroom/". */
  base: string;
  anchors: PageAnchors;
}

export function storyLinks(hast: HastRoot, mdast: MdastRoot, file: SourceFile, context: StoryLinksContext): { links: StoryLink[]; diagnostics: Diagnostic[] } {
  const links: StoryLink[] = [];
  const diagnostics: Diagnostic[] = [];
  // A reference-style link used twice is one address, written once: report it once.
  const seen = new Set<string>();
  for (const found of collectLinks(hast, mdast, file)) {
    const resolved = resolveLink(found.url, context);
    const rebased = rebaseLink(found.url, resolved, context.base);
    if (rebased !== undefined) found.element.properties[found.attribute] = rebased;
    const key = `${found.span.start.line}:${found.span.start.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (resolved.kind === "malformed") {
      // Say why in terms of what the editor wrote (Markdown addresses reach the page percent-encoded).
      const asWritten = resolveLink(found.written, context);
      const detail = asWritten.kind === "malformed" ? asWritten.detail : resolved.detail;
      diagnostics.push(diagnostic("link/malformed", { href: found.written, detail }, found.span));
      continue;
    }
    // Pictures come from the site itself: one from elsewhere is a request to another site, refused by the CSP.
    if (resolved.kind === "external" && found.kind === "image") {
      diagnostics.push(diagnostic("link/external-image", { href: found.written, where: "story" }, found.span));
      continue;
    }
    if (resolved.kind !== "internal") continue;
    const page = sitePage(resolved.path);
    const link: StoryLink = { kind: found.kind, href: found.written, span: found.span, path: resolved.path, hash: resolved.hash };
    if (resolved.fragment !== undefined) link.fragment = resolved.fragment;
    if (found.kind === "link" && page?.kind === "story" && page.slug === context.slug) {
      if (!hasAnchor(context.anchors, link)) diagnostics.push(missingAnchor(link, context.anchors, "this story"));
    } else {
      links.push(link);
    }
  }
  diagnostics.push(...externalSources(hast, file, context));
  return { links, diagnostics };
}

/** <picture><source srcset="…"> candidates from other sites: pictures too, reported at the element. */
function externalSources(hast: HastRoot, file: SourceFile, context: LinkContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(hast, "element", (element: Element) => {
    const srcSet = element.tagName === "source" ? element.properties?.["srcSet"] : undefined;
    const start = element.position?.start.offset;
    if (start === undefined || (typeof srcSet !== "string" && !Array.isArray(srcSet))) return;
    const candidates = (Array.isArray(srcSet) ? srcSet.join(",") : srcSet).split(",").map((c) => c.trim().split(/\s+/)[0] ?? "").filter(Boolean);
    const external = candidates.find((url) => resolveLink(url, context).kind === "external");
    if (external !== undefined) diagnostics.push(diagnostic("link/external-image", { href: external, where: "story" }, file.span(start, start)));
  });
  return diagnostics;
}
