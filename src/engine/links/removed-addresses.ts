/**
 * Addresses the sanitiser will take out of a story's page, found before it does, so that each is reported
 * at its place instead of leaving a link that goes nowhere or a picture that never shows. The sanitiser
 * (rehype-sanitize, GitHub's rules) keeps an <a href> only with http, https, mailto, irc, ircs or xmpp
 * (case-sensitive, as written) and an <img src> only with http or https; relative addresses always.
 * Everything else — javascript:, vbscript:, data:, tel:, HTTPS: — is removed.
 */
import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import { defaultSchema } from "rehype-sanitize";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { collectLinks } from "./collect-links.ts";

/** The scheme ("javascript:") that makes the sanitiser remove `url`, by the sanitiser's own reading; undefined when it is kept. */
export function removedScheme(attribute: "href" | "src", url: string): string | undefined {
  const allowed = defaultSchema.protocols?.[attribute] ?? [];
  const colon = url.indexOf(":");
  if (colon < 0) return undefined;
  // A colon after "/", "?" or "#" is not a scheme's.
  if ([url.indexOf("/"), url.indexOf("?"), url.indexOf("#")].some((at) => at > -1 && at < colon)) return undefined;
  const scheme = url.slice(0, colon);
  return allowed.includes(scheme) ? undefined : `${scheme}:`;
}

/** link/unsafe-scheme for every link and image of the page (before sanitising) that the sanitiser would remove. */
export function removedAddresses(unsanitized: HastRoot, mdast: MdastRoot, file: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const found of collectLinks(unsanitized, mdast, file)) {
    const scheme = removedScheme(found.attribute, found.url);
    const key = `${found.span.start.line}:${found.span.start.column}`;
    if (scheme === undefined || seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic("link/unsafe-scheme", { href: found.written, scheme, kind: found.kind }, found.span));
  }
  return diagnostics;
}
