/**
 * Info strings of ```data and ```plot blocks, and where blocks and their bodies are found in the file,
 * also inside list items and blockquotes.
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { findStoryBlocks } from "../../../src/engine/story/find-story-blocks.ts";
import { normalizeSource } from "../../../src/engine/story/normalize-source.ts";
import { parseInfoString } from "../../../src/engine/story/parse-info-string.ts";
import { memoryFiles, story, STORY_PATH } from "../data/helpers.ts";

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);
function blocksOf(markdown: string) {
  const file = new SourceFile(STORY_PATH, normalizeSource(story(markdown)));
  return findStoryBlocks(parser.parse(file.text) as Root, file);
}
const where = (markdown: string) =>
  blocksOf(markdown).diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column}`);
const compile = (markdown: string) => compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: memoryFiles() });

describe("parseInfoString", () => {
  it("reads bare values, flags, and their offsets", () => {
    expect(parseInfoString("id=cities show format=csv")).toEqual({
      attributes: [
        { name: "id", value: "cities", start: 0, end: 9, valueStart: 3 },
        { name: "show", value: true, start: 10, end: 14, valueStart: 14 },
        { name: "format", value: "csv", start: 15, end: 25, valueStart: 22 },
      ],
    });
  });
  it("reads double- and single-quoted values with spaces", () => {
    const result = parseInfoString(`src="my file.csv" types='year:date, n:number'`);
    expect(!result.error && result.attributes.map((a) => [a.name, a.value, a.valueStart])).toEqual([
      ["src", "my file.csv", 5],
      ["types", "year:date, n:number", 25],
    ]);
  });
  it('reads \\" and \\\\ as escapes inside double quotes, and keeps other backslashes', () => {
    const result = parseInfoString(String.raw`a="say \"hi\"" b="c:\\d" c="x\y" d='it\'`);
    expect(!result.error && result.attributes.map((a) => a.value)).toEqual(['say "hi"', "c:\\d", "x\\y", "it\\"]);
  });
  it("tabs separate attributes too", () => {
    expect(parseInfoString("id=a\tshow").error).toBeUndefined();
  });
  it("an unclosed quote is reported at the quote", () => {
    expect(parseInfoString('id=t src="my file.csv').error).toEqual({ detail: 'the value of "src" opens a quote that is never closed', offset: 9 });
  });
  it("an escaped closing quote does not close the value", () => {
    expect(parseInfoString(String.raw`src="a\"`).error).toMatchObject({ offset: 4 });
  });
  it("a name= without a value, or a quote in a name, cannot be read", () => {
    expect(parseInfoString("id= show").error).toEqual({ detail: '"id=" has no value', offset: 0 });
    expect(parseInfoString('x "id"=a').error).toEqual({ detail: 'unexpected """', offset: 2 });
    expect(parseInfoString("=a").error).toMatchObject({ offset: 0 });
  });
  it("keeps the attributes read before a problem, so a typo later does not lose the id", () => {
    expect(parseInfoString('id=t src="unclosed').attributes.map((a) => a.name)).toEqual(["id"]);
  });
});

describe("attribute diagnostics in a story", () => {
  it("an unclosed quote is reported from the quote to the end of the info string", () => {
    const found = where('```data id=t src="my file.csv\n```\n');
    expect(found).toEqual(["block/attribute-syntax 7:18-7:30"]);
  });
  it("unknown attributes are reported each at itself, with the likely name", () => {
    const result = blocksOf("```plot data=pay iid=x dta=y\nmarks: []\n```\n");
    expect(where("```plot data=pay iid=x dta=y\nmarks: []\n```\n")).toEqual(["block/unknown-attribute 7:18-7:23", "block/unknown-attribute 7:24-7:29"]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'A plot block has no attribute "iid". Did you mean "id"?',
      'A plot block has no attribute "dta". Did you mean "data"?',
    ]);
    expect(result.diagnostics[0]!.hint).toBe('The attributes of a plot block are "data", "id", "label", "extends".');
  });
  it("a data block's attributes are its own", () => {
    expect(blocksOf("```data id=t shw\na\n1\n```\n").diagnostics[0]!.message).toBe('A data block has no attribute "shw". Did you mean "show"?');
  });
  it("an attribute given twice is reported at the second, and the first is used", () => {
    const { blocks, diagnostics } = blocksOf("```plot data=pay data=other\nmarks: []\n```\n");
    expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["block/duplicate-attribute 7:18"]);
    expect(blocks[0]!.attribute("data")).toBe("pay");
  });
  it("spans of values after a quoted value with escapes are where they are in the file", () => {
    const { blocks } = blocksOf(String.raw`~~~data src="a \"b\".csv" id=t` + "\n~~~\n");
    expect(blocks[0]!.attribute("src")).toBe('a "b".csv');
    expect(blocks[0]!.attributeSpan("id", "value")).toMatchObject({ start: { line: 7, column: 30 }, end: { line: 7, column: 31 } });
  });

  // BUG (src/engine/story/find-story-blocks.ts, attributeSpan): the end of a value's span is
  // valueStart + value.length, the length of the *unescaped* value, so a quoted value holding \" ends
  // one column early per escape (the code frame underlines too little). Fix: end the "value" span at
  // the closing quote, i.e. use attribute.end - 1 for a quoted value (parseInfoString could record valueEnd).
  it("the span of a quoted value with an escape covers the whole value as written", () => {
    const { blocks } = blocksOf(String.raw`~~~data id="a\"b"` + "\n~~~\n");
    expect(blocks[0]!.attributeSpan("id", "value")).toMatchObject({ start: { line: 7, column: 13 }, end: { line: 7, column: 17 } });
  });
});

describe("blocks and their bodies in the file", () => {
  it("finds data and plot blocks in document order, numbered per kind; other code blocks are ignored", () => {
    const { blocks } = blocksOf("```data id=a\nx\n1\n```\n\n```js\nlet x;\n```\n\n```plot data=a\nmarks: []\n```\n\n```data id=b\nx\n1\n```\n\n~~~plot data=b\nmarks: []\n~~~\n");
    expect(blocks.map((b) => [b.kind, b.index, b.fenceSpan.start.line])).toEqual([
      ["data", 0, 7],
      ["plot", 0, 16],
      ["data", 1, 20],
      ["plot", 1, 25],
    ]);
  });
  it("maps body offsets to file positions in a top-level block", () => {
    const { blocks } = blocksOf("```plot data=pay\nheight: 100\nmarks: []\n```\n");
    const body = blocks[0]!.body;
    expect(body.text).toBe("height: 100\nmarks: []");
    expect(body.span(body.text.indexOf("marks"))).toMatchObject({ start: { line: 9, column: 1 } });
  });
  it("maps body offsets to file positions in a list item (indentation stripped)", () => {
    const { blocks } = blocksOf("- Item\n\n   ```plot data=pay\n   height: 100\n   marks: []\n   ```\n");
    const block = blocks[0]!;
    expect(block.fenceSpan.start).toEqual({ line: 9, column: 4 });
    expect(block.body.text).toBe("height: 100\nmarks: []");
    expect(block.body.span(block.body.text.indexOf("100"))).toMatchObject({ start: { line: 10, column: 12 } });
    expect(block.attributeSpan("data", "value").start).toEqual({ line: 9, column: 17 });
  });
  it("maps body offsets to file positions in a blockquote (markers stripped)", () => {
    const { blocks } = blocksOf("> Quote\n>\n> ```plot data=pay\n> height: 100\n>   # comment\n> marks: []\n> ```\n");
    const block = blocks[0]!;
    expect(block.body.text).toBe("height: 100\n  # comment\nmarks: []");
    expect(block.body.span(block.body.text.indexOf("marks"))).toMatchObject({ start: { line: 12, column: 3 } });
    expect(block.body.span(block.body.text.indexOf("comment"))).toMatchObject({ start: { line: 11, column: 7 } });
    expect(block.attributeSpan("data", "value").start).toEqual({ line: 9, column: 16 });
  });
  it("maps body offsets in a blockquote inside a list item", () => {
    const { blocks } = blocksOf("1. Item\n   > ```plot data=pay\n   > marks:\n   >   - frame\n   > ```\n");
    const block = blocks[0]!;
    expect(block.body.text).toBe("marks:\n  - frame");
    expect(block.body.span(block.body.text.indexOf("frame"))).toMatchObject({ start: { line: 10, column: 10 } });
  });
  it("an empty block has an empty body", () => {
    expect(blocksOf("```plot data=pay\n```\n").blocks[0]!.body.text).toBe("");
  });
  it("a story compiles a chart in a list item and one in a blockquote, in place", () => {
    const result = compile(
      "```data id=pay\nname,salary\nA,1\n```\n\n- Item\n\n   ```plot data=pay\n   marks:\n     - barX: {y: name, x: salary}\n   ```\n\n> ```plot data=pay\n> marks:\n>   - barX: {y: name, x: salary}\n> ```\n",
    );
    // Neither chart has alt, title or id: the only diagnostics are the warnings about that, at each fence.
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.start.line}`)).toEqual(["plot/missing-alt 14", "plot/positional-id 14", "plot/missing-alt 19", "plot/positional-id 19"]);
    expect(result.charts.map((c) => c.id)).toEqual(["chart-1", "chart-2"]);
  });
  it("show=false and show=no do not show a data block; show and show=yes do", () => {
    const { blocks } = blocksOf("```data id=a show=false\nx\n1\n```\n\n```data id=b show=no\nx\n1\n```\n\n```data id=c show\nx\n1\n```\n\n```data id=d show=yes\nx\n1\n```\n");
    expect(blocks.map((b) => b.flag("show"))).toEqual([false, false, true, true]);
  });
});
