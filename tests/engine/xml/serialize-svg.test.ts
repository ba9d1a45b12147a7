/**
 * The one serialiser of the SVG Plotline writes (src/engine/xml/serialize-svg.ts) and the escaping it
 * shares with standalone SVGs, feeds and the sitemap (xml-text.ts): whatever an attribute or a text
 * holds, the markup is well-formed XML and reads back as the same values. The strict checker the
 * build tests use (tests/support/strict-xml.ts) is held to what linkedom used to write.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { serializeSvg } from "../../../src/engine/xml/serialize-svg.ts";
import { xmlText } from "../../../src/engine/xml/xml-text.ts";
import { rasterizeSvg } from "../../../src/engine/image/rasterize-svg.ts";
import { inlineSvgs } from "../../support/inline-svgs.ts";
import { xmlProblem } from "../../support/strict-xml.ts";

const SVG = "http://www.w3.org/2000/svg";
const { document } = parseHTML("<!doctype html><html><body></body></html>");
const svgElement = (name: string, attributes: Record<string, string> = {}, text?: string): Element => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element as unknown as Element;
};

/** What an editor's spreadsheet or YAML can put in a value. */
const NASTY = 'AT&T <P&G> "Ben & Jerry\'s" \u0001\u000B\u000C\u001F\uFFFE\uD800 end';

describe("serializeSvg", () => {
  it("escapes & < > \" in attribute values and & < > \" in text, and drops characters XML forbids", () => {
    const svg = svgElement("svg", { xmlns: SVG, "aria-label": NASTY, "font-family": "Arial & Helvetica" });
    const link = svgElement("a", { href: "https://example.com/?a=1&b=<2>" });
    link.append(svgElement("text", { x: "1" }, NASTY));
    svg.append(link);
    const markup = serializeSvg(svg);
    expect(markup).toBe(
      // (linkedom keeps attributes newest first)
      `<svg font-family="Arial &amp; Helvetica" aria-label="AT&amp;T &lt;P&amp;G&gt; &quot;Ben &amp; Jerry's&quot;  end" xmlns="${SVG}">` +
        `<a href="https://example.com/?a=1&amp;b=&lt;2&gt;"><text x="1">AT&amp;T &lt;P&amp;G&gt; &quot;Ben &amp; Jerry's&quot;  end</text></a></svg>`,
    );
    expect(xmlProblem(markup)).toBeUndefined();
    // Read back by an HTML parser, as a browser reads the page: the same values, less the forbidden characters.
    const { document: page } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
    expect(page.querySelector("svg")?.getAttribute("aria-label")).toBe('AT&T <P&G> "Ben & Jerry\'s"  end');
    expect(page.querySelector("text")?.textContent).toBe('AT&T <P&G> "Ben & Jerry\'s"  end');
  });

  it("closes empty SVG elements and HTML void elements itself, and other empty HTML elements with an end tag", () => {
    const figure = document.createElement("div");
    figure.append(document.createElement("span"), document.createElement("br"), svgElement("svg", { xmlns: SVG }));
    figure.firstChild!.appendChild(svgElement("rect", { width: "10" }));
    expect(serializeSvg(figure as unknown as Element)).toBe(`<div><span><rect width="10" /></span><br /><svg xmlns="${SVG}" /></div>`);
    expect(serializeSvg(document.createElement("div") as unknown as Element)).toBe("<div></div>");
  });

  it("writes ordinary charts exactly as linkedom does (so goldens and caches stay valid)", () => {
    const svg = svgElement("svg", { xmlns: SVG, class: "plot", viewBox: "0 0 10 10" });
    const group = svgElement("g", { "aria-label": "bar", fill: "steelblue" });
    group.append(svgElement("rect", { x: "1.5", y: "2", width: "3", height: "4" }), svgElement("title", {}, "Beijing 33%"));
    svg.append(group, svgElement("clipPath", { id: "c" }));
    expect(serializeSvg(svg)).toBe((svg as unknown as { outerHTML: string }).outerHTML);
  });

  it("gives SVG element names back the capitals an HTML parser took from them, so resvg knows a clipPath", () => {
    const { document: page } = parseHTML(`<!doctype html><html><body><svg xmlns="${SVG}"><clipPath id="c"><rect width="1" /></clipPath><linearGradient id="g" gradientUnits="userSpaceOnUse" /></svg></body></html>`);
    expect(page.querySelector("svg")!.outerHTML).toContain("<clippath");
    expect(serializeSvg(page.querySelector("svg") as unknown as Element)).toBe(
      `<svg xmlns="${SVG}"><clipPath id="c"><rect width="1" /></clipPath><linearGradient id="g" gradientUnits="userSpaceOnUse" /></svg>`,
    );
  });

  it("draws with resvg what linkedom's outerHTML made resvg refuse", () => {
    const svg = svgElement("svg", { xmlns: SVG, width: "20", height: "20", "aria-label": "A & B", "font-family": "Arial & Helvetica" });
    svg.append(svgElement("text", { x: "1", y: "10" }, "Title \u0001 & co"));
    expect(() => rasterizeSvg((svg as unknown as { outerHTML: string }).outerHTML, { fontFiles: [] })).toThrow(/entity|character/i);
    expect(rasterizeSvg(serializeSvg(svg), { fontFiles: [] }).length).toBeGreaterThan(0);
  });
});

describe("xmlText", () => {
  it("leaves plain text alone and escapes markup characters", () => {
    expect(xmlText("Beijing 33% — 北京")).toBe("Beijing 33% — 北京");
    expect(xmlText(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
  });

  it("drops C0 controls other than tab and line breaks, U+FFFE, U+FFFF and lone surrogates, and keeps emoji", () => {
    expect(xmlText("a\u0000b\u0008c\td\ne\rf\u000Bg\u000Ch\u001Fi\uFFFEj\uFFFFk")).toBe("abc\td\ne\rfghijk");
    expect(xmlText("lone \uD800 high, lone \uDC00 low, pair 📈")).toBe("lone  high, lone  low, pair 📈");
  });
});

describe("the strict XML check used on built sites", () => {
  it("rejects what linkedom used to write: a raw & or < in an attribute value, and control characters", () => {
    expect(xmlProblem('<svg aria-label="A & B"/>')).toMatch(/"&" that is not an entity reference at 1:20/);
    expect(xmlProblem('<svg aria-label="A &lt; B <c>"/>')).toMatch(/"<" in an attribute value/);
    expect(xmlProblem("<svg><title>A \u0001 B</title></svg>")).toMatch(/U\+0001/);
    expect(xmlProblem("<svg><g></svg>")).toMatch(/closing tag/);
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<svg a="A &amp; B">&lt;c&gt; &#160;</svg>\n')).toBeUndefined();
  });

  it("finds a page's outermost inline SVGs as written, and not markup typed into an attribute value", () => {
    const page = `<meta content='"><svg onload=alert(1)>'><p title="<svg>">x</p><div><svg a="1"><svg b="2"><rect /></svg></svg><svg c="3" /></div>`;
    expect(inlineSvgs(page)).toEqual(['<svg a="1"><svg b="2"><rect /></svg></svg>', '<svg c="3" />']);
  });
});
