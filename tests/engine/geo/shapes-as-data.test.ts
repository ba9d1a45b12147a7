import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { payloadData, serializePayload, type ChartPayload } from "../../../src/engine/chart/publish/chart-payload.ts";
import { readBasemap } from "../../../src/engine/geo/basemaps.ts";
import { shapeOf } from "../../../src/engine/geo/row-shape.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { pathBox } from "../../support/path-points.ts";
import { compile, memoryFiles, plotBlock, where } from "../chart/helpers.ts";

/** A square of `size` degrees from (west, south), its ring clockwise (d3's way) or counter-clockwise (RFC 7946's). */
function square(west: number, south: number, size: number, clockwise = true): number[][][] {
  const ring = [[west, south], [west, south + size], [west + size, south + size], [west + size, south], [west, south]];
  return [clockwise ? ring : [...ring].reverse()];
}

const feature = (properties: Record<string, unknown>, coordinates: number[][][], id?: string) => ({
  type: "Feature",
  ...(id === undefined ? {} : { id }),
  properties,
  geometry: { type: "Polygon", coordinates },
});

const DISTRICTS = JSON.stringify({
  type: "FeatureCollection",
  features: [
    feature({ district: "Harbour", households: 41200, style: { fill: "red" } }, square(114.1, 22.27, 0.05), "H1"),
    // Written the RFC 7946 way: d3 would read this ring as "the whole globe but this square".
    feature({ district: "Hillside", households: 28900 }, square(114.15, 22.27, 0.05, false), "H2"),
  ],
});

const MAP = plotBlock(
  "id=district-map data=districts",
  "alt: Two districts.\nprojection: {type: mercator, domain: districts}\nmarks:\n  - geo: {fill: households, stroke: white}\n  - text: {centroid: true, text: district}",
);

/** Every path's `d` in the wide drawing of the story's first chart. */
function paths(markup: string): string[] {
  const { document } = parseHTML(`<html><body>${markup}</body></html>`);
  return [...document.querySelectorAll("g[data-label='geo'] path, g[aria-label='geo'] path")].map((p) => p.getAttribute("d") ?? "");
}

describe("shapes as data", () => {
  it("a GeoJSON file's properties become columns, its features' ids the column id, nested properties left out", () => {
    const story = compile("```data id=districts src=districts.geojson show\n```\n\n" + MAP, memoryFiles({ "districts.geojson": DISTRICTS }));
    expect(where(story.diagnostics)).toEqual([]);
    const table = story.html.match(/<table[\s\S]*?<\/table>/)?.[0] ?? "";
    expect(table).toContain("Harbour");
    expect(table).toContain(">id<");
    expect(table).not.toContain("style");
    expect(table).not.toContain("coordinates");
  });

  it("a .json file holding GeoJSON is read as shapes, without format=", () => {
    const story = compile("```data id=districts src=districts.json\n```\n\n" + MAP, memoryFiles({ "districts.json": DISTRICTS }));
    expect(where(story.diagnostics)).toEqual([]);
    expect(paths(story.charts[0]!.chartMarkup)).toHaveLength(2);
  });

  it("a ring wound counter-clockwise (RFC 7946) draws its own shape, not the whole globe", () => {
    const story = compile("```data id=districts src=districts.geojson\n```\n\n" + MAP, memoryFiles({ "districts.geojson": DISTRICTS }));
    const [clockwise, counter] = paths(story.charts[0]!.chartMarkup).map(pathBox);
    // Two squares side by side fill the map's width between them: each about half of it, never all of it.
    expect(counter!.width).toBeGreaterThan(0);
    expect(Math.abs(counter!.width - clockwise!.width)).toBeLessThan(1);
    expect(Math.abs(counter!.height - clockwise!.height)).toBeLessThan(1);
  });

  it("coordinates in metres are refused with a hint to export in WGS 84, pointing at the feature", () => {
    const metres = DISTRICTS.replace(/114\.1\d*|22\.\d+/g, (n) => String(Math.round(Number(n) * 111320)));
    const story = compile("```data id=districts src=districts.geojson\n```\n", memoryFiles({ "districts.geojson": metres }));
    expect(story.diagnostics.map((d) => d.code)).toEqual(["map/not-degrees"]);
    expect(story.diagnostics[0]!.span.file).toBe("data/districts.geojson");
    expect(story.diagnostics[0]!.hint).toContain("EPSG:4326");
  });

  it("a TopoJSON with several objects needs object=, and a misspelt one gets a did-you-mean", () => {
    const topology = JSON.stringify({
      type: "Topology",
      arcs: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]],
      objects: {
        districts: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[0]], properties: { name: "A" } }] },
        outline: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[0]] }] },
      },
    });
    const files = memoryFiles({ "d.topojson": topology });
    expect(compile("```data id=d src=d.topojson\n```\n", files).diagnostics.map((d) => d.code)).toEqual(["map/choose-object"]);
    const misspelt = compile("```data id=d src=d.topojson object=distrcts\n```\n", files).diagnostics;
    expect(misspelt.map((d) => d.code)).toEqual(["map/unknown-object"]);
    expect(misspelt[0]!.message).toContain('"districts"');
    expect(where(compile("```data id=d src=d.topojson object=districts show\n```\n", files).diagnostics)).toEqual([]);
  });

  it("a misspelt base map is named with a did-you-mean and the list of base maps", () => {
    const [problem] = compile("```data id=w basemap=world/contries\n```\n").diagnostics;
    expect(problem!.code).toBe("map/unknown-basemap");
    expect(problem!.message).toContain('"world/countries"');
  });
});

