import type { DataTable, Row } from "../../data/data-table.ts";
import { type ChartSpec, type JsonObject, type JsonValue, type MarkSpec, facetDataId, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import { labelWidth } from "./label-margins.ts";

/**
 * Colour should never be the only way to tell categories apart (WCAG 1.4.1). Where the editor has not
 * chosen otherwise, dots coloured by category get a shape per category (withCategorySymbols), and lines
 * coloured by category get their name written at their last point (withEndLabels).
 */

/** Up to this many series get labels at their ends; more would crowd each other. */
const MAX_LABELLED_SERIES = 8;
/** Options of a line that decide which of its points are drawn where: its end labels take them too. */
const POINT_OPTIONS = ["fx", "fy", "filter", "sort", "reverse"] as const;

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

/** Dots coloured by category also get a shape per category, and one legend shows both. */
export function withCategorySymbols(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const options: JsonObject = { ...spec.options };
  const marks = spec.marks.map((mark) => {
    const category = categoricalColumn(mark, spec, tables);
    if (!category || mark.transforms.length > 0 || !/^dot[XY]?$/.test(mark.mark) || mark.options["symbol"] !== undefined) return mark;
    const color = options["color"];
    // One legend for both: the symbol legend draws each shape in its category's colour.
    if (isJsonObject(color) && color["legend"] === true && options["symbol"] === undefined) {
      options["color"] = { ...color, legend: false };
      options["symbol"] = { legend: true };
    }
    return { ...mark, options: { ...mark.options, symbol: category.column } };
  });
  return { ...spec, options, marks };
}

/**
 * Lines coloured by category get their names at their last points: one label per series in each facet
 * panel (the label takes the line's fx and fy), only at points the line draws (its filter, sort and
 * reverse), and none where the editor labels the ends already.
 */
export function withEndLabels(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  const marks: MarkSpec[] = [];
  const options: JsonObject = { ...spec.options };
  for (const mark of spec.marks) {
    marks.push(mark);
    const category = categoricalColumn(mark, spec, tables);
    const { x, y } = mark.options;
    if (!category || mark.transforms.length > 0 || !/^line[XY]?$/.test(mark.mark) || typeof x !== "string" || typeof y !== "string") continue;
    if (labelsEndsAlready(spec, mark)) continue;
    const filter = mark.options["filter"];
    const drawn = (row: Row) => typeof filter !== "string" || row[filter] === true;
    const names = new Set(category.table.rows.filter(drawn).map((row) => row[category.column]).filter((v) => v !== null).map(String));
    if (names.size < 2 || names.size > MAX_LABELLED_SERIES) continue;
    const kept: JsonObject = {};
    for (const option of POINT_OPTIONS) if (mark.options[option] !== undefined) kept[option] = mark.options[option] as JsonValue;
    const ends = endsWithGaps(category.table.rows, mark, category.column, panelColumns(spec, mark), drawn);
    if (ends) kept["filter"] = ends;
    // Panels side by side leave no room right of a panel's last point but the next panel: the names go
    // inside, ending above the last point. Otherwise right of it, in a margin made wide enough.
    const inside = kept["fx"] !== undefined || facetsAcross(spec, mark);
    const placing: JsonObject = inside ? { textAnchor: "end", lineAnchor: "bottom", dy: -6 } : { textAnchor: "start", dx: 4 };
    const label: MarkSpec = {
      mark: "text",
      options: { x, y, z: category.column, text: category.column, ...placing, ariaHidden: true, ...kept },
      transforms: [{ name: "selectLast", value: true }],
    };
    if (typeof mark.data === "string") label.data = mark.data;
    marks.push(label);
    if (!inside && options["marginRight"] === undefined && options["margin"] === undefined) {
      options["marginRight"] = Math.min(140, Math.ceil(Math.max(...[...names].map(labelWidth)) + 8));
    }
  }
  return { ...spec, options, marks };
}

/** Above this many rows, a series whose last value is missing goes unnamed rather than weigh on the page. */
const MAX_ROWS_FOR_GAPS = 10_000;

/**
 * A line stops at its last value, but selectLast takes a series' last row, missing value or not, and a
 * label without a y is not drawn. When a series ends in a missing value, the labels get a filter of
 * their own (true for each row drawn with a value): one per row, sent with the spec, so only then.
 */
function endsWithGaps(rows: readonly Row[], line: MarkSpec, series: string, panels: readonly string[], drawn: (row: Row) => boolean): boolean[] | undefined {
  const { y, sort, reverse } = line.options;
  // A sorted or reversed line's last row is not the table's: leave those to Plot.
  if (typeof y !== "string" || sort !== undefined || reverse !== undefined || rows.length > MAX_ROWS_FOR_GAPS) return undefined;
  const last = new Map<string, Row>();
  const key = (row: Row) => JSON.stringify([row[series], ...panels.map((column) => row[column] ?? null)]);
  for (const row of rows) if (drawn(row)) last.set(key(row), row);
  if (![...last.values()].some((row) => row[y] === null)) return undefined;
  return rows.map((row) => drawn(row) && row[y] !== null);
}

/** The top-level `facet` when it splits this line into panels (it draws the facet's data). */
const topFacet = (spec: ChartSpec, line: MarkSpec): JsonObject | undefined => {
  const facet = spec.options["facet"];
  return isJsonObject(facet) && facetDataId(spec) === markDataId(spec, line) ? facet : undefined;
};

/** Whether the line's panels sit side by side: a top-level `facet` with an x that splits it. */
const facetsAcross = (spec: ChartSpec, line: MarkSpec): boolean => typeof topFacet(spec, line)?.["x"] === "string";

/** The columns that split the line into panels: its fx and fy, or the top-level facet's x and y. */
const panelColumns = (spec: ChartSpec, line: MarkSpec): string[] =>
  [line.options["fx"], line.options["fy"], topFacet(spec, line)?.["x"], topFacet(spec, line)?.["y"]].filter((c): c is string => typeof c === "string");

/**
 * Whether the editor writes at the line's points already: a text mark on the same data that selects
 * points (selectLast, selectMaxX, …) or sits on the same x and y. Labels of ours would be drawn twice.
 */
function labelsEndsAlready(spec: ChartSpec, line: MarkSpec): boolean {
  const data = markDataId(spec, line);
  return spec.marks.some(
    (mark) =>
      /^text[XY]?$/.test(mark.mark) &&
      markDataId(spec, mark) === data &&
      (mark.transforms.some((t) => t.name.startsWith("select")) || (mark.options["x"] === line.options["x"] && mark.options["y"] === line.options["y"])),
  );
}
