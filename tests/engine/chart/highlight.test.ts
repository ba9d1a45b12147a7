/**
 * `highlight:`: the elements of a chart that draw a column carry its value as data-key, the same in the
 * build's SVG and in the browser's redraw; a static state (`on:`) draws the rest dimmed.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { type ChartPayload, payloadData } from "../../../src/engine/chart/publish/chart-payload.ts";
import { renderChartElement } from "../../../src/engine/chart/render/render-chart-element.ts";
import { specToPlotOptions } from "../../../src/engine/chart/render/spec-to-plot.ts";
import type { CompiledChart } from "../../../src/engine/compiled-chart.ts";
import { clean, compile, plotBlock, positionOf, where } from "./helpers.ts";

const CITIES = "```data id=cities\nyear,city,pop\n2020,Beijing,10\n2021,Beijing,12\n2020,Shanghai,11\n2021,Shanghai,13\n2020,Xi'an,5\n2021,Xi'an,6\n```\n\n";
const chart = (yaml: string) => clean(compile(CITIES + plotBlock("data=cities id=cities", `alt: Three cities.\n${yaml}`))).charts[0]!;

/** The chart's own SVG (not a legend's) as an element, from markup. */
function svgOf(markup: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.querySelector("svg[role='img']")!;
}
/** "tag key" for every keyed element, in order, with "dimmed" when it is. */
const keyed = (svg: Element): string[] =>
  [...svg.querySelectorAll("[data-key]")].map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute("data-key")}${(e.getAttribute("class") ?? "").split(" ").includes("plotline-dimmed") ? " dimmed" : ""}`);

/** The payload beside a figure, as the browser reads it. */
function payloadOf(compiled: CompiledChart): ChartPayload {
  const { document } = parseHTML(`<!doctype html><html><body>${compiled.html}</body></html>`);
  return JSON.parse(document.querySelector("script.plotline-spec")!.textContent ?? "") as ChartPayload;
}
/** What the browser draws from the payload (tips on), as the page's script would. */
function browserSvg(compiled: CompiledChart): Element {
  const payload = payloadOf(compiled);
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const plot = renderChartElement(payload.spec, payloadData(payload), { document: document as unknown as Document, width: 640, lang: "en", interactive: true });
  return plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg[role='img']")!;
}

describe("keys in the build's markup", () => {
  it("each line's path carries its series' value, and the chart's SVG names the column", () => {
    const svg = svgOf(chart("highlight: city\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}").chartMarkup);
    expect(svg.getAttribute("data-highlight")).toBe("city");
    expect(keyed(svg)).toEqual(["path Beijing", "path Shanghai", "path Xi'an", "text Beijing", "text Shanghai", "text Xi'an"]);
  });

  it("a line's end label (Plotline's addition) carries its series' value, so it lights with its line", () => {
    const svg = svgOf(chart("highlight: {by: city, on: Beijing}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}").chartMarkup);
    expect(keyed(svg).filter((k) => k.startsWith("text"))).toEqual(["text Beijing", "text Shanghai dimmed", "text Xi'an dimmed"]);
    expect(svg.querySelector("text[data-key='Beijing']")?.textContent).toBe("Beijing");
  });

  it("each bar's rect carries the value it was grouped by (x of bars, through groupX)", () => {
    const svg = svgOf(chart("highlight: city\nmarks:\n  - barY: {x: city, y: pop, groupX: {y: sum}}").chartMarkup);
    expect(keyed(svg)).toEqual(["rect Beijing", "rect Shanghai", "rect Xi'an"]);
  });

  it("each dot carries its row's value (fill), and an area's path its series'", () => {
    const dots = svgOf(chart("highlight: city\nplotline: {symbols: false}\nmarks:\n  - dot: {x: year, y: pop, fill: city}").chartMarkup);
    expect(keyed(dots)).toEqual(["circle Beijing", "circle Beijing", "circle Shanghai", "circle Shanghai", "circle Xi'an", "circle Xi'an"]);
    const areas = svgOf(chart("highlight: {by: city}\nmarks:\n  - areaY: {x: year, y: pop, fill: city}").chartMarkup);
    expect(keyed(areas)).toEqual(["path Beijing", "path Shanghai", "path Xi'an"]);
  });

  it("marks that do not draw the column, and charts without highlight, carry no keys", () => {
    const svg = svgOf(chart("highlight: city\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}\n  - ruleY: [0]").chartMarkup);
    expect(svg.querySelector("[data-label='rule'] [data-key]")).toBeNull();
    const plain = svgOf(chart("marks:\n  - lineY: {x: year, y: pop, stroke: city}").chartMarkup);
    expect(plain.getAttribute("data-highlight")).toBeNull();
    expect(keyed(plain)).toEqual([]);
  });

  it("a static state draws what `on` names lit and the rest dimmed", () => {
    const one = svgOf(chart("highlight: {by: city, on: Beijing}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}").chartMarkup);
    expect(keyed(one).filter((k) => k.startsWith("path"))).toEqual(["path Beijing", "path Shanghai dimmed", "path Xi'an dimmed"]);
    const two = svgOf(chart("highlight: {by: city, on: [Beijing, Xi'an]}\nmarks:\n  - barY: {x: city, y: pop, groupX: {y: sum}}").chartMarkup);
    expect(keyed(two)).toEqual(["rect Beijing", "rect Shanghai dimmed", "rect Xi'an"]);
  });

  it("the key is Plotline's: Plot never gets a highlight option, and no aria-label is left on a keyed element", () => {
    const compiled = chart("highlight: city\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");
    expect(Object.keys(specToPlotOptions(compiled.spec, {}))).not.toContain("highlight");
    expect(compiled.chartMarkup).not.toMatch(/<path[^>]*aria-label/);
    expect(compiled.chartMarkup).not.toContain("\uE000");
  });
});

describe("keys in the browser's redraw", () => {
  const lines = chart("highlight: {by: city, on: Shanghai}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city, tip: true}\n  - dot: {x: year, y: pop, fill: city}");
  it("the payload carries the key column", () => {
    const payload = payloadOf(lines);
    expect(payload.spec.highlight).toEqual({ by: "city", on: ["Shanghai"] });
    const data = payload.data["cities"]!;
    expect("columns" in data && data.columns["city"]).toEqual(["Beijing", "Beijing", "Shanghai", "Shanghai", "Xi'an", "Xi'an"]);
  });
  it("the browser's drawing, tips on, keys and dims the same elements as the build's", () => {
    const built = svgOf(lines.chartMarkup);
    const redrawn = browserSvg(lines);
    expect(redrawn.getAttribute("data-highlight")).toBe("city");
    expect(keyed(redrawn)).toEqual(keyed(built));
    expect(keyed(redrawn)).toContain("path Beijing dimmed");
  });
  it("bars drawn from a payload of groups keep their keys", () => {
    const bars = chart("highlight: city\nmarks:\n  - barY: {x: city, y: pop, groupX: {y: sum}, tip: true}");
    expect(keyed(browserSvg(bars))).toEqual(["rect Beijing", "rect Shanghai", "rect Xi'an"]);
  });
});

describe("highlight's checks", () => {
  const markdown = (yaml: string) => CITIES + plotBlock("data=cities id=cities", `alt: Three cities.\n${yaml}`);
  it("a column the data lacks is reported with the column it is probably", () => {
    const md = markdown("highlight: cty\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${positionOf(md, "cty")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "city"?');
  });
  it("a column no mark draws is reported", () => {
    const md = markdown("highlight: {by: city}\nmarks:\n  - lineY: {x: year, y: pop}");
    expect(where(compile(md).diagnostics)).toEqual([`plot/highlight-not-drawn ${positionOf(md, "city}")}`]);
  });
  it("a lit value the column lacks is reported, at that value, with the value it is probably", () => {
    const md = markdown("highlight: {by: city, on: [Beijing, Shanghia]}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`plot/highlight-unknown-value ${positionOf(md, "Shanghia")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "Shanghai"?');
  });
  it("a highlight of the wrong form, or with an unknown key, is reported", () => {
    expect(compile(markdown("highlight: [city]\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}")).diagnostics.map((d) => d.code)).toEqual(["plot/invalid-value"]);
    const md = markdown("highlight: {by: city, onn: Beijing}\nmarks:\n  - lineY: {x: year, y: pop, stroke: city}");
    const result = compile(md);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-option ${positionOf(md, "onn")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "on"?');
  });
});
