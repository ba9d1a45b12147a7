import type { Parent, Root } from "mdast";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { MAX_NESTING_DEPTH } from "../limits.ts";

/** Nodes that nest: each one inside another counts one level. */
const NESTING = new Set(["blockquote", "list", "containerDirective", "emphasis", "strong", "delete", "link", "linkReference"]);

/**
 * Cuts out of a parsed story what nests deeper than MAX_NESTING_DEPTH (emphasis in emphasis, links
 * in links, quotes and lists that limitNesting could not see), reporting the first place: rendering
 * such a tree would overflow the stack. Walks the tree with a list, not recursion, for the same reason.
 */
export function pruneDeepNodes(tree: Root, file: SourceFile): Diagnostic[] {
  let first: Diagnostic | undefined;
  const pending: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    node.children = node.children.filter((child) => {
      const childDepth = NESTING.has(child.type) ? depth + 1 : depth;
      if (childDepth > MAX_NESTING_DEPTH) {
        const start = child.position?.start;
        // The tree is walked out of order: report the place nearest the top of the story.
        if (first && (!start || first.span.start.line < start.line || (first.span.start.line === start.line && first.span.start.column <= start.column))) return false;
        first = diagnostic(
          "story/too-deep",
          { depth: childDepth, limit: MAX_NESTING_DEPTH },
          start ? { file: file.path, start, end: { line: start.line, column: file.lineText(start.line).length + 1 } } : file.lineSpan(1),
        );
        return false;
      }
      if ("children" in child) pending.push({ node: child as Parent, depth: childDepth });
      return true;
    }) as typeof node.children;
  }
  return first ? [first] : [];
}
