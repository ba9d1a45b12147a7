import type { Code, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { SourceFile } from "../diagnostics/source-file.ts";

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective);

interface LeftOutBlock {
  /** 1-based lines of the opening and closing fence in the story. */
  open: number;
  /** Undefined for a block left unclosed, which Markdown runs to the end of the story. */
  close: number | undefined;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

/**
 * Data blocks can hold hundreds of thousands of rows, and the Markdown parser reads every character
 * (even every blank line) of them only to hand them back untouched. So the body lines of ```data and
 * ```plot blocks whose fences start a line are left out of the text parsed, and put back after: the
 * parse costs the same whatever the data's size. Positions are mapped back to the story's own lines.
 * If the parser does not find exactly those blocks where expected (an unusual document), the original
 * text is parsed as it is: the shortcut can make parsing faster, never different.
 */
export function parseMarkdown(file: SourceFile): Root {
  const { text, storyLine, leftOut } = withoutBlockBodies(file);
  if (leftOut.length === 0) return parser.parse(file.text) as Root;
  const tree = parser.parse(text) as Root;
  // Lines are the parsed text's; map them to the story's, and offsets from those.
  visit(tree, (node) => {
    const { position } = node;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      point.line = storyLine[point.line - 1] ?? point.line;
      point.offset = file.offsetAt(point);
    }
  });
  const expected = new Map(leftOut.map((b) => [b.open, b]));
  // The story's end, where an unclosed block (and so the story's tree) ends.
  const lastLine = file.lineCount;
  const end = { line: lastLine, column: file.lineText(lastLine).length + 1, offset: file.text.length };
  let found = 0;
  visit(tree, "code", (node: Code) => {
    const block = node.position ? expected.get(node.position.start.line) : undefined;
    if (!block || node.position?.end.line !== (block.close ?? block.open) || node.position.start.column !== 1) return;
    // An unclosed block holds every line to the end, but not the empty one after a final line break.
    const stop = block.close ?? (file.text.endsWith("\n") ? lastLine : lastLine + 1);
    const lines: string[] = [];
    for (let line = block.open + 1; line < stop; line++) lines.push(file.lineText(line));
    node.value = lines.join("\n");
    if (block.close === undefined) {
      node.position.end = { ...end };
      if (tree.position) tree.position.end = { ...end };
    }
    found++;
  });
  return found === leftOut.length ? tree : (parser.parse(file.text) as Root);
}

/** The story without the body lines of its data and chart blocks, and the story line of each line kept. */
function withoutBlockBodies(file: SourceFile): { text: string; storyLine: number[]; leftOut: LeftOutBlock[] } {
  const lines = file.text.split("\n");
  const leftOut: LeftOutBlock[] = [];
  const none = { text: file.text, storyLine: [], leftOut };
  let open: { index: number; marker: string; leaveOut: boolean } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = FENCE.exec(line);
    if (!open) {
      // Raw HTML blocks can swallow a following fence; keep such documents on the plain path.
      if (/^ {0,3}<[A-Za-z!?/]/.test(line)) return none;
      if (!match) continue;
      const [, marker, info] = match as unknown as [string, string, string];
      if (marker.startsWith("`") && info.includes("`")) continue;
      open = { index: i, marker, leaveOut: /^(data|plot)(\s|$)/.test(info.trim()) };
    } else if (match && match[1]!.startsWith(open.marker[0]!) && match[1]!.length >= open.marker.length && match[2]!.trim() === "") {
      if (open.leaveOut && i > open.index + 1) leftOut.push({ open: open.index + 1, close: i + 1 });
      open = undefined;
    }
  }
  // An unclosed block runs to the end of the story: its lines are left out too.
  if (open?.leaveOut && lines.length > open.index + 1) leftOut.push({ open: open.index + 1, close: undefined });
  if (leftOut.length === 0) return none;
  const kept: string[] = [];
  const storyLine: number[] = [];
  let next = 0;
  for (const block of leftOut) {
    // Lines up to and including the opening fence (block.open is 1-based: index block.open - 1).
    for (; next < block.open; next++) (kept.push(lines[next]!), storyLine.push(next + 1));
    next = block.close === undefined ? lines.length : block.close - 1;
  }
  for (; next < lines.length; next++) (kept.push(lines[next]!), storyLine.push(next + 1));
  return { text: kept.join("\n"), storyLine, leftOut };
}
