/**
 * Plotline's additions for maps (defaults/map-projection.ts, defaults/map-legend.ts): a projection chosen
 * by where the shapes are, and a colour legend for maps coloured by a column, legible at 300 px (its
 * numbers short, its labels thinned like an axis's). Each yields to the editor and switches off by name.
 */
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { plotBlock } from "./helpers.ts";
import { compileIn, drawnAt, overlaps, REGIONS_BLOCK, regionFiles, square } from "./map-helpers.ts";

const chart = (markdown: string) => {
  const result = compileIn("en", markdown);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("; "));
  return result.charts[0]!.spec;
};
const regionsMap = (yaml: string) => chart(REGIONS_BLOCK + plotBlock("id=m", `alt: A map.\n${yaml}`));

describe("mapProjection", () => {
  it("gives the base maps of the United States albers-usa", () => {
    const spec = chart("```data id=states basemap=us/states\n```\n\n" + plotBlock("id=m", "alt: A.\nmarks:\n  - geo: {data: states}"));
    expect(spec.options["projection"]).toBe("albers-usa");
  });

  it("gives shapes spanning the world equal-earth", () => {
    const spec = chart("```data id=world basemap=world/countries\n```\n\n" + plotBlock("id=m", "alt: A.\nmarks:\n  - geo: {data: world}"));
    expect(spec.options["projection"]).toBe("equal-earth");
  });

  it("fits mercator to the shapes of a small region, also when only labels sit on them", () => {
    expect(regionsMap("marks:\n  - geo: {data: regions}").options["projection"]).toEqual({ type: "mercator", domain: "regions" });
    expect(regionsMap("marks:\n  - text: {data: regions, centroid: true, text: name}").options["projection"]).toEqual({ type: "mercator", domain: "regions" });
  });

  it("leaves the editor's projection, and charts that are not maps, alone", () => {
    expect(regionsMap("projection: orthographic\nmarks:\n  - geo: {data: regions}").options["projection"]).toBe("orthographic");
    expect(chart("```data id=t\na,b\n1,2\n```\n\n" + plotBlock("id=m data=t", "alt: A.\nmarks:\n  - dot: {x: a, y: b}")).options["projection"]).toBeUndefined();
  });

  it("is switched off by plotline: {mapProjection: false} and by the house style", () => {
    expect(regionsMap("plotline: {mapProjection: false}\nmarks:\n  - geo: {data: regions}").options["projection"]).toBeUndefined();
    const text = `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n${REGIONS_BLOCK}${plotBlock("id=m", "alt: A.\nmarks:\n  - geo: {data: regions}")}`;
    const housed = compileStory({ path: "content/stories/t.md", text }, { dataFiles: regionFiles(), additions: { mapProjection: false } });
    expect(housed.charts[0]!.spec.options["projection"]).toBeUndefined();
  });
});

describe("mapLegend", () => {
  it("gives a map filled by a column of numbers a legend with short numbers", () => {
    expect(regionsMap("marks:\n  - geo: {data: regions, fill: people}").options["color"]).toEqual({ legend: true, tickFormat: "compact" });
    expect(regionsMap("marks:\n  - geo: {data: regions, fill: rate}").options["color"]).toEqual({ legend: true, tickFormat: ",.3~r" });
  });

  it("keeps the editor's legend and format, and adds nothing to a map filled by one colour", () => {
    expect(regionsMap("color: {legend: false}\nmarks:\n  - geo: {data: regions, fill: rate}").options["color"]).toEqual({ legend: false });
    expect(regionsMap("color: {tickFormat: '.1f', type: quantize}\nmarks:\n  - geo: {data: regions, fill: rate}").options["color"]).toEqual({ tickFormat: ".1f", type: "quantize", legend: true });
    expect(regionsMap("marks:\n  - geo: {data: regions, fill: steelblue}").options["color"]).toBeUndefined();
  });

  it("gives no legend to a colour per shape (more categories than a legend can show)", () => {
    const spec = chart("```data id=states basemap=us/states\n```\n\n" + plotBlock("id=m", "alt: A.\nplotline: {accessibleColors: false}\nmarks:\n  - geo: {data: states, fill: name}"));
    expect(spec.options["color"]).toBeUndefined();
  });

  it("is switched off by plotline: {mapLegend: false}", () => {
    expect(regionsMap("plotline: {mapLegend: false}\nmarks:\n  - geo: {data: regions, fill: rate}").options["color"]).toBeUndefined();
  });
});

describe("choropleth legends at the phone's 300 px", () => {
  // Twenty regions whose numbers run to hundreds of millions: long labels, many thresholds.
  const features = Array.from({ length: 20 }, (_, i) => square({ name: `R${i}`, people: Math.round(1_500_000 * (i + 1) ** 1.7) }, i % 5, 40 + Math.floor(i / 5)));
  const files = regionFiles({ "many.geojson": JSON.stringify({ type: "FeatureCollection", features }) });
  const map = (color: string, extra = "") => `\`\`\`data id=many src=many.geojson\n\`\`\`\n\n${plotBlock("id=m", `alt: A.\n${extra}color: ${color}\nmarks:\n  - geo: {data: many, fill: people}`)}`;
  const legendOf = (drawn: Element) => drawn.querySelector("svg[class$='-ramp']")!;
  const scales = {
    sequential: "{}",
    quantize: "{type: quantize, n: 9}",
    quantile: "{type: quantile, n: 9}",
    threshold: "{type: threshold, domain: [2000000, 5000000, 10000000, 20000000, 50000000, 100000000, 200000000]}",
  };

  for (const [type, color] of Object.entries(scales)) {
    it(`a ${type} legend's labels stand apart and the legend fits the width`, () => {
      const legend = legendOf(drawnAt(map(color), 300, files));
      expect(legend.querySelectorAll("g.tick > text").length).toBeGreaterThan(1);
      expect(overlaps(legend, "g.tick > text")).toEqual([]);
      expect(Number(legend.getAttribute("width"))).toBeLessThanOrEqual(300);
    });
  }

  it("without Plotline's format and thinning, Plot's quantile labels run into each other (what the test would catch)", () => {
    const legend = legendOf(drawnAt(map("{type: quantile, n: 9, legend: true}", "plotline: {mapLegend: false, tickThinning: false}\n"), 300, files));
    expect(overlaps(legend, "g.tick > text").length).toBeGreaterThan(0);
  });
});
