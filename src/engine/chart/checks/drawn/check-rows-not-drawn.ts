/**
 * Plot leaves out, without a word, every row whose position is missing or not a finite number: a
 * scatter plot of 340 penguins shows 333, and nothing says so. Counted per mark from its data, and
 * reported at the position channel that loses the most rows. Marks with transforms are left alone.
 */
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { type DrawnChart, drawnRows, isDrawable, placedColumn } from "./drawn-chart.ts";

const POSITIONS = ["x", "y", "x1", "y1", "x2", "y2"];

export function checkRowsNotDrawn(chart: DrawnChart): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Marks drawing the same rows from the same columns (dots and a regression line) lose the same rows: said once.
  const said = new Set<string>();
  chart.spec.marks.forEach((mark, index) => {
    // Transforms (grouping, stacking, windows, dodging, …) each treat a missing position in their own way.
    if (mark.transforms.length > 0) return;
    const placed = POSITIONS.flatMap((channel) => {
      const found = placedColumn(chart, mark, channel);
      return found ? [{ channel, ...found }] : [];
    });
    if (placed.length === 0) return;
    const rows = drawnRows(mark, placed[0]!.table);
    const counts = placed.map(({ channel, column }) => ({ channel, column: column.name, count: rows.filter((row) => !isDrawable(row[column.name])).length }));
    const dropped = rows.filter((row) => placed.some(({ column }) => !isDrawable(row[column.name]))).length;
    if (dropped === 0) return;
    const missing = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
    const key = JSON.stringify([placed[0]!.table.id, dropped, missing.map((m) => m.column).sort()]);
    if (said.has(key)) return;
    said.add(key);
    diagnostics.push(diagnostic("plot/rows-not-drawn", { dropped, rows: rows.length, missing }, chart.locate([...chart.markPath(index), missing[0]!.channel])));
  });
  return diagnostics;
}
