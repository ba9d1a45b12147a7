import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { MAX_NESTING_DEPTH } from "../../../src/engine/limits.ts";
import { limitNesting } from "../../../src/engine/story/limit-nesting.ts";

const frontmatter = "---\ntitle: Nesting\ndek: Quotes and lists.\ndate: 2025-03-21\n---\n\n";
const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const compile = (body: string) => compileStory({ path: "content/stories/nesting.md", text: frontmatter + body }, { dataFiles: noFiles });
const where = (body: string) => compile(body).diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);
/** A list nested `levels` deep, one level per line. */
const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");

describe("nesting depth", () => {
  it(`reads blockquotes and lists nested up to ${MAX_NESTING_DEPTH} levels`, () => {
    expect(where(`${">".repeat(MAX_NESTING_DEPTH)} quoted\n`)).toEqual([]);
    expect(where(`${list(MAX_NESTING_DEPTH)}\n`)).toEqual([]);
    expect(compile(`${list(MAX_NESTING_DEPTH)}\n`).html).toContain(`level ${MAX_NESTING_DEPTH}<`);
  });

  it("reports the marker one level past the limit: a quote marker, a list item, or a list marker on a line of them", () => {
    expect(where(`${">".repeat(MAX_NESTING_DEPTH + 1)} quoted\n`)).toEqual([`story/too-deep 7:${MAX_NESTING_DEPTH + 1}`]);
    expect(where(`${list(MAX_NESTING_DEPTH + 1)}\n`)).toEqual([`story/too-deep ${7 + MAX_NESTING_DEPTH}:${2 * MAX_NESTING_DEPTH + 1}`]);
    expect(where(`${"- ".repeat(MAX_NESTING_DEPTH + 5)}item\n`)).toEqual([`story/too-deep 7:${2 * MAX_NESTING_DEPTH + 1}`]);
    // Quotes and lists count together.
    expect(where(`${"> ".repeat(60)}${"- ".repeat(60)}item\n`)).toEqual([`story/too-deep 7:${2 * MAX_NESTING_DEPTH + 1}`]);
  });

  it("leaves out only the lines nested too deeply: the story around them is read, with its positions", () => {
    const story = compile(`Before.\n\n${">".repeat(2000)} deep\n\nAfter.\n\n\`\`\`plot data=nope\nmarks: []\n\`\`\`\n`);
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line}`)).toEqual(["story/too-deep 9", "plot/unknown-data 13", "plot/missing-marks 14"]);
    expect(story.html).toContain("Before.");
    expect(story.html).toContain("After.");
  });

  it("does not count what only looks like nesting: fenced code, thematic breaks, the frontmatter", () => {
    const fenced = `\`\`\`text\n${">".repeat(500)}\n${"- ".repeat(500)}x\n\`\`\`\n\n* * * * * * * *\n`;
    expect(where(fenced)).toEqual([]);
    const file = new SourceFile("x.md", `---\nnote: ${"- ".repeat(500)}\n---\n`);
    expect(limitNesting(file).diagnostics).toEqual([]);
  });

  it("cuts out emphasis nested past the limit instead of overflowing the stack while rendering", () => {
    const story = compile(`Text ${"*".repeat(3000)}x${"*".repeat(3000)} more.\n\nAfter.\n`);
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line}`)).toEqual(["story/too-deep 7"]);
    expect(story.html).toContain("After.");
  });

  it("blanks the lines it leaves out without moving any other line", () => {
    const text = `a\n${">".repeat(300)} b\nc\n`;
    const limited = limitNesting(new SourceFile("x.md", text));
    expect(limited.file.text).toBe("a\n\nc\n");
  });
});