describe("base maps", () => {
  it("world/countries has ISO codes as text (leading zeros kept), Natural Earth names and Chinese names", () => {
    const story = compile("```data id=w basemap=world/countries show\n```\n");
    expect(where(story.diagnostics)).toEqual([]);
    const afghanistan = readBasemap("world/countries")!.rows.find((row) => row.includes("AFG"));
    expect(afghanistan).toEqual(["004", "AFG", "AF", "Afghanistan", "阿富汗"]);
    expect(story.html).toContain("004");
  });

  it("us/states has FIPS ids and postal codes; us/counties names each county's state", () => {
    const states = readBasemap("us/states")!;
    expect(states.names).toEqual(["id", "postal", "name"]);
    expect(states.rows.find((row) => row[0] === "06")).toEqual(["06", "CA", "California"]);
    const counties = readBasemap("us/counties")!;
    expect(counties.rows.length).toBeGreaterThan(3000);
    expect(counties.rows.find((row) => row[0] === "06037")).toEqual(["06037", "Los Angeles", "California"]);
  });

  it("a Chinese story drawing a world base map is warned that it is not an approved map; a US one is not", () => {
    expect(chineseStoryCodes("```data id=w basemap=world/countries\n```\n")).toEqual(["map/basemap-not-approved-in-china"]);
    expect(chineseStoryCodes("```data id=s basemap=us/states\n```\n")).toEqual([]);
  });
});

/** The codes a Chinese story holding `markdown` reports. */
function chineseStoryCodes(markdown: string): string[] {
  const text = `---\ntitle: 地图\ndek: 试一试。\ndate: 2025-03-21\nlang: zh-CN\n---\n\n试一试。\n\n${markdown}`;
  return compileStory({ path: "content/stories/map.md", text }, { dataFiles: memoryFiles() }).diagnostics.map((d) => d.code);
}

