import { describe, expect, it } from "vitest";
import { compile, plotBlock, where } from "./helpers.ts";

const PENGUINS = "```data id=penguins\nspecies,island,flipper,mass\nAdelie,Dream,181,3750\nAdelie,Biscoe,NaN,NaN\nGentoo,Biscoe,217,4900\nChinstrap,Dream,195,3700\n```\n\n";
const ISLANDS = "```data id=islands\nisland\nDream\nBiscoe\n```\n\n";

describe("a top-level facet with its own data", () => {
  it("draws one panel per value from the block's rows", () => {
    const story = compile(
      PENGUINS + ISLANDS + plotBlock("data=penguins", "facet: {data: penguins, y: island}\nmarks:\n  - dot: {x: flipper, y: mass}"),
    );
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values"))).toEqual([]);
    const svg = story.charts[0]!.chartMarkup;
    expect(svg).toContain("Dream");
    expect(svg).toContain("Biscoe");
    // The browser gets the facet's column too, to draw the same panels again.
    expect(story.charts[0]!.html).toContain('"island"');
  });
  it("an unknown id is reported at it, with the nearest block's id", () => {
    const story = compile(PENGUINS + plotBlock("data=penguins", "facet: {data: penguin, y: island}\nmarks:\n  - dot: {x: flipper, y: mass}"));
    const problems = story.diagnostics.filter((d) => d.code !== "data/missing-values");
    expect(where(problems)).toEqual(["plot/unknown-data 16:15"]);
    expect(problems[0]!.message).toContain('Did you mean "penguins"?');
    expect(story.charts).toEqual([]);
  });
  it("x and y must be columns of the facet's data", () => {
    const story = compile(PENGUINS + plotBlock("data=penguins", "facet: {data: penguins, y: iland, x: species}\nmarks:\n  - dot: {x: flipper, y: mass}"));
    const problems = story.diagnostics.filter((d) => d.code !== "data/missing-values");
    expect(where(problems)).toEqual(["plot/unknown-column 16:28"]);
    expect(problems[0]!.message).toContain('Did you mean "island"?');
  });
  it("data that is not an id is an invalid value", () => {
    const story = compile(PENGUINS + plotBlock("data=penguins", "facet: {data: 3, y: island}\nmarks:\n  - dot: {x: flipper, y: mass}"));
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values"))).toEqual(["plot/invalid-value 16:15"]);
  });
});

describe("z on marks whose transform splits series by it", () => {
  const SERIES = "```data id=s\nday,value,city\n1,10,A\n2,20,A\n3,30,A\n1,5,B\n2,15,B\n3,45,B\n```\n\n";
  const chart = (mark: string) => compile(SERIES + plotBlock("data=s", `marks:\n  - ${mark}`));
  it.each([
    ["dot", "dot: {x: day, y: value, z: city, normalizeY: first}"],
    ["tickY", "tickY: {x: day, y: value, z: city, windowY: {k: 2}}"],
    ["text", "text: {x: day, y: value, text: city, z: city, normalizeY: sum}"],
    ["ruleX", "ruleX: {x: value, y: day, z: city, normalizeX: max}"],
    ["cell", "cell: {x: day, y: city, fill: value, z: city, groupX: {fill: sum}}"],
    ["dot with shiftX", "dot: {x: day, y: value, z: city, shiftX: 1}"],
  ])("%s takes z with a transform that splits series by it", (_, mark) => {
    const withZ = chart(mark);
    expect(where(withZ.diagnostics)).toEqual([]);
    expect(withZ.charts).toHaveLength(1);
  });
  it("normalizing per series draws other positions than normalizing all rows together", () => {
    const withZ = chart("dot: {x: day, y: value, z: city, normalizeY: first}").charts[0]!.chartMarkup;
    const withoutZ = chart("dot: {x: day, y: value, normalizeY: first}").charts[0]!.chartMarkup;
    expect(withZ).not.toBe(withoutZ);
  });
  it("a mark whose transforms do not read z still refuses it", () => {
    const story = chart("dot: {x: day, y: value, z: city}");
    expect(story.diagnostics.map((d) => d.code)).toEqual(["plot/unknown-option"]);
  });
});
