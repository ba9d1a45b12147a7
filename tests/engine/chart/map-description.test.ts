/**
 * The text alternative generated for a map without alt (publish/describe-map.ts): how many shapes, what
 * colours them, the highest and the lowest by name, in the story's language.
 */
import { describe, expect, it } from "vitest";
import { plotBlock } from "./helpers.ts";
import { compileIn, REGIONS_BLOCK } from "./map-helpers.ts";

const altOf = (lang: string, yaml: string, data = REGIONS_BLOCK) => compileIn(lang, data + plotBlock("id=m", yaml)).charts[0]!.spec.figure.alt;

describe("a map's generated description", () => {
  it("says how many shapes, what colours them, and names the highest and the lowest", () => {
    expect(altOf("en", "marks:\n  - geo: {data: regions, fill: rate}")).toBe("Map of 4 areas coloured by rate: highest Sudland (13.3), lowest Ostmark (2.6).");
  });

  it("follows the title, and describes the map even behind a sphere and a graticule", () => {
    expect(altOf("en", "title: Unemployment\nmarks:\n  - sphere\n  - graticule\n  - geo: {data: regions, fill: rate}")).toBe(
      "Map: Unemployment. 4 areas coloured by rate: highest Sudland (13.3), lowest Ostmark (2.6).",
    );
  });

  it("is in Chinese for a Chinese story", () => {
    expect(altOf("zh-CN", "marks:\n  - geo: {data: regions, fill: rate}")).toBe("4个地区的地图，按rate着色：最高Sudland（13.3），最低Ostmark（2.6）。");
    expect(altOf("zh-CN", "title: 失业率\nmarks:\n  - geo: {data: regions, fill: rate}")).toBe("地图：失业率。4个地区按rate着色：最高Sudland（13.3），最低Ostmark（2.6）。");
  });

  it("calls a base map's shapes by what they are, and names countries in Chinese in a Chinese story", () => {
    const world = "```data id=world basemap=world/countries\n```\n\n";
    expect(altOf("en", "marks:\n  - geo: {data: world}", world)).toMatch(/^Map of 1\d\d countries\.$/);
    const states = "```data id=states basemap=us/states\n```\n\n";
    expect(altOf("en", "marks:\n  - geo: {data: states, fill: postal}", states)).toMatch(/^Map of 5\d states coloured by postal\.$/);
    expect(altOf("zh-CN", "marks:\n  - geo: {data: world}", world)).toMatch(/^1\d\d个国家和地区的地图。$/);
  });
});

describe("a map's description over a join that left gaps", () => {
  it("counts the shapes with a value apart, and writes values as the legend does", () => {
    const rates = "```data id=rates\ncode,share\nESP,0.114\nFRA,0.073\n```\n\n```data id=countries basemap=world/countries join=rates on=\"iso3 = code\"\n```\n\n";
    const story = compileIn("en", rates + plotBlock("id=m data=countries", "projection: equal-earth\ncolor: {tickFormat: \".0%\"}\nmarks:\n  - geo: {fill: share}"));
    expect(story.charts[0]!.spec.figure.alt).toBe("Map of 177 countries, 2 of them coloured by share: highest Spain (11%), lowest France (7%).");
  });
});
