/**
 * Raw HTML that opens an element whose content the browser does not read as HTML, and never closes it,
 * swallows everything after it on the page: <style>, <script>, <textarea>, <title>, <xmp>, <iframe>,
 * <noembed>, <noframes> and <noscript> take what follows as their text, <plaintext> takes the rest of the
 * page, <select> drops every tag in it, <template> keeps its content out of the page, and a comment
 * "<!--" without "-->" hides the rest. The sanitiser removes all these elements afterwards, but the
 * swallowing happens first, in the HTML parser, so charts, tables and prose after one vanish silently.
 * Each must therefore be closed within the same HTML block, or the same paragraph (or heading, or table
 * cell) for HTML inside a sentence; an unclosed one is html/unclosed-element at its opening tag.
 */
import type { Html, Nodes, Root } from "mdast";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";

/** Elements whose unclosed start tag swallows what follows. */
const SWALLOWING = ["style", "script", "textarea", "title", "xmp", "plaintext", "iframe", "noembed", "noframes", "noscript", "select", "template"];
const OPENING = new RegExp(`<!--|<(${SWALLOWING.join("|")})(?=[\\s/>])`, "gi");
/** Where HTML inside a sentence belongs: one run of inline HTML. */
const INLINE_RUN = new Set(["paragraph", "heading", "tableCell"]);

interface Segment {
  node: Html;
  /** Offset of the node's value in the run's text. */
  at: number;
}

export function swallowingHtml(tree: Root, file: SourceFile): Diagnostic[] {
  const runs = new Map<Nodes, Segment[]>();
  // Inline HTML runs through its paragraph (heading, table cell); an HTML block is a run of its own.
  const walk = (node: Nodes, inline: Nodes | undefined) => {
    if (node.type === "html") {
      const owner = inline ?? node;
      const run = runs.get(owner) ?? [];
      const last = run.at(-1);
      run.push({ node, at: last ? last.at + last.node.value.length + 1 : 0 });
      runs.set(owner, run);
    }
    if ("children" in node) for (const child of node.children) walk(child, inline ?? (INLINE_RUN.has(node.type) ? node : undefined));
  };
  walk(tree, undefined);
  const diagnostics: Diagnostic[] = [];
  for (const run of runs.values()) {
    const text = run.map((s) => s.node.value).join("\n");
    OPENING.lastIndex = 0;
    for (let match = OPENING.exec(text); match; match = OPENING.exec(text)) {
      const name = match[1]?.toLowerCase();
      const close = name === undefined ? closeOf(text, match.index + 2, /-->/g, 3) : name === "plaintext" ? -1 : closeOf(text, match.index, new RegExp(`</${name}(?=[\\s/>])`, "gi"), 0);
      if (close < 0) {
        diagnostics.push(diagnostic("html/unclosed-element", { tag: name ?? "!--" }, file.span(...sourceRange(run, match.index, match[0], file))));
        break;
      }
      OPENING.lastIndex = close;
    }
  }
  return diagnostics;
}

/** The offset just after the first match of `closing` from `from`, or -1. ("<!-->" and "<!--->" are closed comments, hence comments search from "<!" on.) */
function closeOf(text: string, from: number, closing: RegExp, length: number): number {
  closing.lastIndex = from;
  const found = closing.exec(text);
  return found ? found.index + (length || found[0].length) : -1;
}

/** Where in the story file the run's text at `at` is (a node's value is the file's text, less any list or quote indentation). */
function sourceRange(run: Segment[], at: number, tag: string, file: SourceFile): [number, number] {
  const segment = [...run].reverse().find((s) => s.at <= at)!;
  const start = segment.node.position?.start.offset ?? 0;
  const end = segment.node.position?.end.offset ?? start;
  const exact = file.text.slice(start, end) === segment.node.value;
  const found = exact ? start + at - segment.at : file.text.indexOf(tag, start);
  const offset = found >= 0 ? found : start;
  return [offset, offset + tag.length];
}
