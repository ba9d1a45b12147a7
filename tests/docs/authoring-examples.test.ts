/**
 * Every example in docs/authoring.md is real: each is compiled with the engine.
 *
 * The conventions (also written at the top of docs/authoring.md):
 * - A ````markdown block whose first line is `---` is a complete story: no diagnostics at all.
 * - Any other ````markdown block is part of a story: it is compiled after a short frontmatter, with the
 *   data blocks of the earlier examples of the same "##" section in front of it (a block of its own with
 *   the same id replaces the earlier one), and must give no diagnostics at all.
 * - Info words after `markdown`: `expect=a/b,c/d` (exactly these codes are reported), `lang=zh-CN`
 *   (compiled as a Chinese story), `illustration` (shown only, not compiled), `pending` (documents
 *   behaviour that is being built: its test is expected to fail, with it.fails, until the engine does
 *   what the doc says; then remove the word).
 * - A ```text shown block right after an example lists text readers see: each of its lines must appear
 *   in the page's text (tags, scripts and tooltips removed, spaces collapsed).
 * - Links are checked as if the example were a story of this repository: beside the example stories of
 *   content/stories/, with the files of public/.
 * Data files named with src= are read from docs/examples/data/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import vocabulary from "../../src/engine/chart/spec/plot-vocabulary.json" with { type: "json" };
import { transformCalls } from "../../src/engine/chart/spec/plot-calls.ts";
import type { CompiledStory } from "../../src/engine/compile-story.ts";
import { compileStoryAsync } from "../../src/engine/compile-story-async.ts";
import { checkLinks } from "../../src/engine/project/check-links.ts";
import { compileProject } from "../../src/engine/project/compile-project.ts";
import { listPublicFiles } from "../../src/engine/project/public-files.ts";
import { nodeDataFiles } from "../../src/engine/data/node-data-files.ts";
import { formatDiagnostic } from "../../src/engine/diagnostics/format-diagnostic.ts";
import { blockAttributes } from "../../src/engine/story/find-story-blocks.ts";
import { frontmatterKeys } from "../../src/engine/story/frontmatter-schema.ts";
import { repoRoot } from "../support/temp-project.ts";

const DOC = "docs/authoring.md";
const docText = readFileSync(join(repoRoot, DOC), "utf8");
const dataFiles = nodeDataFiles(join(repoRoot, "docs/examples/data"));


export interface DocExample {
  /** 1-based line of the opening fence in the doc. */
  line: number;
  /** The "##" heading the example is under. */
  section: string;
  body: string;
  complete: boolean;
  expect?: string[];
  lang: string;
  illustration: boolean;
  /** Documents behaviour still being built: expected to fail for now. */
  pending: boolean;
  /** Text readers must see, from a ```text shown block right after the example. */
  shown?: string[];
}

/** Finds the ````markdown examples of a Markdown document, following CommonMark's fence rules. */
export function extractExamples(text: string): DocExample[] {
  const lines = text.split("\n");
  const examples: DocExample[] = [];
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^## /.test(line)) section = line.slice(3).trim();
    const open = /^(`{3,}|~{3,})\s*(\S*)(.*)$/.exec(line);
    if (!open) continue;
    const [, marks, lang, rest] = open as unknown as [string, string, string, string];
    const closeAt = findClose(lines, i + 1, marks);
    const body = lines.slice(i + 1, closeAt).join("\n");
    if (lang === "markdown") {
      const words = rest.trim().split(/\s+/).filter(Boolean);
      const expectWord = words.find((w) => w.startsWith("expect="));
      const langWord = words.find((w) => w.startsWith("lang="));
      const example: DocExample = {
        line: i + 1,
        section,
        body,
        complete: body.startsWith("---\n"),
        lang: langWord ? langWord.slice(5) : "en",
        illustration: words.includes("illustration"),
        pending: words.includes("pending"),
      };
      if (expectWord) example.expect = expectWord.slice(7).split(",").filter(Boolean).sort();
      // A ```text shown block after blank lines only belongs to this example.
      let next = closeAt + 1;
      while (next < lines.length && lines[next]!.trim() === "") next++;
      const shown = /^(`{3,})text\s+shown\s*$/.exec(lines[next] ?? "");
      if (shown) {
        const shownClose = findClose(lines, next + 1, shown[1]!);
        example.shown = lines.slice(next + 1, shownClose).filter((l) => l.trim() !== "");
      }
      examples.push(example);
    }
    i = closeAt;
  }
  return examples;
}

function findClose(lines: string[], from: number, marks: string): number {
  for (let j = from; j < lines.length; j++) {
    const m = /^(`{3,}|~{3,})\s*$/.exec(lines[j]!);
    if (m && m[1]![0] === marks[0] && m[1]!.length >= marks.length) return j;
  }
  return lines.length;
}

/** The ```data blocks of an example, with their ids. */
function dataBlocks(body: string): { id: string | undefined; text: string }[] {
  const blocks: { id: string | undefined; text: string }[] = [];
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})data\b(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const close = findClose(lines, i + 1, open[1]!);
    const id = /(?:^|\s)id=(?:"([^"]*)"|(\S+))/.exec(open[2]!);
    blocks.push({ id: id ? (id[1] ?? id[2]) : undefined, text: lines.slice(i, close + 1).join("\n") });
    i = close;
  }
  return blocks;
}

const frontmatter = (lang: string) => `---\ntitle: An example\ndek: One example from docs/authoring.md.\ndate: 2025-03-21\nlang: ${lang}\n---\n\n`;

