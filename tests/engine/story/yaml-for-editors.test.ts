import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { explainYamlError } from "../../../src/engine/story/explain-yaml-error.ts";
import { quoteProseValues } from "../../../src/engine/story/quote-prose-values.ts";

const problem = (text: string) => {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  expect(doc.errors.length).toBeGreaterThan(0);
  const p = explainYamlError(doc.errors[0]!, text);
  return { ...p, at: text.slice(p.start, p.end) };
};

describe("quoteProseValues", () => {
  it("takes a title with a colon as the whole rest of the line", () => {
    const yaml = quoteProseValues("title: Analysis: why AI jobs pay\nmarks: []", ["title"]);
    expect(parseDocument(yaml).toJS()).toEqual({ title: "Analysis: why AI jobs pay", marks: [] });
  });
  it("keeps a hash in a note instead of reading it as a comment", () => {
    expect(parseDocument(quoteProseValues("note: Ranked #1 by salary", ["note"])).toJS()).toEqual({ note: "Ranked #1 by salary" });
  });
  it("leaves values the editor quoted, and keys it was not asked about, as they are", () => {
    const yaml = 'title: "Already: quoted"\nx: {label: Share: %}';
    expect(quoteProseValues(yaml, ["title"])).toBe(yaml);
  });
  it("reads values of 320,000 spaces whole: a title with a colon among them is quoted as typed, a value of spaces only is left empty", () => {
    // Such values made a backtracking pattern take a minute; the check here is that the answer is right.
    const spaces = " ".repeat(320_000);
    const yaml = `title: Analysis:${spaces}why AI jobs pay\ndek:${spaces}\nnote: a${spaces}b${spaces}`;
    const quoted = quoteProseValues(yaml, ["title", "dek", "note"]);
    expect(parseDocument(quoted).toJS()).toEqual({ title: `Analysis:${spaces}why AI jobs pay`, dek: null, note: `a${spaces}b` });
    expect(quoted.split("\n").slice(1)).toEqual(yaml.split("\n").slice(1));
  });
  it("changes only the lines it quotes, so other lines keep their positions", () => {
    const yaml = "title: A: B\nsubtitle: plain\nmarks: []";
    expect(quoteProseValues(yaml, ["title", "subtitle"]).split("\n").slice(1)).toEqual(yaml.split("\n").slice(1));
  });
});

describe("explainYamlError", () => {
  it("explains a colon inside a value and points at the value", () => {
    const p = problem("x: {percent: true}\nlabel: Share: of jobs\nmarks: []");
    expect(p.detail).toContain('the value of "label" contains ": "');
    expect(p.detail).toContain('label: "Share: of jobs"');
    expect(p.at).toBe("Share: of jobs");
  });
  it("suggests single quotes when the value itself holds double quotes", () => {
    expect(problem('label: Say: "hi"\nmarks: []').detail).toContain(`label: 'Say: "hi"'`);
  });
  it("points at an unclosed brace, not at the next line where YAML notices it", () => {
    const p = problem("marks:\n  - barX: {x: a, y: b\n  - ruleX: [0]");
    expect(p.detail).toBe('a "{" is opened but not closed with "}" on the same line');
    expect(p.at).toBe("{");
    expect(p.start).toBe("marks:\n  - barX: ".length);
  });
  it("points at an unclosed quote", () => {
    const p = problem('title: "unclosed\nmarks: []');
    expect(p.detail).toBe('a quote (") is opened but never closed');
    expect(p.start).toBe(7);
  });
  it("names a key given twice", () => {
    expect(problem("title: a\ntitle: b").detail).toBe('"title" is given twice; keep one');
  });
  it("explains an apostrophe inside single quotes", () => {
    expect(problem("title: 'it's'").detail).toContain("write it twice");
  });
});

describe("full-width colons after a key", () => {
  it("are reported at the colon, in the frontmatter and in chart specs", async () => {
    const { compileStory } = await import("../../../src/engine/compile-story.ts");
    const files = { displayRoot: "data", read: () => undefined, list: () => [] };
    const front = compileStory({ path: "content/stories/t.md", text: "---\ntitle：标题\ndek: D\ndate: 2025-01-01\n---\n" }, { dataFiles: files });
    expect(front.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["story/frontmatter-syntax 2:6"]);
    expect(front.diagnostics[0]!.message).toContain('"title" is followed by a full-width colon "："');
    const chart = compileStory(
      { path: "content/stories/t.md", text: "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n```data id=d\nx\n1\n```\n\n```plot data=d\nalt: A.\nmarks：\n  - dot: {x: x}\n```\n" },
      { dataFiles: files },
    );
    expect(chart.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["plot/syntax 14:6"]);
  });
  it("are fine inside a value (a Chinese headline with a colon)", async () => {
    const { compileStory } = await import("../../../src/engine/compile-story.ts");
    const files = { displayRoot: "data", read: () => undefined, list: () => [] };
    const result = compileStory({ path: "content/stories/t.md", text: "---\ntitle: 脉脉报告：AIGC人才\ndek: D\ndate: 2025-01-01\n---\n" }, { dataFiles: files });
    expect(result.diagnostics).toEqual([]);
    expect(result.frontmatter?.title).toBe("脉脉报告：AIGC人才");
  });
});
