import { describe, expect, it } from "vitest";
import { compile, plotBlock, where } from "./helpers.ts";

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
