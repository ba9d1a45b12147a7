import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { SourceFile } from "../diagnostics/source-file.ts";
import { MAX_NESTING_DEPTH } from "../limits.ts";

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** Sticky: matched at lastIndex. */
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;

/**
 * How deeply blockquotes and lists nest, read line by line before the Markdown parser sees the story:
 * past MAX_NESTING_DEPTH the parser slows to a crawl (a 1,500-level list takes minutes) and rendering
 * overflows the stack. Lines nested deeper than the limit are blanked (line breaks kept, so every
 * position stays the same) and the first one is reported where it crosses the limit.
 *
 * The count follows CommonMark's containers closely enough for this purpose, in one pass and linear
 * time: `>` markers at the start of a line, and list items by their markers and by the indentation
 * that keeps later lines inside them. Fenced blocks and the frontmatter are skipped. What it misses
 * (lazy continuation lines) cannot make a story deeper than the lines before it.
 */
export function limitNesting(file: SourceFile): { file: SourceFile; diagnostics: Diagnostic[] } {
  const lines = file.text.split("\n");
  let first: Diagnostic | undefined;
  let blanked = false;
  /** Content columns of the open list items, innermost last. */
  let items: number[] = [];
  let quotesBefore = 0;
  let fence: string | undefined;
  let i = 0;
  if (lines[0]?.trimEnd() === "---") {
    const close = lines.findIndex((line, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close > 0) i = close + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // Blockquote markers: each ">" opens (or continues) one quote.
    let at = 0;
    let quotes = 0;
    const markers: number[] = [];
    for (;;) {
      let j = at;
      while (line[j] === " " || line[j] === "\t") j++;
      if (line[j] !== ">") break;
      markers.push(j);
      quotes++;
      at = j + 1;
    }
    let column = 0;
    let j = at;
    for (; line[j] === " " || line[j] === "\t"; j++) column = line[j] === "\t" ? column + 4 - (column % 4) : column + 1;
    const rest = line.slice(j);
    if (fence !== undefined) {
      const match = FENCE.exec(rest);
      if (match && match[1]![0] === fence[0] && match[1]!.length >= fence.length && match[2]!.trim() === "") fence = undefined;
      continue;
    }
    if (rest.trim() === "") continue;
    if (quotes !== quotesBefore) items = [];
    quotesBefore = quotes;
    while (items.length > 0 && items[items.length - 1]! > column) items.pop();
    const opening = FENCE.exec(rest);
    if (opening && !(opening[1]!.startsWith("`") && opening[2]!.includes("`"))) {
      fence = opening[1]!;
      continue;
    }
    // List markers, several on one line for a list in a list ("- - item").
    const carried = items.length;
    if (column < (items[items.length - 1] ?? 0) + 4 && !THEMATIC_BREAK.test(rest)) {
      let k = j;
      let col = column;
      for (;;) {
        LIST_MARKER.lastIndex = k;
        const marker = LIST_MARKER.exec(line);
        if (!marker) break;
        markers.push(k);
        k += marker[0].length;
        col += marker[0].length;
        let spaces = 0;
        while ((line[k + spaces] === " " || line[k + spaces] === "\t") && spaces < 5) spaces++;
        const content = spaces >= 5 || k + spaces >= line.length ? col + 1 : col + spaces;
        items.push(content);
        k += Math.min(spaces, 4);
        col = content;
        if (spaces >= 5) break;
      }
    }
    const depth = quotes + items.length;
    if (depth <= MAX_NESTING_DEPTH) continue;
    if (!first) {
      // The marker of level MAX + 1: a ">", or this line's own list marker (items carried from earlier lines have none here).
      const level = MAX_NESTING_DEPTH + 1;
      const crossing = level <= quotes ? markers[level - 1]! : level <= quotes + carried ? j : markers[level - 1 - carried]!;
      const lineStart = file.offsetAt({ line: i + 1, column: 1 });
      first = diagnostic("story/too-deep", { depth, limit: MAX_NESTING_DEPTH }, file.span(lineStart + crossing, lineStart + line.length));
    }
    lines[i] = "";
    blanked = true;
  }
  return { file: blanked ? new SourceFile(file.path, lines.join("\n")) : file, diagnostics: first ? [first] : [] };
}
