import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { compileStory, type CompiledStory } from "../../../src/engine/compile-story.ts";
import type { StoryData } from "../../../src/engine/data/story-data.ts";
import type { DataFileSource } from "../../../src/engine/data/data-file-source.ts";
import { parseDataBlock } from "../../../src/engine/data/parse-data-block.ts";
import type { Diagnostic } from "../../../src/engine/diagnostics/diagnostic.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { findStoryBlocks } from "../../../src/engine/story/find-story-blocks.ts";
import { normalizeSource } from "../../../src/engine/story/normalize-source.ts";
import type { StoryBlock } from "../../../src/engine/story/story-block.ts";
import { memoryFiles, story, STORY_PATH } from "../data/helpers.ts";

export { at, FENCE_LINE, located, memoryFiles, story, STORY_PATH } from "../data/helpers.ts";

/**
 * The data block most chart tests draw. With the test frontmatter it takes lines 7–12, so the chart
 * block that follows it (after a blank line) has its fence on line 14 and its first YAML line on 15.
 */
export const PAY = "```data id=pay\nname,salary,dept\nAna,52000,news\nBo,61000,graphics\nCy,47000,news\n```\n\n";
/** The fence line of the chart block in `payChart()`. */
export const PLOT_LINE = 14;
/** The line of the YAML body's first line in `payChart()`. */
export const BODY_LINE = PLOT_LINE + 1;

/** A ```plot block with this info string and YAML body. */
export const plotBlock = (info: string, yaml: string): string => `\`\`\`plot${info ? ` ${info}` : ""}\n${yaml}${yaml.endsWith("\n") ? "" : "\n"}\`\`\`\n`;

/** Warnings most test charts earn (no alt; the PAY data's dept column unused; no title or id), tested on their own. */
export const INCIDENTAL = new Set(["plot/missing-alt", "data/unused-column", "plot/positional-id"]);

/**
 * Compiles a story made of the test frontmatter and `markdown`, leaving out the incidental warnings
 * (missing-alt.test.ts, unused-column.test.ts and chart-id.test.ts test them).
 */
export function compile(markdown: string, files: DataFileSource = memoryFiles()): CompiledStory {
  const compiled = compileStory({ path: STORY_PATH, text: story(markdown) }, { dataFiles: files });
  return { ...compiled, diagnostics: compiled.diagnostics.filter((d) => !INCIDENTAL.has(d.code)) };
}

/** Compiles the PAY data block followed by one chart block (`data=pay` unless told otherwise). */
export function payChart(yaml: string, info = "data=pay"): CompiledStory {
  return compile(PAY + plotBlock(info, yaml));
}

/** Diagnostics as "code line:column", in the test story. */
export const where = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);

/** Diagnostics as "code line:column-line:column", to check the whole stretch pointed at. */
export const spans = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column}`);

/**
 * An independent oracle for positions: the 1-based line and column of the `occurrence`-th (1-based)
 * appearance of `needle` in the compiled story's text, as "line:column".
 */
export function positionOf(markdown: string, needle: string, occurrence = 1): string {
  const text = story(markdown);
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return `${line}:${column}`;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

/** The blocks of a story and its data, parsed by the real pipeline, for tests of the chart functions themselves. */
export function storyBlocks(markdown: string, files: DataFileSource = memoryFiles()): { plots: StoryBlock[]; data: Map<string, StoryData> } {
  const file = new SourceFile(STORY_PATH, normalizeSource(story(markdown)));
  const tree = parser.parse(file.text) as Root;
  const { blocks, diagnostics } = findStoryBlocks(tree, file);
  if (diagnostics.length > 0) throw new Error(`test story has block problems: ${diagnostics.map((d) => d.message).join("; ")}`);
  const data = new Map<string, StoryData>();
  for (const block of blocks.filter((b) => b.kind === "data")) {
    const { table, diagnostics: dataDiagnostics } = parseDataBlock(block, files);
    if (!table || dataDiagnostics.length > 0) throw new Error(`test data has problems: ${dataDiagnostics.map((d) => d.message).join("; ")}`);
    data.set(table.id, { table, block });
  }
  return { plots: blocks.filter((b) => b.kind === "plot"), data };
}

/** The only chart block of a story. */
export function onlyPlot(markdown: string): StoryBlock {
  const { plots } = storyBlocks(markdown);
  if (plots.length !== 1) throw new Error(`expected one chart block, found ${plots.length}`);
  return plots[0]!;
}

/** A compiled story that must have no diagnostics at all. */
export function clean(result: CompiledStory): CompiledStory {
  if (result.diagnostics.length > 0) {
    throw new Error(`unexpected diagnostics: ${result.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`).join(" | ")}`);
  }
  return result;
}

/** The number of elements of a tag in some markup. */
export const count = (markup: string, tag: string): number => markup.match(new RegExp(`<${tag}[\\s>/]`, "g"))?.length ?? 0;

/** The markup of the first `<g data-label="label">…</g>` group (Plot labels each mark's group; Plotline moves that label to data-label). */
export function markGroup(markup: string, label: string): string {
  const start = markup.indexOf(`data-label="${label}"`);
  if (start < 0) return "";
  const open = markup.lastIndexOf("<g", start);
  let depth = 0;
  const tags = /<g[\s>]|<\/g>/g;
  tags.lastIndex = open;
  for (let m = tags.exec(markup); m; m = tags.exec(markup)) {
    depth += m[0] === "</g>" ? -1 : 1;
    if (depth === 0) return markup.slice(open, m.index + 4);
  }
  return markup.slice(open);
}
