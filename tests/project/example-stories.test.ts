import { expect, it } from "vitest";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { repoRoot } from "../support/temp-project.ts";

const project = compileProject(repoRoot);

it("the example site's stories compile without a single error or warning", () => {
  expect(project.diagnostics.map((d) => `${d.span.file}:${d.span.start.line} ${d.code} ${d.message}`)).toEqual([]);
});

it("there is an English and a Chinese example story", () => {
  expect(project.stories.map((s) => s.frontmatter?.lang).sort()).toEqual(["en", "zh-CN"]);
});

it.each(project.stories.map((s) => [s.slug, s] as const))("%s has at least four charts of at least three kinds, each with alt text and a source", (_, story) => {
  expect(story.charts.length).toBeGreaterThanOrEqual(4);
  const kinds = new Set(story.charts.flatMap((c) => c.spec.marks.map((m) => m.mark.replace(/[XY]$/, "")).filter((m) => !/^rule|^text/.test(m))));
  expect(kinds.size).toBeGreaterThanOrEqual(3);
  for (const chart of story.charts) {
    expect(chart.spec.figure.alt, chart.id).toBeTruthy();
    expect(chart.spec.figure.source, chart.id).toBeTruthy();
  }
});
