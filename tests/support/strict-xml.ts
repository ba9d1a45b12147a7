/**
 * Whether a text is well-formed XML 1.0, as a strict parser (resvg's, a feed reader's, a browser's
 * DOMParser) sees it. fast-xml-parser's XMLValidator checks the tree (one root, tags closed and nested,
 * no repeated attribute, no raw "&" in text) but lets through exactly what made Plotline's SVG
 * unreadable: a raw "&" or "<" in an attribute value and characters XML forbids. Those are checked
 * here, with the position of the first problem.
 */
import { XMLValidator } from "fast-xml-parser";

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** "&" that starts no reference XML knows without a DTD. */
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
/** A start tag at a "<" followed by a letter, its attributes in group 1 (values quoted either way). */
const START_TAG = /<[A-Za-z][^\s/>]*((?:\s+[^\s=<>"'/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/y;
const ATTRIBUTE_VALUE = /=\s*(?:"([^"]*)"|'([^']*)')/g;

/** undefined if well-formed, else what is wrong and where (line:column). Comments and CDATA are not expected. */
export function xmlProblem(text: string): string | undefined {
  const at = (offset: number) => {
    const before = text.slice(0, offset).split("\n");
    return `${before.length}:${before.at(-1)!.length + 1}`;
  };
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) return `character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML at ${at(forbidden.index)}`;
  const ampersand = BAD_AMPERSAND.exec(text);
  if (ampersand) return `"&" that is not an entity reference at ${at(ampersand.index)}: ${JSON.stringify(text.slice(ampersand.index, ampersand.index + 20))}`;
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i)) {
    if (!/[A-Za-z]/.test(text[i + 1] ?? "")) {
      i++;
      continue;
    }
    START_TAG.lastIndex = i;
    const tag = START_TAG.exec(text);
    if (!tag) return `a start tag that is not well-formed at ${at(i)}: ${JSON.stringify(text.slice(i, i + 60))}`;
    for (const value of tag[1]!.matchAll(ATTRIBUTE_VALUE)) {
      if ((value[1] ?? value[2] ?? "").includes("<")) return `"<" in an attribute value at ${at(i)}: ${JSON.stringify(value[0].slice(0, 60))}`;
    }
    i = START_TAG.lastIndex;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) return `${valid.err.msg} at ${valid.err.line}:${valid.err.col}`;
  return undefined;
}
