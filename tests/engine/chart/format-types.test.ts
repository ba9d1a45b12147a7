import { expect, it } from "vitest";
import { compile, located } from "./helpers.ts";

const SURVEY = "```data id=survey\nedition,share,month\n2023,33.3%,2023-01\n2024,41.5%,2024-01\n```\n\n";
const chart = (body: string) => `${SURVEY}\`\`\`plot data=survey id=survey\nalt: Shares.\n${body}\n\`\`\`\n`;
const problems = (markdown: string) => {
  const { diagnostics } = compile(markdown);
  return located(diagnostics).map((d) => d.replace(/ \S+:(\d+:\d+)$/, " $1"));
};

it("a date format on a text mark's column of numbers says the format is for dates and the column holds numbers", () => {
  const markdown = chart("marks:\n  - text: {x: edition, y: share, text: edition, format: \"%Y\"}");
  expect(problems(markdown)).toEqual(["plot/format-mismatch 16:57"]);
  const [d] = compile(markdown).diagnostics;
  expect(d!.message).toBe('The format "%Y" of "format" writes dates, but the column "edition" holds numbers.');
  expect(d!.hint).toContain('types="edition:date"');
});

it("a number format on an axis of dates, and a date format on an axis of numbers, are reported at the tickFormat", () => {
  expect(problems(chart('x: {tickFormat: ".0%"}\nmarks:\n  - dot: {x: month, y: share}'))).toEqual(["plot/format-mismatch 15:17"]);
  expect(problems(chart('y: {tickFormat: "%Y"}\nmarks:\n  - dot: {x: month, y: share}'))).toEqual(["plot/format-mismatch 15:17"]);
});

it("accepts formats that suit their values, and axes whose values come from a transform", () => {
  expect(problems(chart('x: {tickFormat: "%b %Y"}\ny: {tickFormat: ".0%"}\nmarks:\n  - dot: {x: month, y: share}\n  - text: {x: month, y: share, text: share, format: ".1%"}'))).toEqual([]);
  expect(problems(chart('y: {tickFormat: "%Y"}\nmarks:\n  - barY: {x: month, groupX: {y: count}}'))).toEqual([]);
});
