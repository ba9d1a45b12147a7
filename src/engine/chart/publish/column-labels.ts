import { type ChartSpec, facetDataId, isJsonObject, markDataId, scaleOrAxisOption } from "../spec/chart-spec.ts";

/** The scale a channel is drawn on, for the channels whose scale can carry a label. */
const scaleOf: Readonly<Record<string, string>> = {
  x: "x", x1: "x", x2: "x", y: "y", y1: "y", y2: "y", fill: "color", stroke: "color",
  r: "r", fx: "fx", fy: "fy", opacity: "opacity", symbol: "symbol", length: "length",
};

/**
 * Column headers for the table of a chart's data: the `label` the editor gave the scale a column is
 * drawn on, or its axis mark (`y: {label: "Deaths per 1,000"}` heads the column on y). A column on two scales with
 * different labels, or two columns given one label, keep their names, so that no header misleads.
 */
export function chartColumnLabels(spec: ChartSpec, tableId: string): Map<string, string> {
  const candidates = new Map<string, Set<string>>();
  const add = (column: unknown, scale: string) => {
    // A scale's label, or its axis mark's: `y: {label: …}` or `- axisY: {label: …}`.
    const label = scaleOrAxisOption(spec, scale, "label");
    if (typeof column !== "string" || typeof label !== "string" || label.trim() === "") return;
    const labels = candidates.get(column) ?? new Set<string>();
    labels.add(label);
    candidates.set(column, labels);
  };
  for (const mark of spec.marks) {
    if (markDataId(spec, mark) !== tableId) continue;
    for (const [channel, value] of Object.entries(mark.options)) if (scaleOf[channel]) add(value, scaleOf[channel]);
  }
  const facet = spec.options["facet"];
  if (isJsonObject(facet) && facetDataId(spec) === tableId) {
    add(facet["x"], "fx");
    add(facet["y"], "fy");
  }
  const labels = new Map<string, string>();
  const taken = new Map<string, number>();
  for (const [column, found] of candidates) {
    if (found.size !== 1) continue;
    const label = [...found][0]!;
    labels.set(column, label);
    taken.set(label, (taken.get(label) ?? 0) + 1);
  }
  for (const [column, label] of labels) if (taken.get(label)! > 1) labels.delete(column);
  return labels;
}
