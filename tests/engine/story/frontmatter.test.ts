/**
 * The frontmatter of a story: what it accepts, and where each mistake is reported (on the line of the
 * key that is wrong; missing keys at the opening "---").
 */
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { normalizeSource } from "../../../src/engine/story/normalize-source.ts";
import { parseFrontmatter } from "../../../src/engine/story/parse-frontmatter.ts";
import { memoryFiles } from "../data/helpers.ts";

const read = (text: string) => parseFrontmatter(new SourceFile("content/stories/s.md", normalizeSource(text)));
const where = (text: string) => read(text).diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);
const REQUIRED = "title: Pay in the newsroom\ndek: Who earns what.\ndate: 2025-03-21\n";
const fm = (yaml: string) => `---\n${yaml}---\n\nBody.\n`;

describe("a valid frontmatter", () => {
  it("needs only title, dek and date, and fills in the defaults", () => {
    const result = read(fm(REQUIRED));
    expect(result.diagnostics).toEqual([]);
    expect(result.frontmatter).toEqual({
      title: "Pay in the newsroom",
      dek: "Who earns what.",
      date: new Date("2025-03-21T00:00:00Z"),
      lang: "en",
      authors: [],
      tags: [],
      sources: [],
      draft: false,
    });
  });
  it("accepts every key", () => {
    const result = read(
      fm(`${REQUIRED}lang: zh-CN\nauthors: [Li Quan, Jane Doe]\ntags: [jobs, pay]\nsources:\n  - name: NBS\n    url: https://www.stats.gov.cn\ndraft: true\nupdated: 2025-03-22T10:00:00+08:00\n`),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.frontmatter).toMatchObject({
      lang: "zh-CN",
      authors: ["Li Quan", "Jane Doe"],
      tags: ["jobs", "pay"],
      sources: [{ name: "NBS", url: "https://www.stats.gov.cn" }],
      draft: true,
      updated: new Date("2025-03-22T02:00:00Z"),
    });
  });
  it("takes a single string for authors and tags as a list of one", () => {
    expect(read(fm(`${REQUIRED}authors: Li Quan\ntags: jobs\n`)).frontmatter).toMatchObject({ authors: ["Li Quan"], tags: ["jobs"] });
  });
  it("takes sources as plain names, as {name, url}, or as one name", () => {
    expect(read(fm(`${REQUIRED}sources:\n  - Liepin\n  - name: NBS\n    url: https://www.stats.gov.cn\n`)).frontmatter?.sources).toEqual([
      { name: "Liepin" },
      { name: "NBS", url: "https://www.stats.gov.cn" },
    ]);
    expect(read(fm(`${REQUIRED}sources: Liepin\n`)).frontmatter?.sources).toEqual([{ name: "Liepin" }]);
  });
  it("takes a title with a colon or a hash as prose", () => {
    const result = read(fm("title: Analysis: AI jobs ranked #1\ndek: Why: because.\ndate: 2025-03-21\n"));
    expect(result.diagnostics).toEqual([]);
    expect(result.frontmatter?.title).toBe("Analysis: AI jobs ranked #1");
    expect(result.frontmatter?.dek).toBe("Why: because.");
  });
  it("gives the offset where the body starts", () => {
    const text = fm(REQUIRED);
    expect(text.slice(read(text).bodyOffset)).toBe("\nBody.\n");
  });
});

