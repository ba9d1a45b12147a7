import type { Cell, ColumnType, DataColumn, DataTable, Row } from "../../data/data-table.ts";
import type { ChartSpec, JsonObject, MarkSpec } from "../spec/chart-spec.ts";
import { marksWithoutDataArgument } from "../spec/plot-calls.ts";
import { type ChartData, markOptions, markRows, withTransforms } from "../render/spec-to-plot.ts";

/** Transforms that reduce rows to groups or bins, which Plot can evaluate once and for all at build time. */
const REDUCING = new Set(["group", "groupX", "groupY", "groupZ", "bin", "binX", "binY"]);

/** The data id of a mark's reduced rows ("=" cannot start a data block's id or an inline list's "~" id). */
export const reducedDataId = (markIndex: number): string => `=${markIndex}`;

interface PlotTransform {
  (data: readonly unknown[], facets: Uint32Array[], options: JsonObject): { data: unknown[]; facets: ArrayLike<number>[] };
}
interface PlotChannel {
  transform: (data: unknown) => ArrayLike<unknown>;
  label?: unknown;
}
const isChannel = (value: unknown): value is PlotChannel =>
  typeof value === "object" && value !== null && typeof (value as { transform?: unknown }).transform === "function";

/**
 * A chart whose marks group or bin their data (barY with groupX sum, a histogram) draws a few rows made
 * from many. For the browser to draw it again, it needs only those few: each such mark gets its groups
 * or bins, computed here by Plot's own transform, as rows of data of its own (one column per channel,
 * named after the channel's label), and no transform. Marks that facet, or whose transforms do more
 * than group or bin, keep their data. Undefined when no mark is reduced.
 *
 * The result must draw the same picture: compile-chart.ts checks that it does before shipping it.
 */
export function preAggregateMarks(spec: ChartSpec, data: ChartData): { spec: ChartSpec; tables: Map<string, DataTable> } | undefined {
  if (spec.options["facet"] !== undefined) return undefined;
  const tables = new Map<string, DataTable>();
  const marks = spec.marks.map((mark, index) => {
    const reduced = reduceMark(mark, spec, data, reducedDataId(index));
    if (!reduced) return mark;
    tables.set(reduced.table.id, reduced.table);
    return reduced.mark;
  });
  return tables.size === 0 ? undefined : { spec: { ...spec, marks }, tables };
}

function reduceMark(mark: MarkSpec, spec: ChartSpec, data: ChartData, id: string): { mark: MarkSpec; table: DataTable } | undefined {
  if (mark.transforms.length === 0 || !mark.transforms.every((t) => REDUCING.has(t.name))) return undefined;
  if (marksWithoutDataArgument.has(mark.mark) || typeof mark.data !== "string" && mark.data !== undefined) return undefined;
  if ("fx" in mark.options || "fy" in mark.options || "facet" in mark.options) return undefined;
  const rows = markRows(mark, spec, data);
  if (!rows) return undefined;
  // Without tips: they are options, not channels, and the reduced mark keeps the editor's own.
  const before = markOptions(mark, spec, { interactive: false });
  const after = withTransforms(mark, before);
  const transform = after["transform"] as PlotTransform | undefined;
  if (typeof transform !== "function") return undefined;
  const index = Uint32Array.from({ length: rows.length }, (_, i) => i);
  const out = transform(rows, [index], spec.options);
  const order = out.facets[0];
  if (!order || out.facets.length !== 1) return undefined;

  const options: JsonObject = { ...mark.options };
  // What the transforms took (x1 and x2 of a group, filter, reverse) is applied already.
  for (const key of Object.keys(before)) if (!(key in after)) delete options[key];
  const columns: { name: string; values: ArrayLike<unknown> }[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (key === "transform" || value === before[key]) continue;
    if (!isChannel(value)) {
      // Options the transform set (a bin's insets) go with the mark; anything else cannot be written in a spec.
      if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") options[key] = value;
      else if (value !== undefined) return undefined;
      continue;
    }
    // Each column is named after its channel's label, so axes and tips read as before; a second
    // channel with the same label (a bin's x1, x2 and x) names its column apart and keeps the label.
    // A channel without a label would not read as before: such a mark is kept as written.
    const label = value.label;
    if (typeof label !== "string") return undefined;
    const free = !columns.some((c) => c.name === label);
    const name = free ? label : `${label} (${key})`;
    columns.push({ name, values: value.transform(out.data) });
    options[key] = free ? label : { value: name, label };
  }
  const table = typedTable(id, columns, order);
  if (!table) return undefined;
  return { mark: { mark: mark.mark, data: id, options, transforms: [] }, table };
}

/** The reduced rows, in the order Plot draws them (after a group's sort), each column of one type. */
function typedTable(id: string, columns: { name: string; values: ArrayLike<unknown> }[], order: ArrayLike<number>): DataTable | undefined {
  const typed: DataColumn[] = [];
  for (const { name, values } of columns) {
    const type = columnType(Array.from(order, (i) => values[i]));
    if (!type) return undefined;
    typed.push({ name, type });
  }
  // fromEntries, not assignment: a label such as "__proto__" stays a column.
  const rows: Row[] = Array.from(order, (i) => Object.fromEntries(columns.map(({ name, values }) => [name, cell(values[i])])) as Row);
  return { id, kind: "table", columns: typed, rows };
}

const cell = (value: unknown): Cell => (value === undefined || (typeof value === "number" && Number.isNaN(value)) ? null : (value as Cell));

/** The one type of a column's values, or undefined for values a payload cannot carry (objects, mixed dates). */
function columnType(values: unknown[]): ColumnType | undefined {
  const types = new Set<string>();
  for (const value of values) {
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) continue;
    if (value instanceof Date) types.add("date");
    else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") types.add(typeof value);
    else return undefined;
  }
  if (types.size > 1 && types.has("date")) return undefined;
  if (types.size > 1) return undefined;
  return ((types.values().next().value as ColumnType | undefined) ?? "number");
}
