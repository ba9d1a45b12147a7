/**
 * Golden SVGs are compared after normalizeSvg, which rounds every decimal number in the markup, text
 * included: "7.0%" is stored as "7%" and "+0.0" as "+0". These tests check, on two golden fixtures, the
 * formatted labels that the golden comparison cannot see.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";
import { markGroup } from "./helpers.ts";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");
function fixture(name: string) {
  const dir = join(fixtures, name);
  const story = compileStory({ path: `content/stories/${name}.md`, text: readFileSync(join(dir, "input.md"), "utf8") }, { dataFiles: nodeDataFiles(join(dir, "data")) });
  expect(story.diagnostics).toEqual([]);
  return story;
}
const texts = (markup: string) => [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("formatted labels in golden fixtures", () => {
  it('text marks with format ".1%" keep their decimal: 7.0%, not 7%', () => {
    const chart = fixture("chart-bar-labels").charts[0]!;
    expect(texts(markGroup(chart.chartMarkup, "text")).sort()).toEqual(["12.7%", "2.8%", "7.0%", "7.5%", "8.2%"]);
  });
  it('a tickFormat of "+.1f" writes +0.0, +0.1 … on the axis', () => {
    const chart = fixture("chart-line-monthly").charts[0]!;
    const labels = texts(markGroup(chart.chartMarkup, "y-axis tick label"));
    expect(labels.slice(0, 3)).toEqual(["+0.0", "+0.1", "+0.2"]);
    expect(labels).toContain("+1.0");
  });
  it("a Chinese story's bars are labelled with the summed units", () => {
    const chart = fixture("chart-zh-cn").charts[0]!;
    expect(texts(markGroup(chart.chartMarkup, "text")).sort()).toEqual(["10", "20", "4", "9"]);
    expect(texts(markGroup(chart.chartMarkup, "y-axis tick label"))).toEqual(["苹果", "葡萄", "橙子", "香蕉"]);
  });
});
