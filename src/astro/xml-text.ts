/**
 * Text (or an attribute value in double or single quotes) for the XML Plotline writes: feeds and the
 * sitemap. Markup characters are escaped, and the control characters XML 1.0 forbids anywhere (a
 * YAML "\x01" in a headline) are dropped, since a feed reader rejects the whole feed for one of them.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[&<>"']/g, (char) => entities[char]!);
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text of a feed element that feed readers show as HTML (an item's <title> and <description>): escaped
 * for that HTML first, then for the XML around it, so a dek "<b>x</b>" reads as those characters, not bold.
 */
export function xmlHtmlText(text: string): string {
  return xmlText(xmlText(text));
}
