import { describe, expect, it } from "vitest";
import { compile, plotBlock, where } from "./helpers.ts";

const PENGUINS = "```data id=penguins\nspecies,island,flipper,mass\nAdelie,Dream,181,3750\nAdelie,Biscoe,NaN,NaN\nGentoo,Biscoe,217,4900\nChinstrap,Dream,195,3700\n```\n\n";

describe("a top-level facet with its own data", () => {
  it("draws one panel per value from the block's rows", () => {
    const story = compile(
      PENGUINS + plotBlock("data=penguins", "facet: {data: penguins, y: island}\nmarks:\n  - dot: {x: flipper, y: mass}"),
    );
    // The row of NaN is left out, and said so (missing-values, rows-not-drawn): not what this test is about.
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values" && d.code !== "plot/rows-not-drawn"))).toEqual([]);
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