describe("drawing shapes", () => {
  const world = "```data id=countries basemap=world/countries\n```\n\n";
  const worldMap = plotBlock("id=world data=countries", "alt: The world.\nprojection: equal-earth\nmarks:\n  - geo: {fill: iso3, stroke: white}");

  it("draws one path per shape, their outlines to a tenth of a pixel", () => {
    const story = compile(world + worldMap);
    const ds = paths(story.charts[0]!.chartMarkup);
    expect(ds).toHaveLength(177);
    expect(ds.join(" ")).not.toMatch(/\.\d\d/);
    // Written as relative steps (l3.1-.4), which weigh less than absolute points.
    expect(ds[0]).toMatch(/^m[-\d.,]+l/);
  });

  it("shapes are simplified to the drawing's scale: the phone drawing has fewer points than the wide one", () => {
    const story = compile(world + worldMap);
    const variants = [...story.charts[0]!.html.matchAll(/data-width="(\d+)"[^>]*>([\s\S]*?)<\/svg>/g)].map((m) => ({ width: Number(m[1]), markup: m[2]! }));
    const points = (markup: string) => paths(`<svg>${markup}</svg>`).join(" ").split(/[MLml]/).length;
    const wide = variants.find((v) => v.width === 640)!;
    const narrow = variants.find((v) => v.width === 300)!;
    expect(points(narrow.markup)).toBeLessThan(points(wide.markup) * 0.8);
    expect(points(wide.markup)).toBeLessThan(25_000);
  });

  it("neighbours stay joined when simplified: a shared border is the same points in both shapes", () => {
    const shapes = readBasemap("world/countries")!;
    const index = (iso3: string) => shapes.rows.findIndex((row) => row[1] === iso3);
    const ring = (i: number) => {
      const geometry = shapes.shapes[i]!.geometryAt(300 / 360)!;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
      return new Set(polygons.flat(2).map((point) => point.join(",")));
    };
    const france = ring(index("FRA"));
    const spain = ring(index("ESP"));
    const shared = [...spain].filter((point) => france.has(point));
    // The Pyrenees border survives simplification as points both countries have.
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it("the payload carries each shape, simplified and rounded, and the browser's rows get them back", () => {
    const story = compile(world + worldMap);
    const payload = JSON.parse(String(story.charts[0]!.asset?.content ?? "{}")) as ChartPayload;
    expect(payload.shapes?.["countries"]).toHaveLength(177);
    const json = JSON.stringify(payload.shapes);
    expect(json).not.toMatch(/\.\d{3}/);
    const rows = payloadData(JSON.parse(serializePayload(payload)) as ChartPayload)["countries"]!;
    expect(rows).toHaveLength(177);
    expect(shapeOf(rows[0])?.geometryAt()?.type).toMatch(/Polygon/);
  });

  it("a payload of a table that is not shapes carries no shapes", () => {
    const story = compile("```data id=t\na,b\n1,2\n```\n\n" + plotBlock("data=t", "marks:\n  - dot: {x: a, y: b}"));
    const json = story.charts[0]!.html.match(/<script class="plotline-spec"[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? "{}";
    expect((JSON.parse(json) as ChartPayload).shapes).toBeUndefined();
  });

  it("dots and labels go at the shapes' centres with centroid: true", () => {
    const states = "```data id=states basemap=us/states\n```\n\n";
    const story = compile(
      states + plotBlock("id=states-map data=states", "alt: States.\nprojection: albers-usa\nmarks:\n  - geo: {fill: '#ddd'}\n  - dot: {centroid: true, r: 2}"),
    );
    expect(where(story.diagnostics)).toEqual([]);
    const { document } = parseHTML(`<html><body>${story.charts[0]!.chartMarkup}</body></html>`);
    // albers-usa draws the 50 states and DC; territories fall outside it.
    expect(document.querySelectorAll("circle").length).toBeGreaterThanOrEqual(51);
  });

  it("a projection's domain may name shapes by data id: the map is fitted to them", () => {
    const story = compile("```data id=districts src=districts.geojson\n```\n\n" + MAP, memoryFiles({ "districts.geojson": DISTRICTS }));
    const [a, b] = paths(story.charts[0]!.chartMarkup).map(pathBox);
    // Two squares side by side, fitted to a 640 px map, are each about half its width.
    expect(a!.width + b!.width).toBeGreaterThan(500);
  });
});
