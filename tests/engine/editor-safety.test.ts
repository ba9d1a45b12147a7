import { expect, it } from "vitest";
import { compileStory } from "../../src/engine/compile-story.ts";

const files = { displayRoot: "data", read: () => undefined, list: () => ["jobs.csv"] };
const compile = (body: string) =>
  compileStory({ path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n${body}` }, { dataFiles: files });

it("a Markdown link or image to javascript: leads nowhere, even in a story without raw HTML, and is reported", () => {
  const { html, diagnostics } = compile("[click](javascript:alert(1)) and ![x](javascript:alert(2)) and [ok](https://example.org)\n");
  expect(html).not.toMatch(/javascript:/i);
  expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["link/unsafe-scheme 7:9", "link/unsafe-scheme 7:39"]);
  expect(html).toContain('<a href="https://example.org">ok</a>');
});

it("tip must be true, false, x, y, xy or a set of options", () => {
  const result = compile("```data id=d\nx,y\n1,2\n```\n\n```plot data=d\nalt: A.\nmarks:\n  - dot: {x: x, y: y, tip: maybe}\n```\n");
  expect(result.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["plot/invalid-value 15:28"]);
});

it("a chart on data that could not be read adds no 'no such data' to the data's own error", () => {
  const result = compile('```data id=jobs src="missing.csv"\n```\n\n```plot data=jobs\nalt: A.\nmarks:\n  - dot: {x: a, y: b}\n```\n');
  expect(result.diagnostics.map((d) => d.code)).toEqual(["data/src-not-found"]);
});

it("a headline or chart note starting with * is prose, not a YAML alias", () => {
  const result = compile("```data id=d\nx\n1\n```\n\n```plot data=d id=d\nalt: A.\nnote: *estimated from postings\nmarks:\n  - dot: {x: x}\n```\n");
  expect(result.diagnostics).toEqual([]);
  expect(result.charts[0]!.spec.figure.note).toBe("*estimated from postings");
});
