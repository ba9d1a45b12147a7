import { expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const story = (lang: string, yaml: string) =>
  compileStory(
    {
      path: "content/stories/t.md",
      text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=cities\ncity,share\nBeijing,0.333\nShenzhen,0.16\nHangzhou,0.2\n\`\`\`\n\n\`\`\`plot data=cities\n${yaml}\n\`\`\`\n`,
    },
    { dataFiles: noFiles },
  );

it("a chart without alt gets a generated description of its kind, title and extremes, and the editor a warning at the fence", () => {
  const result = story("en", "title: Talent by city\nx: {percent: true}\nmarks:\n  - barX: {y: city, x: share}");
  expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["plot/missing-alt warning 15:1"]);
  const generated = "Bar chart: Talent by city. Highest: Beijing (33.3%); lowest: Shenzhen (16%).";
  expect(result.diagnostics[0]!.message).toContain(generated);
  expect(result.charts[0]!.chartMarkup).toContain(`aria-label="${generated}"`);
  expect(result.ok).toBe(true);
});

it("describes a Chinese story's chart in Chinese", () => {
  const result = story("zh-CN", "title: 各城市人才占比\nmarks:\n  - barX: {y: city, x: share}");
  expect(result.charts[0]!.spec.figure.alt).toBe("条形图：各城市人才占比。最高：Beijing（0.33）；最低：Shenzhen（0.16）。");
});

it("a chart with alt is not warned about and keeps the editor's words", () => {
  const result = story("en", "title: Where the jobs are\nalt: Beijing leads.\nmarks:\n  - barX: {y: city, x: share}");
  expect(result.diagnostics).toEqual([]);
  expect(result.charts[0]!.chartMarkup).toContain('aria-label="Beijing leads."');
});
