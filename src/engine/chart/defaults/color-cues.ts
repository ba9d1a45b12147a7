import type { DataTable } from "../../data/data-table.ts";
import { type ChartSpec, type JsonObject, type MarkSpec, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import { labelWidth } from "./label-margins.ts";

/** Up to this many series get labels at their ends; more would crowd each other. */
const MAX_LABELLED_SERIES = 8;

function categoricalColumn(mark: MarkSpec, spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): { column: string; table: DataTable } | undefined {
  const tableId = markDataId(spec, mark);
  const table = tableId === undefined ? undefined : tables.get(tableId);
  if (!table) return undefined;
  for (const channel of ["stroke", "fill"] as const) {
    const column = mark.options[channel];
    const type = typeof column === "string" ? table.columns.find((c) => c.name === column)?.type : undefined;
    if (typeof column === "string" && (type === "string" || type === "boolean")) return { column, table };
  }
  return undefined;
}

/**
 * Colour should never be the only way to tell categories apart (WCAG 1.4.1). Where the editor has not
 * chosen otherwise:
 * - dots coloured by category also get a shape per category (and the legend shows the shapes);
 * - lines coloured by category get their name written at their last point.
 */
export function withColorCues(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const marks: MarkSpec[] = [];
  const options: JsonObject = { ...spec.options };
  for (const mark of spec.marks) {
    marks.push(mark);
    const category = categoricalColumn(mark, spec, tables);
    if (!category || mark.transforms.length > 0) continue;
    if (/^dot[XY]?$/.test(mark.mark) && mark.options["symbol"] === undefined) {
      marks[marks.length - 1] = { ...mark, options: { ...mark.options, symbol: category.column } };
      const color = options["color"];
      // One legend for both: the symbol legend draws each shape in its category's colour.
      if (isJsonObject(color) && color["legend"] === true && options["symbol"] === undefined) {
        options["color"] = { ...color, legend: false };
        options["symbol"] = { legend: true };
      }
      continue;
    }
    const { x, y } = mark.options;
    if (/^line[XY]?$/.test(mark.mark) && typeof x === "string" && typeof y === "string") {
      const names = new Set(category.table.rows.map((row) => row[category.column]).filter((v) => v !== null).map(String));
      if (names.size < 2 || names.size > MAX_LABELLED_SERIES) continue;
      const label: MarkSpec = {
        mark: "text",
        options: { x, y, z: category.column, text: category.column, textAnchor: "start", dx: 4, ariaHidden: true },
        transforms: [{ name: "selectLast", value: true }],
      };
      if (typeof mark.data === "string") label.data = mark.data;
      marks.push(label);
      if (options["marginRight"] === undefined && options["margin"] === undefined) {
        options["marginRight"] = Math.min(140, Math.ceil(Math.max(...[...names].map(labelWidth)) + 8));
      }
    }
  }
  return { ...spec, options, marks };
}