interface Compiled {
  story: CompiledStory;
  text: string;
}

/** The repository's own stories and public/ files, which examples may link to; compiled once. */
let repository: { stories: CompiledStory[]; publicFiles: string[] } | undefined;
function withLinksChecked(story: CompiledStory): CompiledStory {
  repository ??= { stories: compileProject(repoRoot).stories, publicFiles: listPublicFiles(repoRoot) };
  return checkLinks([story, ...repository.stories], { publicFiles: repository.publicFiles })[0]!;
}

/** Compiled as the build compiles (SQL blocks run, with the files of docs/examples/data/). */
async function compileExample(example: DocExample, context: readonly { id: string | undefined; text: string }[]): Promise<Compiled> {
  const path = `content/stories/authoring-line-${example.line}.md`;
  if (example.complete) return { story: withLinksChecked(await compileStoryAsync({ path, text: example.body }, { dataFiles })), text: example.body };
  const own = new Set(dataBlocks(example.body).map((b) => b.id));
  const before = context.filter((b) => !own.has(b.id)).map((b) => `${b.text}\n\n`).join("");
  const text = `${frontmatter(example.lang)}${before}${example.body}\n`;
  return { story: withLinksChecked(await compileStoryAsync({ path, text }, { dataFiles })), text };
}

/** What readers see of a compiled story: its text without scripts and tooltips, spaces collapsed. */
export function readerText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of document.querySelectorAll('script, [role="tooltip"]')) node.remove();
  return (document.body.textContent ?? "").replace(/\s+/g, " ");
}

const report = ({ story, text }: Compiled) => story.diagnostics.map((d) => formatDiagnostic(d, { source: text })).join("\n\n");

function check(example: DocExample, compiled: Compiled): void {
  // A fragment draws one chart of data its section shares among several: that no chart uses some of
  // the shared columns is no fault of the fragment.
  const diagnostics = example.complete ? compiled.story.diagnostics : compiled.story.diagnostics.filter((d) => d.code !== "data/unused-column");
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  if (example.expect) expect(codes, report(compiled)).toEqual(example.expect);
  else expect(diagnostics, `${DOC}:${example.line}\n${report(compiled)}`).toEqual([]);
  if (example.shown) {
    const seen = readerText(compiled.story.html);
    for (const line of example.shown) expect(seen, `${DOC}:${example.line} should show "${line}"`).toContain(line.replace(/\s+/g, " ").trim());
  }
}

/** The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces as "-". */
export const githubSlug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const examples = extractExamples(docText);
const sections = [...new Set(examples.map((e) => e.section))];

describe("docs/authoring.md examples", () => {
  it("has complete stories in both languages and many smaller examples", () => {
    const complete = examples.filter((e) => e.complete);
    expect(complete.length).toBeGreaterThanOrEqual(4);
    expect(complete.some((e) => /^lang: zh-CN$/m.test(e.body))).toBe(true);
    expect(examples.filter((e) => !e.complete && !e.illustration).length).toBeGreaterThanOrEqual(30);
  });

  for (const section of sections) {
    describe(section, () => {
      const context: { id: string | undefined; text: string }[] = [];
      for (const example of examples.filter((e) => e.section === section)) {
        if (example.illustration) continue;
        const snapshot = [...context];
        if (!example.complete && !example.expect) {
          for (const block of dataBlocks(example.body)) {
            const index = context.findIndex((b) => b.id === block.id);
            if (index >= 0) context.splice(index, 1);
            context.push(block);
          }
        }
        const name = `${example.complete ? "story" : "example"} at ${DOC}:${example.line}${example.expect ? ` reports ${example.expect.join(", ")}` : ""}`;
        const test = async () => check(example, await compileExample(example, snapshot));
        // Behaviour still being built: fails until it lands (then remove `pending` from the example).
        if (example.pending) it.fails(`${name} (pending)`, test);
        else it(name, test);
      }
    });
  }
});

describe("docs/authoring.md is complete", () => {
  const mentioned = (name: string) => docText.includes(`\`${name}\``) || docText.includes(`\`${name}:`) || docText.includes(`\`${name}=`);
  it("names every mark of Plot that a chart may use", () => {
    expect(Object.keys(vocabulary.marks).filter((mark) => !mentioned(mark))).toEqual([]);
  });
  it("names every transform", () => {
    expect(Object.keys(transformCalls).filter((name) => !mentioned(name))).toEqual([]);
  });
  it("names every frontmatter key and every block attribute", () => {
    expect(frontmatterKeys.filter((key) => !mentioned(key))).toEqual([]);
    expect([...blockAttributes.data, ...blockAttributes.plot].filter((name) => !mentioned(name))).toEqual([]);
  });
  it("links only to places that exist, in itself and in docs/diagnostics.md", () => {
    const anchorsOf = (markdown: string) =>
      new Set([
        ...[...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!),
        ...[...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => githubSlug(m[1]!)),
      ]);
    const diagnosticsAnchors = anchorsOf(readFileSync(join(repoRoot, "docs/diagnostics.md"), "utf8"));
    const ownAnchors = anchorsOf(docText);
    const broken = [
      ...[...docText.matchAll(/\(diagnostics\.md#([^)\s]+)\)/g)].map((m) => m[1]!).filter((a) => !diagnosticsAnchors.has(a)),
      ...[...docText.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]!).filter((a) => !ownAnchors.has(a)),
    ];
    expect(broken).toEqual([]);
  });
});
