import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { memoryFiles, story } from "./helpers.ts";

const compile = (markdown: string, files = memoryFiles()) => compileStory({ path: "content/stories/jobs.md", text: story(markdown) }, { dataFiles: files });

describe("data blocks in a compiled story", () => {
  it("a block marked show becomes a table in the page, its values escaped", () => {
    const result = compile("Intro.\n\n```data id=cities show\ncity,share\n<b>Beijing</b>,22.5%\n```\n\nAfter.\n");
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toContain('<div id="data-cities" class="plotline-table" role="region" aria-label="Data table cities" tabindex="0"');
    expect(result.html).toContain("&#x3C;b>Beijing&#x3C;/b>");
    expect(result.html).toContain(">22.5%</td>");
    expect(result.ok).toBe(true);
  });
  it("a block without show leaves nothing in the page", () => {
    const result = compile("Intro.\n\n```data id=cities\ncity\nBeijing\n```\n");
    expect(result.html).not.toContain("Beijing");
  });
  it("a story lists the data files it reads, and their problems point into them", () => {
    const files = memoryFiles({ "jobs/cities.csv": "city,share\nBeijing\n" });
    const result = compile('```data id=cities src="jobs/cities.csv"\n```\n', files);
    expect(result.dataFiles).toEqual(["jobs/cities.csv"]);
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}:${d.span.start.column}`)).toEqual([
      "data/ragged-row data/jobs/cities.csv:2:1",
    ]);
    expect(result.ok).toBe(false);
  });
  it("CRLF line ends in a story read the same as LF", () => {
    const text = story("```data id=t show\ncity,n\nA,1\n```\n");
    const lf = compileStory({ path: "content/stories/a.md", text }, { dataFiles: memoryFiles() });
    const crlf = compileStory({ path: "content/stories/a.md", text: `\uFEFF${text.replace(/\n/g, "\r\n")}` }, { dataFiles: memoryFiles() });
    expect(crlf.html).toBe(lf.html);
    expect(crlf.diagnostics).toEqual([]);
  });
  it("a warning does not fail the build", () => {
    const result = compile("```data id=t\nn\n1\n2\n3\nNA\n```\n");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["data/missing-values"]);
    expect(result.ok).toBe(true);
  });
});

it("a shown data block carries its title as the table's caption and its source below it", () => {
  const result = compile('```data id=cities show title="Talent by city" source="Maimai, 2023"\ncity,share\nBeijing,33%\n```\n');
  expect(result.html).toContain("<table><caption>Talent by city</caption><thead>");
  expect(result.html).toContain('</div><p class="plotline-source plotline-table-source"><span class="plotline-label">Source: </span>Maimai, 2023</p>');
});
