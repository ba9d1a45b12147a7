import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileStory } from "../../src/engine/compile-story.ts";
import type { DataFileSource } from "../../src/engine/data/data-file-source.ts";
import { repoRoot } from "../support/temp-project.ts";

const noFiles: DataFileSource = { displayRoot: "data", read: () => undefined, list: () => [] };

it("the complete example in the README compiles without a single diagnostic and draws its chart", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### A complete example"));
  const example = /````markdown\n([\s\S]*?)\n````/.exec(section)?.[1];
  expect(example).toBeDefined();
  const story = compileStory({ path: "content/stories/example.md", text: example! }, { dataFiles: noFiles });
  expect(story.diagnostics).toEqual([]);
  expect(story.charts).toHaveLength(1);
  expect(story.charts[0]!.chartMarkup).toContain(">50%<");
});
