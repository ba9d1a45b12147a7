import type { Code, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { SourceFile } from "../diagnostics/source-file.ts";

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective);

interface BlankedBlock {
  /** 1-based lines of the opening and closing fence. */
  open: number;
  close: number;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

/**
 * Data blocks can hold thousands of rows, and the Markdown parser reads every character of them only
 * to hand them back untouched. So the bodies of ```data and ```plot blocks whose fences start a line are
 * blanked (line breaks kept, so every position stays the same) before parsing, and put back after.
 * If the parser does not find exactly those blocks where expected (an unusual document), the original
 * text is parsed as it is: the shortcut can make parsing faster, never different.
 */
export function parseMarkdown(file: SourceFile): Root {
  const { text, blanked } = blankBlockBodies(file);
  if (blanked.length === 0) return parser.parse(file.text) as Root;
  const tree = parser.parse(text) as Root;
  const expected = new Map(blanked.map((b) => [b.open, b]));
  let found = 0;
  visit(tree, "code", (node: Code) => {
    const block = node.position ? expected.get(node.position.start.line) : undefined;
    if (!block || node.position?.end.line !== block.close || node.position.start.column !== 1) return;
    const lines: string[] = [];
    for (let line = block.open + 1; line < block.close; line++) lines.push(file.lineText(line));
    node.value = lines.join("\n");
    found++;
  });
  if (found !== blanked.length) return parser.parse(file.text) as Root;
  // Lines and columns are the original ones; offsets count the blanked characters, so recompute them.
  visit(tree, (node) => {
    const { position } = node;
    if (!position) return;
    position.start.offset = file.offsetAt(position.start);
    position.end.offset = file.offsetAt(position.end);
  });
  return tree;
}

function blankBlockBodies(file: SourceFile): { text: string; blanked: BlankedBlock[] } {
  const lines = file.text.split("\n");
  const blanked: BlankedBlock[] = [];
  // Raw HTML blocks can swallow a following fence; keep such documents on the plain path.
  if (lines.some((line) => /^ {0,3}<[A-Za-z!?/]/.test(line))) return { text: file.text, blanked };
  let open: { index: number; marker: string; blank: boolean } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const match = FENCE.exec(lines[i]!);
    if (!open) {
      if (!match) continue;
      const [, marker, info] = match as unknown as [string, string, string];
      if (marker.startsWith("`") && info.includes("`")) continue;
      open = { index: i, marker, blank: /^(data|plot)(\s|$)/.test(info.trim()) };
    } else if (match && match[1]!.startsWith(open.marker[0]!) && match[1]!.length >= open.marker.length && match[2]!.trim() === "") {
      if (open.blank) {
        for (let j = open.index + 1; j < i; j++) lines[j] = "";
        blanked.push({ open: open.index + 1, close: i + 1 });
      }
      open = undefined;
    }
  }
  return { text: lines.join("\n"), blanked };
}
