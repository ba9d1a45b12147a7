import { describe, expect, it } from "vitest";
import { compile, plotBlock, where } from "./helpers.ts";

const PENGUINS = "```data id=penguins\nspecies,island,flipper,mass\nAdelie,Dream,181,3750\nAdelie,Biscoe,NaN,NaN\nGentoo,Biscoe,217,4900\nChinstrap,Dream,195,3700\n```\n\n";

describe("missing values never crash a transform", () => {
  const HEX = "marks:\n  - dot: {x: flipper, y: mass, hexbin: {fill: count}}";
  it("a hexbin over columns with missing cells draws, leaving those rows out", () => {
    const story = compile(PENGUINS + plotBlock("data=penguins", HEX));
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values"))).toEqual([]);
    expect(story.charts).toHaveLength(1);
  });
  it("a hexbin over a text column (NaN kept as text with missing=\"\") is a diagnostic, not a crash", () => {
    const story = compile(PENGUINS.replace("```data id=penguins", '```data id=penguins missing=""') + plotBlock("data=penguins", HEX));
    expect(where(story.diagnostics.filter((d) => d.severity === "error"))).toEqual(["plot/needs-numbers 17:14", "plot/needs-numbers 17:26"]);
    const [first] = story.diagnostics.filter((d) => d.code === "plot/needs-numbers");
    expect(first!.message).toBe('hexbin needs numbers or dates on x, but the column "flipper" of data "penguins" holds text.');
    expect(story.diagnostics.map((d) => d.message).join(" ")).not.toContain("is not a function");
  });
});

describe("every transform draws over columns with missing cells", () => {
  // Numbers, dates and text with gaps: an empty cell, and NaN, NA and null read as missing.
  const GAPS =
    "```data id=g\nday,value,other,city\n2025-01-01,10,1,A\n2025-01-02,NaN,2,A\n,20,NA,B\n2025-01-04,null,4,\n2025-01-05,30,5,B\n```\n\n";
  const marks: Record<string, string> = {
    group: "dot: {x: city, y: city, group: {r: count}}",
    groupX: "barY: {x: city, groupX: {y: count}}",
    groupY: "barX: {y: city, groupY: {x: sum}, x: value}",
    groupZ: "barX: {x: value, groupZ: {x: sum}, fill: city}",
    bin: "rect: {x: value, y: other, bin: {fill: count}}",
    binX: "rectY: {x: value, binX: {y: count}}",
    binY: "rectX: {y: day, binY: {x: count}}",
    hexbin: "dot: {x: value, y: other, hexbin: {fill: count}}",
    stackX: "barX: {x: value, y: city, stackX: true}",
    stackX1: "dot: {x: value, y: city, stackX1: true}",
    stackX2: "dot: {x: value, y: city, stackX2: true}",
    stackY: "areaY: {x: day, y: value, stackY: true, fill: city}",
    stackY1: "dot: {y: value, x: city, stackY1: true}",
    stackY2: "dot: {y: value, x: city, stackY2: true}",
    normalizeX: "dot: {x: value, y: city, normalizeX: first}",
    normalizeY: "lineY: {x: day, y: value, normalizeY: first}",
    windowX: "dot: {x: value, y: other, windowX: {k: 2}}",
    windowY: "lineY: {x: day, y: value, windowY: {k: 2}}",
    mapX: "dot: {x: value, y: other, mapX: cumsum}",
    mapY: "lineY: {x: day, y: value, mapY: rank}",
    dodgeX: "dot: {y: value, dodgeX: true}",
    dodgeY: "dot: {x: day, dodgeY: true}",
    shiftX: "lineY: {x: day, y: value, shiftX: 1 day}",
    shiftY: "dot: {x: other, y: value, shiftY: 1}",
    select: "dot: {x: day, y: value, select: last}",
    selectFirst: "dot: {x: day, y: value, selectFirst: true}",
    selectLast: "text: {x: day, y: value, text: city, selectLast: true}",
    selectMinX: "dot: {x: value, y: other, selectMinX: true}",
    selectMinY: "dot: {x: day, y: value, selectMinY: true}",
    selectMaxX: "dot: {x: value, y: other, selectMaxX: true}",
    selectMaxY: "dot: {x: day, y: value, selectMaxY: true}",
    pointer: "dot: {x: value, y: other, pointer: true}",
    pointerX: "ruleX: {x: day, pointerX: true}",
    pointerY: "ruleY: {y: value, pointerY: true}",
  };
  it("covers every transform", async () => {
    const { transformCalls } = await import("../../../src/engine/chart/spec/plot-calls.ts");
    // centroid and geoCentroid place marks at shapes' centres: tables of shapes have no missing cells to test (tests/engine/geo).
    const shapeTransforms = new Set(["centroid", "geoCentroid"]);
    expect(Object.keys(marks).sort()).toEqual(Object.keys(transformCalls).filter((name) => !shapeTransforms.has(name)).sort());
  });
  it.each(Object.entries(marks))("%s", (_, mark) => {
    const story = compile(GAPS + plotBlock("data=g", `marks:\n  - ${mark}`));
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values"))).toEqual([]);
    expect(story.charts).toHaveLength(1);
  });
});
