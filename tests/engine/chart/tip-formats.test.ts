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
  it("formats per channel on a text mark's format say where such formats go", () => {
    const story = chart('marks:\n  - text: {x: month, y: amount, text: amount, format: {y: "$,.2f"}}');
    expect(where(story.diagnostics)).toEqual(["plot/invalid-value 15:55"]);
    expect(story.diagnostics[0]!.message).toContain('tip: {format: {y: "$,.2f"}}');
    expect(story.diagnostics[0]!.message).not.toContain("a word");
  });
  it("a mark's tip given one format, or a number for a channel, says what a tip's format may be", () => {
    const one = chart('marks:\n  - dot: {x: month, y: amount, tip: {format: "$,.2f"}}');
    expect(where(one.diagnostics)).toEqual(["plot/invalid-value 15:46"]);
    expect(one.diagnostics[0]!.message).toContain('a format for each channel, such as {y: "$,.2f"}');
    const number = chart("marks:\n  - dot: {x: month, y: amount, tip: {format: {y: 2}}}");
    expect(number.diagnostics[0]!.message).toContain("true to show the channel as usual, or false to hide it");
  });
  it("format: on a mark other than text points to the tip", () => {
    const story = chart('marks:\n  - dot: {x: month, y: amount, tip: true, format: {y: "$,.2f"}}');
    expect(story.diagnostics.map((d) => d.message)).toEqual(['"format" is not an option of the mark dot. Formats of a tip go inside it: tip: {format: {y: "$,.2f"}}.']);
  });
});

describe("a comma inside { } in an unquoted text", () => {
  const SALES = "```data id=sales\nmonth,amount\n2025-01,1234.5\n```\n\n";
  it("is reported at the text, asking for quotes, not as an unknown option", () => {
    const story = compile(SALES + plotBlock("data=sales", "y: {label: Deaths per 1,000 a year, grid: true}\nmarks:\n  - lineY: {x: month, y: amount}"));
    expect(where(story.diagnostics)).toEqual(["plot/comma-in-text 13:12"]);
    expect(story.diagnostics[0]!.hint).toBe('Put the text in double quotes: label: "Deaths per 1,000 a year".');
  });
  it("leaves quoted texts and texts in block style alone", () => {
    expect(where(compile(SALES + plotBlock("data=sales", 'y: {label: "Deaths per 1,000 a year"}\nmarks:\n  - lineY: {x: month, y: amount}')).diagnostics)).toEqual([]);
    expect(where(compile(SALES + plotBlock("data=sales", "y:\n  label: Deaths per 1,000 a year\nmarks:\n  - lineY: {x: month, y: amount}")).diagnostics)).toEqual([]);
  });
});
