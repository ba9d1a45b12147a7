import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { frameworkPage } from "../../bench/framework.ts";
import { generateCorpus, type GeneratedStory } from "../../bench/generate-corpus.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function treeHash(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest("hex");
}

describe("the benchmark corpus as Framework pages", () => {
  it("hands each story over as data without changing the files written", () => {
    const [plain, withStories] = [mkdtempSync(join(tmpdir(), "plotline-corpus-")), mkdtempSync(join(tmpdir(), "plotline-corpus-"))];
    roots.push(plain, withStories);
    generateCorpus(plain, 4);
    const stories: GeneratedStory[] = [];
    generateCorpus(withStories, 4, undefined, (story) => stories.push(story));
    expect(treeHash(withStories)).toBe(treeHash(plain));
    expect(stories.map((s) => [s.slug, s.lang, s.blocks.map((b) => b.kind).join(" ")])).toEqual([
      ["story-00001", "en", "bar line dot area group"],
      ["story-00002", "zh-CN", "bar line dot area group"],
      ["story-00003", "en", "bar line dot area group"],
      ["story-00004", "zh-CN", "bar line dot area group"],
    ]);
    // The prose and the tables are the story's: every paragraph is in the Markdown, and a file's
    // table is the file.
    const markdown = readFileSync(join(plain, "content", "stories", "story-00002.md"), "utf8");
    for (const paragraph of stories[1]!.paragraphs) expect(markdown).toContain(paragraph);
    expect(stories[1]!.blocks[1]!.csv).toBe(readFileSync(join(plain, "data", "story-00002-series.csv"), "utf8"));
  });

  it("writes a page with one CSV attachment and one Plot chart per block, Plot from node_modules", () => {
    const root = mkdtempSync(join(tmpdir(), "plotline-corpus-"));
    roots.push(root);
    let story: GeneratedStory | undefined;
    generateCorpus(root, 1, undefined, (s) => (story = s));
    const { markdown, files } = frameworkPage(story!);
    expect(files.map((f) => f.name)).toEqual(["cities.csv", "series.csv", "people.csv", "mix.csv", "events.csv"]);
    expect(files.every((f) => /^[a-z]+(,[a-z]+)+\n/.test(f.text))).toBe(true);
    expect(markdown).toContain('import * as Plot from "@observablehq/plot";');
    expect(markdown).not.toContain("npm:");
    expect(markdown.match(/FileAttachment\("\w+\.csv"\)\.csv\(\{typed: true\}\)/g)).toHaveLength(5);
    expect(markdown.match(/^Plot\.plot\(\{$/gm)).toHaveLength(5);
    expect(markdown).toContain('Plot.barX(cities, {y: "city", x: "value", sort: {y: "-x"}, tip: true})');
    expect(markdown).toContain('Plot.barY(events, Plot.groupX({y: "count"}, {x: "year", fill: "sector", tip: true}))');
  });
});
