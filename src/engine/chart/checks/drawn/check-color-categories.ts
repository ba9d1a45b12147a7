/**
 * A categorical colour scale with more categories than colours gives the colours out again from the
 * start: two of twelve lines are the same blue, and the legend cannot say which is which.
 */
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { categoricalPalette } from "../../defaults/accessible-colors.ts";
import { type DrawnChart, drawnRows, placedColumn, scaleOptions } from "./drawn-chart.ts";

/** How many colours each of d3's categorical schemes has (Plot's scheme names, in lowercase). */
const SCHEME_SIZES: Readonly<Record<string, number>> = {
  accent: 8, category10: 10, dark2: 8, observable10: 10, paired: 12, pastel1: 9, pastel2: 8, set1: 9, set2: 8, set3: 12, tableau10: 10,
};

export function checkColorCategories(chart: DrawnChart): Diagnostic[] {
  const options = scaleOptions(chart.spec, "color");
  if (options["type"] !== undefined && options["type"] !== "categorical" && options["type"] !== "ordinal") return [];
  const colors = colorCount(options["range"], options["scheme"]);
  if (!colors) return [];
  for (const [index, mark] of chart.spec.marks.entries()) {
    for (const channel of ["fill", "stroke"]) {
      const placed = placedColumn(chart, mark, channel);
      if (!placed || (placed.column.type !== "string" && placed.column.type !== "boolean")) continue;
      const domain = options["domain"];
      const categories = Array.isArray(domain) ? domain.length : new Set(drawnRows(mark, placed.table).map((row) => row[placed.column.name]).filter((v) => v !== null)).size;
      if (categories <= colors.count) continue;
      return [
        diagnostic(
          "plot/too-many-colors",
          { column: placed.column.name, categories, colors: colors.count, scheme: colors.name },
          chart.locate([...chart.markPath(index), channel]),
        ),
      ];
    }
  }
  return [];
}

function colorCount(range: unknown, scheme: unknown): { count: number; name: string } | undefined {
  if (Array.isArray(range)) {
    const ours = range.length === categoricalPalette.length && range.every((c, i) => c === categoricalPalette[i]);
    return { count: range.length, name: ours ? "Plotline's palette" : "the range given" };
  }
  if (typeof scheme === "string") {
    const count = SCHEME_SIZES[scheme.toLowerCase()];
    return count === undefined ? undefined : { count, name: `the scheme "${scheme}"` };
  }
  // Plot's own default for categories.
  return scheme === undefined ? { count: 10, name: "Plot's palette" } : undefined;
}
