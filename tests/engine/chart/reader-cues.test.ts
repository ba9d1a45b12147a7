import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { labelWidth } from "../../../src/engine/chart/defaults/label-margins.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const chart = (data: string, yaml: string) =>
  compileStory(
    { path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=d\n${data}\n\`\`\`\n\n\`\`\`plot data=d\nalt: A.\n${yaml}\n\`\`\`\n` },
    { dataFiles: noFiles },
  ).charts[0]!;
const SERIES = "year,city,jobs\n2021,Beijing,1\n2022,Beijing,2\n2021,Shanghai,2\n2022,Shanghai,3";

describe("colour is not the only cue", () => {
  it("dots coloured by category also get a shape per category, and one legend shows both", () => {
    const c = chart(SERIES, "color: {legend: true}\nmarks:\n  - dot: {x: year, y: jobs, fill: city}");
    expect(c.spec.marks[0]!.options["symbol"]).toBe("city");
    expect(c.spec.options["symbol"]).toEqual({ legend: true });
    expect(c.chartMarkup).toMatch(/<path d="M[^"]*"[^>]*\/>[\s\S]*Beijing/);
  });
  it("lines coloured by category get their names at their ends, with room on the right", () => {
    const c = chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs, stroke: city}");
    expect(c.spec.marks.map((m) => m.mark)).toEqual(["lineY", "text"]);
    expect(c.spec.options["marginRight"]).toBeGreaterThanOrEqual(Math.ceil(labelWidth("Shanghai")));
    expect(c.chartMarkup).toMatch(/data-label="text"[\s\S]*>Beijing<\/text>[\s\S]*>Shanghai<\/text>/);
  });
  it("leaves the editor's own symbols, and single-series lines, alone", () => {
    expect(chart(SERIES, "marks:\n  - dot: {x: year, y: jobs, fill: city, symbol: circle}").spec.marks[0]!.options["symbol"]).toBe("circle");
    expect(chart(SERIES, "marks:\n  - lineY: {x: year, y: jobs}").spec.marks).toHaveLength(1);
  });
});

describe("room for category labels", () => {
  it("widens the left margin for long labels, counting Chinese characters as full width", () => {
    const c = chart("job,pay\nAIGC产品经理与运营专家,90\n图像识别,100", "marks:\n  - barX: {y: job, x: pay}");
    expect(labelWidth("图像识别")).toBe(40);
    expect(c.spec.options["marginLeft"]).toBe(Math.ceil(labelWidth("AIGC产品经理与运营专家") + 15));
  });
  it("keeps Plot's margin for short labels and the editor's margin always", () => {
    expect(chart("job,pay\nA,1", "marks:\n  - barX: {y: job, x: pay}").spec.options["marginLeft"]).toBeUndefined();
    expect(chart("job,pay\nAIGC产品经理与运营专家,90", "marginLeft: 60\nmarks:\n  - barX: {y: job, x: pay}").spec.options["marginLeft"]).toBe(60);
  });
});
