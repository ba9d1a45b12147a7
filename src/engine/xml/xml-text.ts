/**
 * Text or a double-quoted attribute value for the XML Plotline writes: chart SVG (inline, downloads,
 * PNG input, social cards), feeds and the sitemap. `& < > "` are escaped, and the characters XML 1.0
 * forbids anywhere (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are
 * dropped: one of them makes a feed reader reject the whole feed and resvg refuse the drawing.
 * Editors' files are cleaned where they are read (see story/control-characters.ts); this is the last
 * guard, for what YAML or JSON escapes ("\x01") put in a value.
 */
export function xmlText(text: string): string {
  if (!needsWork.test(text)) return text;
  return text.replace(forbidden, "").replace(/[&<>"]/g, (char) => entities[char]!);
}

/** What XML 1.0 does not allow in a document, whatever the escaping. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything to escape or drop (surrogates are looked at closely only when there are any). */
const needsWork = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text of a feed element that feed readers show as HTML (an item's <title> and <description>): escaped
 * for that HTML first, then for the XML around it, so a dek "<b>x</b>" reads as those characters, not bold.
 */
export function xmlHtmlText(text: string): string {
  return xmlText(xmlText(text));
}
