import type { DataTable } from "../../data/data-table.ts";
import { chartTextWidth } from "../../image/text-width.ts";
import { isJsonObject, markDataId, type ChartSpec } from "../spec/chart-spec.ts";

/** Plot's own left margin, which it keeps whatever the labels: long ones run off the chart. */
const PLOT_MARGIN_LEFT = 40;
/** Room at the margin's left edge for the y axis's name, written on its side: 3 px in, a 10 px line and 1 px apart. */
const AXIS_NAME_ROOM = 14;
/** Never more than this, so a phone's 300 px drawing keeps room for the data. */
const MAX_MARGIN_LEFT = 140;

/** Width of a label in px at Plot's 10 px font: the shared estimate of chart text (see text-width.ts). */
export const labelWidth = (text: string): number => chartTextWidth(text, 10);

/**
 * Plot leaves 40 px left of the chart for the y axis's labels however long they are, so category names
 * ("AIGC产品经理", "Machine-learning engineers") are cut off. When the editor set no left margin, make it
 * as wide as the longest category label on the y axis (within reason).
 */
export function withLabelMargins(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  if (spec.options["marginLeft"] !== undefined || spec.options["margin"] !== undefined) return spec;
  const yOptions = spec.options["y"];
  if (isJsonObject(yOptions) && (yOptions["axis"] === null || yOptions["axis"] === "right")) return spec;
  let widest = 0;
  for (const mark of spec.marks) {
    const column = mark.options["y"];
    const tableId = markDataId(spec, mark);
    const table = tableId === undefined ? undefined : tables.get(tableId);
    if (typeof column !== "string" || !table || table.columns.find((c) => c.name === column)?.type !== "string") continue;
    for (const row of table.rows) {
      const value = row[column];
      if (typeof value === "string") widest = Math.max(widest, labelWidth(value));
    }
  }
  // Tick labels sit 9 px left of the axis, which has 6 px ticks. Plot writes the axis's name (the
  // column, or y.label) on its side at the margin's left edge, beside the labels in the middle of the
  // axis: without room for it too, the longest label there met it and was left out (label-collisions.ts).
  const named = !isJsonObject(yOptions) || (yOptions["label"] !== null && yOptions["label"] !== "");
  const needed = Math.ceil(widest + 15 + (named ? AXIS_NAME_ROOM : 0));
  if (needed <= PLOT_MARGIN_LEFT) return spec;
  return { ...spec, options: { ...spec.options, marginLeft: Math.min(needed, MAX_MARGIN_LEFT) } };
}
