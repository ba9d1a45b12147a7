/**
 * translationOf: checked against the other stories of the project (src/engine/project/translations.ts),
 * by compileProject and compileProjectInWorkers, at the value of the key; and the links pages draw.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileProjectInWorkers } from "../../src/engine/project/compile-in-workers.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { linkTranslations } from "../../src/engine/project/translations.ts";
import { SourceFile } from "../../src/engine/diagnostics/source-file.ts";
import { parseFrontmatter } from "../../src/engine/story/parse-frontmatter.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with these stories: slug → frontmatter lines after title, dek and date. */
function project(stories: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "plotline-translations-"));
  roots.push(root);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  for (const [slug, extra] of Object.entries(stories)) {
    writeFileSync(join(root, "content", "stories", `${slug}.md`), `---\ntitle: ${slug}\ndek: A story.\ndate: 2025-03-21\n${extra}---\n\nText.\n`);
  }
  return root;
}

const found = (root: string) =>
  compileProject(root).diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column}-${d.span.end.column} ${d.code} ${d.message}`);

describe("translationOf in a project", () => {
  it("links a story and its translation with no problem, whichever names the other, and both ways", () => {
    const root = project({
      "jobs": "translationOf: jobs-zh\n",
      "jobs-zh": "lang: zh-CN\n",
      "pay": "lang: en\ntranslationOf: pay-zh\n",
      "pay-zh": "lang: zh-CN\ntranslationOf: pay\n",
    });
    const compiled = compileProject(root);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.stories.every((s) => s.ok)).toBe(true);
  });

  it("reports a slug that names no story at its value, with a suggestion from the project's slugs", () => {
    const root = project({
      "ai-jobs": "translationOf: ai-jbos-zh\n",
      "ai-jobs-zh": "lang: zh-CN\n",
      "pay": "translationOf: pay-zh.md\n",
      "pay-zh": "lang: zh-CN\n",
      "other": "translationOf: nothing-like-it\n",
    });
    expect(found(root)).toEqual([
      'content/stories/ai-jobs.md:5:16-26 story/unknown-translation translationOf names "ai-jbos-zh", but no story in content/stories/ has that name. Did you mean "ai-jobs-zh"?',
      'content/stories/other.md:5:16-31 story/unknown-translation translationOf names "nothing-like-it", but no story in content/stories/ has that name.',
      'content/stories/pay.md:5:16-25 story/unknown-translation translationOf names "pay-zh.md", but no story in content/stories/ has that name. Did you mean "pay-zh"?',
    ]);
    const compiled = compileProject(root);
    expect(compiled.stories.filter((s) => !s.ok).map((s) => s.slug)).toEqual(["ai-jobs", "other", "pay"]);
    expect(compiled.diagnostics.every((d) => d.severity === "error")).toBe(true);
  });

  it("does not suggest the story's own slug", () => {
    const root = project({ "ai-jobs": "translationOf: ai-jobs-zh\n" });
    expect(found(root)).toEqual([
      'content/stories/ai-jobs.md:5:16-26 story/unknown-translation translationOf names "ai-jobs-zh", but no story in content/stories/ has that name.',
    ]);
  });

  it("reports a story naming itself", () => {
    const root = project({ jobs: "lang: en\ntranslationOf: jobs\n" });
    expect(found(root)).toEqual([
      'content/stories/jobs.md:6:16-20 story/translation-mismatch "jobs" cannot be this story\'s translation: it is this story itself.',
    ]);
  });

  it("reports a translation in the same language", () => {
    const root = project({
      "jobs": "translationOf: jobs-2\n",
      "jobs-2": "",
      "pay": "lang: zh-CN\ntranslationOf: pay-2\n",
      "pay-2": "lang: zh-CN\n",
    });
    expect(found(root)).toEqual([
      'content/stories/jobs.md:5:16-22 story/translation-mismatch "jobs-2" cannot be this story\'s translation: it is an English story (lang: en) too.',
      'content/stories/pay.md:6:16-21 story/translation-mismatch "pay-2" cannot be this story\'s translation: it is a Chinese story (lang: zh-CN) too.',
    ]);
  });

  it("reports two stories naming the same translation, on both", () => {
    const root = project({
      "a": "translationOf: c\n",
      "b": "translationOf: c\n",
      "c": "lang: zh-CN\n",
    });
    expect(found(root)).toEqual([
      'content/stories/a.md:5:16-17 story/translation-mismatch "c" cannot be this story\'s translation: content/stories/b.md names it as its translation too, and a story can have only one translation.',
      'content/stories/b.md:5:16-17 story/translation-mismatch "c" cannot be this story\'s translation: content/stories/a.md names it as its translation too, and a story can have only one translation.',
    ]);
  });

  it("reports a story linked to two others through a chain (a names b, b names c)", () => {
    const root = project({
      "a": "translationOf: b\n",
      "b": "lang: zh-CN\ntranslationOf: c\n",
      "c": "",
    });
    expect(found(root)).toEqual([
      'content/stories/a.md:5:16-17 story/translation-mismatch "b" cannot be this story\'s translation: it names "c" as its translation, and a story can have only one translation.',
      'content/stories/b.md:6:16-17 story/translation-mismatch "c" cannot be this story\'s translation: content/stories/a.md names this story as its translation, and a story can have only one translation.',
    ]);
  });

  it("finds the key after a headline Plotline had to quote, and in a story saved with Windows line ends", () => {
    const root = project({
      "jobs": "translationOf: jobs\n",
    });
    writeFileSync(
      join(root, "content", "stories", "jobs.md"),
      "---\r\ntitle: Analysis: why AI jobs ask for a degree\r\ndek: A story.\r\ndate: 2025-03-21\r\ntranslationOf:   jobs\r\n---\r\n",
    );
    expect(found(root)).toEqual([
      'content/stories/jobs.md:5:18-22 story/translation-mismatch "jobs" cannot be this story\'s translation: it is this story itself.',
    ]);
  });

  it("is reported by compileProjectInWorkers exactly as by compileProject", async () => {
    const root = project({ "a": "translationOf: c\n", "b": "translationOf: c\n", "c": "lang: zh-CN\n", "d": "translationOf: x\n" });
    const inWorkers = await compileProjectInWorkers(root, {}, 2, 1);
    const inOneThread = compileProject(root);
    expect(inWorkers.diagnostics).toEqual(inOneThread.diagnostics);
    expect(inWorkers.diagnostics.map((d) => d.code)).toEqual(["story/translation-mismatch", "story/translation-mismatch", "story/unknown-translation"]);
    expect(inWorkers.stories.map((s) => s.ok)).toEqual(inOneThread.stories.map((s) => s.ok));
  }, 60_000);

  it("says nothing about a translation whose own frontmatter has errors (that story reports them)", () => {
    const root = project({ a: "translationOf: b\n" });
    writeFileSync(join(root, "content", "stories", "b.md"), "---\ntitle: b\ndate: 2025-03-21\n---\n");
    expect(compileProject(root).diagnostics.map((d) => d.code)).toEqual(["story/missing-key"]);
  });
});

describe("linkTranslations", () => {
  it("links both ways only where the link has no problem", () => {
    const { links, problems } = linkTranslations([
      { slug: "a", lang: "en", translationOf: "a-zh" },
      { slug: "a-zh", lang: "zh-CN" },
      { slug: "b", lang: "en" },
      { slug: "b-zh", lang: "zh-CN", translationOf: "b" },
      { slug: "c", lang: "en", translationOf: "x" },
      { slug: "d", lang: "en", translationOf: "d-zh" },
      { slug: "e", lang: "en", translationOf: "d-zh" },
      { slug: "d-zh", lang: "zh-CN" },
    ]);
    expect(Object.fromEntries(links)).toEqual({ "a": "a-zh", "a-zh": "a", "b": "b-zh", "b-zh": "b" });
    expect(problems.map((p) => `${p.slug} ${p.code}`)).toEqual(["c story/unknown-translation", "d story/translation-mismatch", "e story/translation-mismatch"]);
  });

  it("keeps one link when both stories name each other", () => {
    const { links, problems } = linkTranslations([
      { slug: "a", lang: "en", translationOf: "b" },
      { slug: "b", lang: "zh-CN", translationOf: "a" },
    ]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(links)).toEqual({ a: "b", b: "a" });
  });
});

describe("frontmatter positions", () => {
  it("keeps where each top-level key and its value are, for checks made later", () => {
    const file = new SourceFile("s.md", "---\ntitle: Analysis: it works\ndek: d\ndate: 2025-03-21\ntranslationOf: s-zh\ntags:\n---\n");
    const { positions } = parseFrontmatter(file);
    expect(positions?.["translationOf"]).toEqual({
      key: { file: "s.md", start: { line: 5, column: 1 }, end: { line: 5, column: 14 } },
      value: { file: "s.md", start: { line: 5, column: 16 }, end: { line: 5, column: 20 } },
    });
    expect(positions?.["tags"]).toEqual({ key: { file: "s.md", start: { line: 6, column: 1 }, end: { line: 6, column: 5 } } });
  });

  it("points at a key after a headline Plotline had to quote at the key's own column (quoting makes that line longer)", () => {
    const file = new SourceFile("s.md", "---\ntitle: Analysis: why AI jobs ask for a degree\ndek: d\ndate: 2025-03-21\nauthor: Li Quan\n---\n");
    expect(parseFrontmatter(file).diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.column}`)).toEqual([
      "story/unknown-key 5:1-7",
    ]);
  });

  it("reads translationOf as text, a number too, and reports a list", () => {
    const at = (value: string) => parseFrontmatter(new SourceFile("s.md", `---\ntitle: t\ndek: d\ndate: 2025-03-21\ntranslationOf: ${value}\n---\n`));
    expect(at("2023").frontmatter?.translationOf).toBe("2023");
    expect(at("ai-jobs-zh").frontmatter?.translationOf).toBe("ai-jobs-zh");
    expect(at("[a, b]").diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([
      'story/invalid-value 5:16 The value of "translationOf" must be the file name, without .md, of the story that is this one in the other language.',
    ]);
  });
});
