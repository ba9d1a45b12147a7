import { xmlText } from "./xml-text.ts";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
/** HTML elements that have no end tag (Plot's HTML legends have none, but an <img> or <br> must not break the file). */
const VOID_HTML = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/**
 * SVG element names with capitals, by their lowercased form: an HTML parser (flatten-chart.ts parses a
 * chart with an HTML legend again) lowercases them, and XML, resvg included, then no longer knows a
 * <clippath>. The table of the HTML standard's "adjust SVG tag names".
 */
const SVG_ELEMENT_NAMES = new Map(
  [
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform", "clipPath", "feBlend",
    "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
    "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage",
    "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
    "feTurbulence", "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath",
  ].map((name) => [name.toLowerCase(), name]),
);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * An element drawn on the server (Plot's SVG, or its <figure> of HTML legend and SVG) as markup that is
 * well-formed XML and the same HTML: every attribute value and text escaped with xmlText (linkedom's
 * outerHTML leaves "&" and "<" raw in attribute values and control characters anywhere, which resvg's
 * XML parser rejects), empty SVG elements and HTML void elements self-closed, other empty HTML
 * elements closed, SVG element names with their capitals. Comments are left out. Otherwise it writes what linkedom writes, attribute order
 * included, so a chart's markup only changes where it was not well-formed.
 */
export function serializeSvg(element: Element): string {
  const out: string[] = [];
  writeElement(element, out);
  return out.join("");
}

function writeElement(element: Element, out: string[]): void {
  const svg = element.namespaceURI === SVG_NAMESPACE;
  const name = svg ? (SVG_ELEMENT_NAMES.get(element.localName) ?? element.localName) : element.localName;
  out.push("<", name);
  // getAttributeNames is a plain array; linkedom's `attributes` is a Proxy, much slower over thousands of marks.
  for (const attribute of element.getAttributeNames()) {
    const value = element.getAttribute(attribute) ?? "";
    // As linkedom: an empty id, class or style says nothing.
    if (value === "" && (attribute === "id" || attribute === "class" || attribute === "style")) continue;
    out.push(" ", attribute, '="', xmlText(value), '"');
  }
  let child = element.firstChild;
  if (!child) {
    const selfClosing = svg || VOID_HTML.has(name);
    out.push(selfClosing ? " />" : `></${name}>`);
    return;
  }
  out.push(">");
  for (; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) writeElement(child as Element, out);
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out.push(xmlText((child as Text).data));
  }
  out.push("</", name, ">");
}
