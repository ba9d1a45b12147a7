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
    const { transformCalls } = await import("../../../src/engine/chart/plot-calls.ts");
    expect(Object.keys(marks).sort()).toEqual(Object.keys(transformCalls).sort());
  });
  it.each(Object.entries(marks))("%s", (_, mark) => {
    const story = compile(GAPS + plotBlock("data=g", `marks:\n  - ${mark}`));
    expect(where(story.diagnostics.filter((d) => d.code !== "data/missing-values"))).toEqual([]);
    expect(story.charts).toHaveLength(1);
  });
});

describe("d3-format specifiers wherever Plot takes a format", () => {
  const SALES = "```data id=sales\nmonth,amount\n2025-01,1234.5\n2025-02,2345.25\n```\n\n";
  const chart = (yaml: string) => compile(SALES + plotBlock("data=sales", yaml));
  it.each([
    ["a mark's tip", 'marks:\n  - dot: {x: month, y: amount, tip: {format: {y: "$,.2f"}}}'],
    ["the tip mark", 'marks:\n  - tip: {x: month, y: amount, format: {y: "$,.2f", x: "%b %Y"}}'],
    ["a tip mark with a pointer", 'marks:\n  - tip: {x: month, y: amount, pointerX: true, format: {y: "$,.2f"}}'],
    ["an axis tickFormat", 'y: {tickFormat: "$,.2f"}\nmarks:\n  - dot: {x: month, y: amount}'],
    ["an axis mark's tickFormat", 'marks:\n  - dot: {x: month, y: amount}\n  - axisY: {tickFormat: "$,.2f"}'],
    ["a text mark's format", 'marks:\n  - text: {x: month, y: amount, text: amount, format: "$,.2f"}'],
  ])("%s accepts $,.2f", (_, yaml) => {
    const story = chart(yaml);
    expect(where(story.diagnostics)).toEqual([]);
    expect(story.charts).toHaveLength(1);
  });
  it("the tip mark's format also hides a channel with false or null, as Plot's does", () => {
    expect(where(chart("marks:\n  - tip: {x: month, y: amount, format: {x: false, y: null}}").diagnostics)).toEqual([]);
  });
  it("an invalid specifier in a tip mark's format is reported at it", () => {
    const story = chart('marks:\n  - tip: {x: month, y: amount, format: {y: "$,.2q"}}');
    expect(where(story.diagnostics)).toEqual(["plot/invalid-format 15:44"]);
    expect(story.diagnostics[0]!.message).toContain('"$,.2q" of "format.y"');
  });
  it("a tip mark's format that is neither a set of formats nor a format is an invalid value", () => {
    expect(where(chart("marks:\n  - tip: {x: month, y: amount, format: 3}").diagnostics)).toEqual(["plot/invalid-value 15:40"]);
  });
});
