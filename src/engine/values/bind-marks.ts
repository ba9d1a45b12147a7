import type { Root, RootContent } from "mdast";
import type { TextDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { SKIP, visit } from "unist-util-visit";
import type { CompiledChart } from "../compiled-chart.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile, SourceSpan } from "../diagnostics/source-file.ts";

/** The prose directive that names a series or bar of a chart: `:mark[Beijing]{chart=cities}`. */
export const MARK_DIRECTIVE = "mark";

export interface BoundMarks {
  /** Each :mark node, with the HTML that replaces it (the words alone when it could not be bound). */
  html: Map<RootContent, string>;
  diagnostics: Diagnostic[];
}

/**
 * Binds the `:mark[words]{chart=<id> key=<value>}` of a story to its charts: each becomes a <mark> that
 * names the chart's figure and the key it lights (the words themselves unless key= says otherwise), for
 * the page's script to light on hover and focus. Without the script it is highlighted text. Charts with
 * errors keep their id= (`reservedIds`): words naming one are not reported on top of the chart's errors.
 */
export function bindMarks(tree: Root, charts: readonly CompiledChart[], reservedIds: ReadonlySet<string>, file: SourceFile): BoundMarks {
  const bound: BoundMarks = { html: new Map(), diagnostics: [] };
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  const known = [...new Set([...charts.map((chart) => chart.id), ...reservedIds])];
  visit(tree, "textDirective", (node: TextDirective) => {
    if (node.name !== MARK_DIRECTIVE) return;
    const words = toString(node);
    const plain = h("mark.plotline-mark", words);
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const whole = file.span(start, end);
    const attributeSpan = (name: string) => {
      const text = file.text.slice(start, end);
      const braces = text.lastIndexOf("]{");
      const found = braces < 0 ? null : new RegExp(`(?:^|[\\s{])${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s}]+)`).exec(text.slice(braces + 1));
      if (!found) return whole;
      const valueStart = start + braces + 1 + found.index + found[0].length - found[1]!.length;
      const quoted = /^["']/.test(found[1]!);
      return file.span(valueStart + (quoted ? 1 : 0), valueStart + found[1]!.length - (quoted ? 1 : 0));
    };
    const fail = (problem: Diagnostic) => {
      bound.diagnostics.push(problem);
      bound.html.set(node, toHtml(plain));
      return SKIP;
    };
    const chartId = node.attributes?.["chart"];
    if (typeof chartId !== "string" || chartId.trim() === "") return fail(diagnostic("mark/missing-chart", { words }, whole));
    const chart = byId.get(chartId);
    if (!chart) {
      if (reservedIds.has(chartId)) {
        // The chart has errors of its own, reported where it is.
        bound.html.set(node, toHtml(plain));
        return SKIP;
      }
      return fail(diagnostic("mark/unknown-chart", { id: chartId, suggestion: didYouMean(chartId, known), known }, attributeSpan("chart")));
    }
    if (!chart.highlight) return fail(diagnostic("mark/no-highlight", { chart: chart.id }, attributeSpan("chart")));
    const given = node.attributes?.["key"];
    const key = typeof given === "string" ? given : words.trim();
    if (!chart.highlight.keys.includes(key)) {
      const span: SourceSpan = typeof given === "string" ? attributeSpan("key") : whole;
      const { by, keys } = chart.highlight;
      return fail(diagnostic("mark/unknown-key", { key, chart: chart.id, column: by, suggestion: didYouMean(key, keys), examples: keys.slice(0, 8) }, span));
    }
    const marked = h("mark.plotline-mark", { dataChart: chart.domId, dataKey: key, tabIndex: 0 }, words);
    bound.html.set(node, toHtml(marked));
    return SKIP;
  });
  return bound;
}
