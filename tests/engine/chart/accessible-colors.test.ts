import { describe, expect, it } from "vitest";
import { categoricalPalette } from "../../../src/engine/chart/defaults/accessible-colors.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe("the default colours for categories", () => {
  it.each([...categoricalPalette])("%s has 3:1 contrast against the light and the dark page", (color) => {
    expect(contrast(color, "#fdfdfc")).toBeGreaterThanOrEqual(3);
    expect(contrast(color, "#141414")).toBeGreaterThanOrEqual(3);
  });

  const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
  const chart = (spec: string) =>
    compileStory(
      { path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=d\nkind,value,score\na,1,0.1\nb,2,0.5\n\`\`\`\n\n\`\`\`plot data=d\n${spec}\n\`\`\`\n` },
      { dataFiles: noFiles },
    ).charts[0]!;

  it("are given to a chart coloured by a text column", () => {
    expect(chart("marks:\n  - barY: {x: kind, y: value, fill: kind}").spec.options["color"]).toEqual({ range: [...categoricalPalette] });
  });
  it("keep the editor's other colour options, such as a legend", () => {
    expect(chart("color: {legend: true}\nmarks:\n  - barY: {x: kind, y: value, fill: kind}").spec.options["color"]).toEqual({ legend: true, range: [...categoricalPalette] });
  });
  it("never replace colours the editor chose, nor apply to numbers or constant colours", () => {
    expect(chart("color: {scheme: blues}\nmarks:\n  - barY: {x: kind, y: value, fill: kind}").spec.options["color"]).toEqual({ scheme: "blues" });
    expect(chart("marks:\n  - dot: {x: value, y: value, fill: score}").spec.options["color"]).toBeUndefined();
    expect(chart("marks:\n  - barY: {x: kind, y: value, fill: steelblue}").spec.options["color"]).toBeUndefined();
  });
});
