import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { DataFileSource } from "../../../src/engine/data/data-file-source.ts";
import type { DataTable } from "../../../src/engine/data/data-table.ts";
import { parseDataBlock } from "../../../src/engine/data/parse-data-block.ts";
import type { Diagnostic } from "../../../src/engine/diagnostics/diagnostic.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { findStoryBlocks } from "../../../src/engine/story/find-story-blocks.ts";
import { normalizeSource } from "../../../src/engine/story/normalize-source.ts";

export const STORY_PATH = "content/stories/test-story.md";

/** Frontmatter of every test story: five lines, then a blank line, so a first block's fence is on line 7. */
export const FRONTMATTER = "---\ntitle: A test story\ndek: Numbers, read.\ndate: 2025-03-21\n---\n\n";
/** The line of the first block's fence in a story made by `story()`; its body starts on the next line. */
export const FENCE_LINE = 7;

/** A complete story: the frontmatter, then `markdown`. */
export const story = (markdown: string): string => FRONTMATTER + markdown;

/** A story holding one data block: ```data <info>, the body lines, ```. */
export const dataStory = (info: string, body: string): string => story(`\`\`\`data ${info}\n${body}${body === "" || body.endsWith("\n") ? "" : "\n"}\`\`\`\n`);

/** An in-memory data/ folder. */
export function memoryFiles(files: Record<string, string | Uint8Array> = {}, displayRoot = "data"): DataFileSource {
  const encoder = new TextEncoder();
  return {
    displayRoot,
    read: (path) => {
      if (!Object.hasOwn(files, path)) return undefined;
      const content = files[path]!;
      return typeof content === "string" ? encoder.encode(content) : content;
    },
    list: () => Object.keys(files).sort(),
  };
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

/** Parses a story with the real pipeline and runs parseDataBlock on each of its data blocks. */
export function parseStoryData(text: string, files: DataFileSource = memoryFiles()): { table?: DataTable; diagnostics: Diagnostic[] }[] {
  const file = new SourceFile(STORY_PATH, normalizeSource(text));
  const tree = parser.parse(file.text) as Root;
  const { blocks, diagnostics } = findStoryBlocks(tree, file);
  if (diagnostics.length > 0) throw new Error(`test story has block problems: ${diagnostics.map((d) => d.message).join("; ")}`);
  return blocks.filter((b) => b.kind === "data").map((block) => parseDataBlock(block, files));
}

/** parseDataBlock on the only data block of a story made of one block. */
export function parseData(info: string, body: string, files?: DataFileSource): { table?: DataTable; diagnostics: Diagnostic[] } {
  const results = parseStoryData(dataStory(info, body), files);
  if (results.length !== 1) throw new Error(`expected one data block, found ${results.length}`);
  return results[0]!;
}

/** Diagnostics as "code file:line:column", the way they are compared in tests. */
export const located = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}:${d.span.start.column}`);

/** The same, for diagnostics in the test story. */
export const at = (code: string, line: number, column: number): string => `${code} ${STORY_PATH}:${line}:${column}`;

/** Parses a block that must read without any diagnostic, and returns its table. */
export function table(info: string, body: string, files?: DataFileSource): DataTable {
  const result = parseData(info, body, files);
  if (result.diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${located(result.diagnostics).join(", ")}: ${result.diagnostics.map((d) => d.message).join(" | ")}`);
  if (!result.table) throw new Error("no table");
  return result.table;
}

/** The values of one column, in row order. */
export const column = (t: DataTable, name: string) => t.rows.map((row) => row[name]);

export const utc = (iso: string) => new Date(iso);
