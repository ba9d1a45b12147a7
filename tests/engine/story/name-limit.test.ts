/**
 * Story slugs and chart ids name files and folders of the site; file systems allow 255 bytes per name,
 * so Plotline allows 100 (src/engine/story/name-limit.ts) and says so in check and build alike.
 */
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { MAX_NAME_BYTES, shortenName } from "../../../src/engine/story/name-limit.ts";
import { suggestSlug } from "../../../src/engine/story/story-slug.ts";
import { memoryFiles, PAY, plotBlock, story } from "../chart/helpers.ts";

/** A valid slug or id of exactly `length` characters, made of words. */
const named = (length: number) => "salaries-of-newsroom-desks-".repeat(10).slice(0, length).replace(/-$/, "x");

const compileAt = (path: string, markdown = "Text.\n") => compileStory({ path, text: story(markdown) }, { dataFiles: memoryFiles() });
const codes = (path: string, markdown?: string) => compileAt(path, markdown).diagnostics.map((d) => d.code);
const bars = "alt: Bars.\nmarks:\n  - barX: {y: name, x: salary, fill: dept}";

describe("the length of a story's file name", () => {
  it("is allowed up to 100 characters without .md, and refused at 101, on the file's first line", () => {
    expect(MAX_NAME_BYTES).toBe(100);
    expect(codes(`content/stories/${named(100)}.md`)).toEqual([]);
    const refused = compileAt(`content/stories/${named(101)}.md`);
    expect(refused.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["story/slug-too-long 1:1"]);
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics[0]!.hint).toBe(`Rename the file to a few words, for example "${shortenName(named(101))}.md".`);
  });

  it("is not reported on top of a name of the wrong form, whose suggested name fits", () => {
    const long = `AI Jobs ${"Beijing Shanghai ".repeat(12)}`;
    const story = compileAt(`content/stories/${long}.md`);
    expect(story.diagnostics.map((d) => d.code)).toEqual(["story/invalid-slug"]);
    expect(suggestSlug(long).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});

describe("the length of a chart's id", () => {
  it("is allowed up to 100 characters with id=, and refused at 101 at the id", () => {
    expect(codes("content/stories/pay.md", PAY + plotBlock(`data=pay id=${named(100)}`, bars))).toEqual([]);
    const refused = compileAt("content/stories/pay.md", PAY + plotBlock(`data=pay id=${named(101)}`, bars));
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["plot/id-too-long"]);
    expect(refused.diagnostics[0]!.span.start.column).toBe("```plot data=pay id=".length + 1);
  });

  it("is cut to fit when it comes from a title of long words, numbered charts included", () => {
    const title = `title: ${"Newsroomsalariesbydeskandyear".repeat(3)} ${"Graphicsdeskpayrises".repeat(4)} more words`;
    const compiled = compileAt("content/stories/pay.md", PAY + plotBlock("data=pay", `${title}\n${bars}`) + "\n" + plotBlock("data=pay", `${title}\n${bars}`));
    expect(compiled.diagnostics).toEqual([]);
    const ids = compiled.charts.map((c) => c.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(ids[1]).toBe(`${ids[0]!.slice(0, MAX_NAME_BYTES - 2)}-2`);
  });
});

describe("shortenName", () => {
  it("cuts at a dash when one is near, else at the limit", () => {
    expect(shortenName("abc-defgh-ijk", 10)).toBe("abc-defgh");
    expect(shortenName("abcdefghijklmnop", 10)).toBe("abcdefghij");
    expect(shortenName("abcdefghi-jklmnop", 10)).toBe("abcdefghi");
    expect(shortenName("short", 10)).toBe("short");
  });
});
