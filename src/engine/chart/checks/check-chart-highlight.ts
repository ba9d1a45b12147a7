import type { StoryData } from "../../data/story-data.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { didYouMean } from "../../diagnostics/did-you-mean.ts";
import { keyText } from "../render/highlight-keys.ts";
import { type ChartSpec, type SpecPath, chartDataIds, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import { highlightChannels } from "../spec/highlight-channels.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";

export interface CheckedHighlight {
  diagnostics: Diagnostic[];
  /** Every key the chart's highlightable marks can draw (as data-key writes it), in the order of the data; empty without highlight. */
  keys: string[];
}

/**
 * Checks a chart's `highlight:`: its column is one the data has, some mark draws it (as a series, or
 * the x or y of bars and dots), and the values it lights are values of that column. `byPath` is where
 * the column's name is written (`highlight: city`, or `by:` inside the mapping).
 */
export function checkChartHighlight(spec: ChartSpec, data: ReadonlyMap<string, StoryData>, locate: SpecLocator, byPath: SpecPath): CheckedHighlight {
  const highlight = spec.highlight;
  if (!highlight) return { diagnostics: [], keys: [] };
  const { by } = highlight;
  const drawing = spec.marks.filter((mark) => highlightChannels(mark, by).length > 0);
  if (drawing.length === 0) {
    const ids = chartDataIds(spec);
    const tables = ids.map((id) => data.get(id)?.table).filter((table) => table !== undefined);
    if (tables.length > 0 && !tables.some((table) => table.columns.some((c) => c.name === by))) {
      const table = tables.find((t) => t.id === spec.data) ?? tables[0]!;
      const columns = table.columns.map((c) => c.name);
      return { diagnostics: [diagnostic("plot/unknown-column", { column: by, data: table.id, suggestion: didYouMean(by, columns), columns }, locate(byPath))], keys: [] };
    }
    return { diagnostics: [diagnostic("plot/highlight-not-drawn", { column: by }, locate(byPath))], keys: [] };
  }

  const keys = new Set<string>();
  for (const mark of drawing) {
    const rows = Array.isArray(mark.data) ? mark.data : (data.get(markDataId(spec, mark) ?? "")?.table.rows ?? []);
    for (const row of rows) {
      const text = isJsonObject(row) || (typeof row === "object" && row !== null) ? keyText((row as Record<string, unknown>)[by]) : undefined;
      if (text !== undefined) keys.add(text);
    }
  }
  const diagnostics: Diagnostic[] = [];
  // Values a mark of inline data or a failed table cannot tell apart are not judged: only when keys were found.
  if (keys.size > 0) {
    (highlight.on ?? []).forEach((value, index) => {
      if (keys.has(value)) return;
      const path: SpecPath = spec.highlight!.on!.length === 1 ? ["highlight", "on"] : ["highlight", "on", index];
      diagnostics.push(diagnostic("plot/highlight-unknown-value", { value, column: by, suggestion: didYouMean(value, keys), examples: [...keys].slice(0, 8) }, locate(path)));
    });
  }
  return { diagnostics, keys: [...keys] };
}
