import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const files = { displayRoot: "data", read: () => undefined, list: () => [] };
const FRONT = "---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n";
const CHART = "```data id=d\na,b\nx,1\n```\n\n```plot data=d id=c\nalt: A.\nmarks:\n  - dot: {x: b, y: a}\n```\n\nAfter.\n";
const compile = (body: string) => compileStory({ path: "content/stories/t.md", text: `${FRONT}${body}\n\n${CHART}` }, { dataFiles: files });
const found = (body: string) => compile(body).diagnostics.map((d) => `${d.code} ${d.span.start.line - 6}:${d.span.start.column}-${d.span.end.column}`);

const SWALLOWING = ["style", "script", "textarea", "title", "xmp", "plaintext", "iframe", "noembed", "noframes", "noscript", "select", "template"];

describe("raw HTML that would swallow what follows it", () => {
  it.each(SWALLOWING)("<%s> opened in an HTML block and never closed is an error at its tag, and the story does not build", (tag) => {
    const story = compile(`<div>\n<${tag}>`);
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line - 6}:${d.span.start.column}`)).toEqual(["html/unclosed-element 2:1"]);
    expect(story.ok).toBe(false);
  });

  it.each(SWALLOWING)("<%s> opened inside a sentence and never closed is an error at its tag", (tag) => {
    expect(found(`Text <${tag} class="x"> more.`)).toEqual([`html/unclosed-element 1:6-${7 + tag.length}`]);
  });

  it("a comment opened with <!-- and never closed, which hides the rest of the story, is an error at <!--", () => {
    const story = compile("Before.\n\n<!-- draft note");
    expect(story.diagnostics.map((d) => `${d.code} ${d.span.start.line - 6}:${d.span.start.column}`)).toEqual(["html/unclosed-element 3:1"]);
    expect(story.diagnostics[0]!.message).toContain('never closed with "-->"');
    expect(story.html).not.toContain("<figure");
  });

  it("says what happens and how to fix it, naming the element", () => {
    const [d] = compile("<div>\n<style>").diagnostics;
    expect(d!.message).toBe(
      "The HTML element <style> is opened here but not closed in the same paragraph or HTML block, so the browser reads what follows it (the rest of the paragraph, or charts, tables and text after it) as part of it, and readers would not see that.",
    );
    expect(d!.hint).toBe("Close it with </style> in the same paragraph or HTML block, or remove it: stories keep only safe HTML, so a <style> is never published anyway.");
  });

  it("finds the tag in lists and quotes, where the HTML's text is indented", () => {
    expect(found("- item <select> x")).toEqual(["html/unclosed-element 1:8-15"]);
    expect(found("> <div>\n> <textarea>")).toEqual(["html/unclosed-element 2:3-12"]);
  });

  it("accepts the same elements closed in their block or sentence, closed comments, and look-alike names", () => {
    for (const body of [
      ...SWALLOWING.filter((tag) => tag !== "plaintext").map((tag) => `Text <${tag}>x</${tag}> more.`),
      "<style>\np { color: red }\n</STYLE>",
      "<!-- a note -->",
      "<!-->",
      "Text <!-- inline --> more.",
      "<div>\n<styles>\n</div>",
      "A `<style>` in code, and \\<script> escaped.",
      "```html\n<style>\n```",
    ]) {
      const story = compile(body);
      expect(story.diagnostics, body).toEqual([]);
      expect(story.html, body).toContain("<figure");
    }
  });
});
