import type { Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import type { StoryData } from "../data/story-data.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { isStorySection } from "../story/story-sections.ts";
import { columnNotNumbers } from "./column-not-numbers.ts";
import { formatValue } from "./format-value.ts";
import { resolveValue } from "./resolve-value.ts";
import { valueHtml } from "./value-html.ts";

type Directive = TextDirective | LeafDirective | ContainerDirective;

export interface BoundValues {
  /** Each :value node, with the HTML that replaces it. */
  html: Map<RootContent, string>;
  /** Data blocks that numbers in the prose refer to. */
  referenced: Set<string>;
  /** The columns of each data block that numbers use (their column, and the columns that pick rows). */
  usedColumns: Map<string, Set<string>>;
  diagnostics: Diagnostic[];
}

const isDirective = (node: { type: string }): node is Directive =>
  node.type === "textDirective" || node.type === "leafDirective" || node.type === "containerDirective";

/**
 * Finds the `:value[…]` references of a story and writes each one's number from the data. `:mark[…]`
 * is left for bind-marks.ts. Any other directive-like text (`Note:this`, `Re:Zero`, `::x`) is not Plotline syntax: it is put back as the
 * text the editor wrote.
 */
export function bindValues(tree: Root, data: ReadonlyMap<string, StoryData>, file: SourceFile, lang: string, provenanceOf: (id: string) => string): BoundValues {
  const bound: BoundValues = { html: new Map(), referenced: new Set(), usedColumns: new Map(), diagnostics: [] };
  let count = 0;
  visit(tree, (node, index, parent) => {
    if (!isDirective(node) || !parent || index === undefined) return;
    // :::scrolly and :::toggle are Plotline's (story-sections.ts): the numbers inside them are bound too.
    if (isStorySection(node)) return;
    if (node.type === "textDirective" && node.name === "value") {
      const { resolved, diagnostics } = resolveValue(node, data, file);
      bound.diagnostics.push(...diagnostics);
      if (!resolved) {
        restore(node, index, parent, file);
        return SKIP;
      }
      const given = typeof node.attributes?.["format"] === "string" ? node.attributes["format"] : undefined;
      // A number written as a percentage in the data reads back as one unless told otherwise.
      const format = given ?? (resolved.percent && typeof resolved.value === "number" ? "percent" : undefined);
      const formatted = formatValue(resolved.value, format, lang, resolved.precision);
      const span = file.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      if (!formatted.ok) {
        bound.diagnostics.push(
          formatted.problem === "not-a-number" && resolved.column !== undefined && typeof resolved.value === "string"
            ? columnNotNumbers(resolved.table, resolved.column, `the format "${format}" cannot write it`, span)
            : formatted.problem === "not-a-number"
            ? diagnostic("value/not-a-number", { format: format ?? "", found: formatted.detail }, span)
            : formatted.problem === "not-a-date"
              ? diagnostic("value/not-a-date", { format: format ?? "", found: formatted.detail }, span)
              : diagnostic("value/invalid-format", { format: format ?? "", detail: formatted.detail }, span),
        );
        restore(node, index, parent, file);
        return SKIP;
      }
      bound.referenced.add(resolved.table.id);
      for (const table of resolved.tables ?? []) bound.referenced.add(table.id);
      const used = bound.usedColumns.get(resolved.table.id) ?? new Set<string>();
      const names = resolved.columns ?? [toString(node).split(".").slice(1).join("."), ...Object.keys(node.attributes ?? {})];
      for (const key of names) used.add(key);
      bound.usedColumns.set(resolved.table.id, used);
      bound.html.set(
        node,
        valueHtml({
          text: formatted.text,
          value: resolved.value,
          provenance: `${provenanceOf(resolved.table.id)} · ${resolved.description}`,
          href: `#data-${resolved.table.id}`,
          id: `value-${++count}`,
        }),
      );
      return SKIP;
    }
    // Words that light a chart's series are bound once the charts are drawn (bind-marks.ts).
    if (node.type === "textDirective" && node.name === "mark") return SKIP;
    restore(node, index, parent, file);
    return SKIP;
  });
  return bound;
}

/** Puts back the exact text of a directive that is not ours (or could not be resolved). */
function restore(node: Directive, index: number, parent: { children: unknown[] }, file: SourceFile): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const text = start !== undefined && end !== undefined ? file.text.slice(start, end) : "";
  parent.children[index] = node.type === "textDirective" ? { type: "text", value: text } : { type: "paragraph", children: [{ type: "text", value: text }] };
}
