/**
 * JSON for a <script type="application/ld+json"> element. The page's text ends the element at the
 * first "</script" whatever the JSON says, so <, > and & (and the line separators some parsers
 * reject) are written as \u escapes: the same JSON to a JSON parser, and nothing an editor writes in
 * a headline can close the element or open another.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
