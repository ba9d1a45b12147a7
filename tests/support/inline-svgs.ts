/**
 * The outermost <svg> elements of an HTML page, exactly as written (a DOM would re-serialise them and
 * hide what the page holds). Attribute values are masked while searching, since an editor's text such
 * as `"><svg onload=…>` in a description is not an element.
 */
const TAG = /<[A-Za-z][^\s/>]*(?:\s+[^\s=<>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

export function inlineSvgs(html: string): string[] {
  const masked = html.replace(TAG, (tag) => tag.replace(/"[^"]*"|'[^']*'/g, (value) => `"${" ".repeat(value.length - 2)}"`));
  const svgs: string[] = [];
  const boundary = /<svg\b[^>]*?(\/?)>|<\/svg>/g;
  let depth = 0;
  let start = 0;
  for (const match of masked.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0] === "</svg>") {
      depth--;
      if (depth === 0) svgs.push(html.slice(start, end));
    } else if (match[1] === "/") {
      if (depth === 0) svgs.push(html.slice(match.index, end));
    } else if (depth++ === 0) {
      start = match.index;
    }
  }
  if (depth !== 0) throw new Error(`an <svg> is not closed: ${html.slice(start, start + 80)}`);
  return svgs;
}
