import { describe, expect, it } from "vitest";
import { compile, plotBlock, where } from "./helpers.ts";

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