describe("each key's errors, on the line of the key", () => {
  const bad = fm(
    "title: \ndek: [a]\ndate: 21/03/2025\nlang: fr\nauthors: [1, '']\ntags: {a: 1}\nsources:\n  - name: X\n    url: ftp://x\ndraft: yes\nupdated: soon\n",
  );
  it("reports every wrong value at its value", () => {
    expect(where(bad)).toEqual([
      "story/invalid-value 2:8",
      "story/invalid-value 3:6",
      "story/invalid-value 4:7",
      "story/invalid-value 5:7",
      "story/invalid-value 6:11",
      "story/invalid-value 7:7",
      "story/invalid-value 10:10",
      "story/invalid-value 11:8",
      "story/invalid-value 12:10",
    ]);
  });
  it("says what each key must be, with an example", () => {
    const messages = read(bad).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'The value of "title" must be the headline, as text.',
      'The value of "dek" must be a one-sentence summary, as text.',
      'The value of "date" must be a date written as year-month-day.',
      'The value of "lang" must be "en" or "zh-CN".',
      'The value of "authors" must be a list of names.',
      'The value of "tags" must be a list of words.',
      'The value of "sources" must be a list of sources, each with a name and an optional web address (url).',
      'The value of "draft" must be true or false.',
      'The value of "updated" must be a date written as year-month-day.',
    ]);
    expect(read(bad).diagnostics[3]!.hint).toBe("For example: lang: zh-CN");
  });
  it("refuses a date that does not exist", () => {
    expect(where(fm("title: T\ndek: D\ndate: 2025-02-30\n"))).toEqual(["story/invalid-value 4:7"]);
  });
  it("names a field a source does not have", () => {
    const result = read(fm(`${REQUIRED}sources:\n  - name: Y\n    link: http://y\n`));
    expect(where(fm(`${REQUIRED}sources:\n  - name: Y\n    link: http://y\n`))).toEqual(["story/invalid-value 7:5"]);
    expect(result.diagnostics[0]!.message).toContain('("link" is not one of its fields)');
  });
  it("reports each missing required key at the opening ---, with an example line", () => {
    const result = read(fm("dek: D\n"));
    expect(where(fm("dek: D\n"))).toEqual(["story/missing-key 1:1", "story/missing-key 1:1"]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['The frontmatter has no "title".', 'The frontmatter has no "date".']);
    expect(result.diagnostics[1]!.hint).toBe("Add a line such as: date: 2025-03-21");
    expect(where(fm(""))).toEqual(["story/missing-key 1:1", "story/missing-key 1:1", "story/missing-key 1:1"]);
  });
  it("reports an unknown key at the key, with the key it was likely meant to be", () => {
    const result = read(fm(`${REQUIRED}autors: [Li]\ndrafts: true\n`));
    expect(where(fm(`${REQUIRED}autors: [Li]\ndrafts: true\n`))).toEqual(["story/unknown-key 5:1", "story/unknown-key 6:1"]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"autors" is not a frontmatter key Plotline knows. Did you mean "authors"?',
      '"drafts" is not a frontmatter key Plotline knows. Did you mean "draft"?',
    ]);
    expect(result.diagnostics[0]!.hint).toContain('"title", "dek", "date", "lang"');
  });
  it("gives no frontmatter while anything is wrong", () => {
    expect(read(bad).frontmatter).toBeUndefined();
  });
});

describe("frontmatter that cannot be read", () => {
  it("a story without frontmatter is reported on line 1", () => {
    expect(where("# Headline\n")).toEqual(["story/no-frontmatter 1:1"]);
  });
  it("a frontmatter without its closing --- is reported at the opening one", () => {
    expect(where("---\ntitle: T\ndek: D\n")).toEqual(["story/frontmatter-unclosed 1:1"]);
  });
  it("a YAML error is reported where it is", () => {
    const result = read(fm("title: T\ndek: D\ndate: 2025-03-21\ntags: [a, b\n"));
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["story/frontmatter-syntax 5:7"]);
    expect(result.diagnostics[0]!.message).toBe('The frontmatter could not be read: a "[" is opened but not closed with "]" on the same line.');
  });
  it("a frontmatter that is a list is not a set of keys", () => {
    expect(where(fm("- a\n"))).toEqual(["story/frontmatter-syntax 2:1"]);
  });
});

describe("byte-order mark and Windows line ends", () => {
  const story = `---\n${REQUIRED}autors: x\nlang: fr\n---\n\nBody.\n`;
  const variants = { lf: story, crlf: story.replace(/\n/g, "\r\n"), bom: `\uFEFF${story}`, both: `\uFEFF${story.replace(/\n/g, "\r\n")}` };
  const compiled = Object.fromEntries(
    Object.entries(variants).map(([name, text]) => [name, compileStory({ path: "content/stories/s.md", text }, { dataFiles: memoryFiles() })]),
  );
  it("give the same diagnostics, at the same lines and columns", () => {
    const lf = compiled["lf"]!.diagnostics;
    expect(lf.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["story/unknown-key 5:1", "story/invalid-value 6:7"]);
    for (const name of ["crlf", "bom", "both"]) expect(compiled[name]!.diagnostics).toEqual(lf);
  });
  it("give the same frontmatter and HTML", () => {
    const valid = `---\n${REQUIRED}---\n\nBody.\n`;
    const a = compileStory({ path: "content/stories/s.md", text: valid }, { dataFiles: memoryFiles() });
    const b = compileStory({ path: "content/stories/s.md", text: `\uFEFF${valid.replace(/\n/g, "\r\n")}` }, { dataFiles: memoryFiles() });
    expect(b.frontmatter).toEqual(a.frontmatter);
    expect(b.html).toBe(a.html);
    expect(a.ok).toBe(true);
  });
});
