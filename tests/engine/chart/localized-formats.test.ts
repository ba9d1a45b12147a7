import { expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const chart = (lang: string, yaml: string) =>
  compileStory(
    {
      path: "content/stories/t.md",
      text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\nlang: ${lang}\n---\n\n\`\`\`data id=pay\nmonth,salary\n2025-01,500000\n2025-02,520000\n2025-03,510000\n\`\`\`\n\n\`\`\`plot data=pay\nalt: A.\n${yaml}\n\`\`\`\n`,
    },
    { dataFiles: noFiles },
  ).charts[0]!.chartMarkup;

it("reads a chart's string formats in the story's language: ¥ and Chinese month names in Chinese stories", () => {
  const zh = chart("zh-CN", 'x: {tickFormat: "%b"}\ny: {tickFormat: "$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}');
  expect(zh).toContain(">¥500,000<");
  expect(zh).toContain(">2月<");
  const en = chart("en", 'x: {tickFormat: "%b"}\ny: {tickFormat: "$,.0f"}\nmarks:\n  - lineY: {x: month, y: salary}');
  expect(en).toContain(">$500,000<");
  expect(en).toContain(">Feb<");
});

it("formats text-mark labels in the story's language too", () => {
  expect(chart("zh-CN", 'marks:\n  - text: {x: month, y: salary, text: salary, format: "$,.0f"}')).toContain(">¥520,000<");
});

it("reads plain values on a date axis as dates: ruleX: [2020] marks the year 2020, not 1970", () => {
  const markup = compileStory(
    {
      path: "content/stories/t.md",
      text: "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n```data id=s\nyear,n\n2010,1\n2030,3\n```\n\n```plot data=s\nalt: A.\nmarks:\n  - lineY: {x: year, y: n}\n  - ruleX: [2020]\n```\n",
    },
    { dataFiles: noFiles },
  ).charts[0]!.chartMarkup;
  const rule = /data-label="rule"[^>]*>\s*<line[^>]*x1="([\d.]+)"/.exec(markup);
  expect(rule).not.toBeNull();
  // 2020 sits halfway between 2010 and 2030 on a 640 px chart with 20 px margins on either side.
  expect(Number(rule![1])).toBeCloseTo(330, 0);
});
