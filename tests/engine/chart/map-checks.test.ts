/**
 * The checks of maps (check-chart-maps.ts): projections Plot does not know or cannot read, a domain that
 * is not shapes, map marks on data that is not shapes, dots and labels on shapes with no place, and
 * geometry: written by hand. Each names the mistake where it is written.
 */
import { describe, expect, it } from "vitest";
import { compile, memoryFiles, plotBlock, positionOf, where } from "./helpers.ts";

const square = (name: string, rate: number, lon: number) => ({
  type: "Feature",
  properties: { name, rate },
  geometry: { type: "Polygon", coordinates: [[[lon, 50], [lon, 51], [lon + 1, 51], [lon + 1, 50], [lon, 50]]] },
});
const REGIONS = JSON.stringify({ type: "FeatureCollection", features: [square("North", 4.5, 4), square("South", 7.25, 5)] });
const files = memoryFiles({ "regions.geojson": REGIONS });
const SHAPES = "```data id=regions src=regions.geojson\n```\n\n";
const TABLE = "```data id=rates\nname,rate,lon,lat\nNorth,4.5,4.5,50.5\nSouth,7.25,5.5,50.5\n```\n\n";
const map = (yaml: string, before = SHAPES + TABLE) => {
  const markdown = before + plotBlock("id=m", `alt: A map.\n${yaml}`);
  return { markdown, result: compile(markdown, files) };
};
const codes = (yaml: string) => map(yaml).result.diagnostics.map((d) => d.code);

describe("map marks on data that is not shapes", () => {
  it("a geo mark drawing a plain table is an error at its data, naming the table", () => {
    const { markdown, result } = map("marks:\n  - geo: {data: rates, fill: rate}");
    expect(where(result.diagnostics)).toEqual([`map/mark-not-on-shapes ${positionOf(markdown, "rates", 2)}`]);
    expect(result.diagnostics[0]!.message).toContain('"rates" is not shapes');
    expect(result.diagnostics[0]!.hint).toContain("x: longitude");
  });

  it("a label placed at centroids of a plain table is the same error", () => {
    expect(codes("marks:\n  - geo: {data: regions}\n  - text: {data: rates, centroid: true, text: name}")).toEqual(["map/mark-not-on-shapes"]);
  });

  it("dots at longitude and latitude over shapes are fine", () => {
    expect(codes("marks:\n  - geo: {data: regions}\n  - dot: {data: rates, x: lon, y: lat}")).toEqual([]);
  });
});

describe("projections", () => {
  it("an unknown projection name is an error with the closest of Plot's names", () => {
    const { markdown, result } = map("projection: equalearth\nmarks:\n  - geo: {data: regions}");
    expect(where(result.diagnostics)).toEqual([`map/unknown-projection ${positionOf(markdown, "equalearth")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "equal-earth"?');
  });

  it("reads the type inside the projection's options too", () => {
    const { result } = map("projection: {type: Equal Earth}\nmarks:\n  - geo: {data: regions}");
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('Did you mean "equal-earth"?')]);
  });

  it("an option Plot's projection does not take is an unknown option, with a suggestion", () => {
    const { markdown, result } = map("projection: {type: conic-conformal, paralels: [10, 20]}\nmarks:\n  - geo: {data: regions}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-option ${positionOf(markdown, "paralels")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "parallels"?');
  });

  it("says plainly what rotate and parallels need", () => {
    const rotate = map("projection: {type: orthographic, rotate: 100}\nmarks:\n  - geo: {data: regions}").result.diagnostics;
    expect(rotate.map((d) => d.code)).toEqual(["plot/invalid-value"]);
    expect(rotate[0]!.message).toContain("a list of two or three numbers");
    const parallels = map("projection: {type: conic-equal-area, parallels: [30, 40, 50]}\nmarks:\n  - geo: {data: regions}").result.diagnostics;
    expect(parallels[0]!.message).toBe('"projection.parallels" expects a list of two latitudes in degrees, such as [29.5, 45.5], but is a list of 3.');
  });

  it("accepts every option Plot's projection takes", () => {
    const yaml = "projection: {type: conic-equal-area, domain: regions, rotate: [-5, 0], parallels: [49, 52], inset: 4, insetTop: 10, precision: 0.1, clip: frame}\nmarks:\n  - geo: {data: regions}";
    expect(codes(yaml)).toEqual([]);
  });

  it("a domain naming no data block is unknown data, with a suggestion", () => {
    const { markdown, result } = map("projection: {type: mercator, domain: region}\nmarks:\n  - geo: {data: regions}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-data ${positionOf(markdown, "region}")}`]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean "regions"?');
  });

  it("a domain naming a table that is not shapes is an error", () => {
    expect(codes("projection: {type: mercator, domain: rates}\nmarks:\n  - geo: {data: regions}")).toEqual(["map/domain-not-shapes"]);
  });
});

describe("dots and labels on shapes", () => {
  it("a text mark over shapes with no x, y or centroid is an error with the fix", () => {
    const { markdown, result } = map("marks:\n  - geo: {data: regions}\n  - text: {data: regions, text: name}");
    expect(where(result.diagnostics)).toEqual([`map/point-without-position ${positionOf(markdown, "text:")}`]);
    expect(result.diagnostics[0]!.hint).toContain("centroid: true");
  });

  it("with centroid: true the labels have their places", () => {
    expect(codes("marks:\n  - geo: {data: regions}\n  - text: {data: regions, centroid: true, text: name}")).toEqual([]);
    expect(codes("marks:\n  - geo: {data: regions}\n  - dot: {data: regions, geoCentroid: true, r: rate}")).toEqual([]);
  });
});

describe("geometry written by hand", () => {
  it("is an error at the option: Plotline gives map marks their shapes", () => {
    const { markdown, result } = map("marks:\n  - geo: {data: regions, geometry: name}");
    expect(where(result.diagnostics)).toEqual([`map/geometry-given ${positionOf(markdown, "geometry")}`]);
  });
});
