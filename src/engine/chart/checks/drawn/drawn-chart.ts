/**
 * What the checks of a chart as it will be drawn share: the drawn spec (expressions turned into columns,
 * Plotline's defaults added), its typed tables, and where each part was written in the editor's YAML.
 * They read the data, never a drawing: a chart compiles in milliseconds and must stay so.
 */
import type { Cell, DataColumn, DataTable } from "../../../data/data-table.ts";
import { type ChartSpec, type JsonObject, type MarkSpec, type SpecPath, isJsonObject, markDataId } from "../../spec/chart-spec.ts";
import type { SpecLocator } from "../../spec/parse-chart-spec.ts";

export interface DrawnChart {
  spec: ChartSpec;
  tables: ReadonlyMap<string, DataTable>;
  locate: SpecLocator;
  /** Where the mark at this index of `spec.marks` was written. */
  markPath: (index: number) => SpecPath;
  lang: string;
}

/** A column of a mark's data placed on one of its channels. */
export interface PlacedColumn {
  table: DataTable;
  column: DataColumn;
}

/** Marks that draw no rows of their own data (axes, grids, frames, …). */
const marksWithoutRows = /^(axis|grid)|^(frame|sphere|graticule|hexgrid)$/;

/** The column a mark puts on a channel (`y: Close` or `y: {value: Close, …}`), if the channel names one of its data. */
export function placedColumn(chart: DrawnChart, mark: MarkSpec, channel: string): PlacedColumn | undefined {
  if (marksWithoutRows.test(mark.mark)) return undefined;
  const id = markDataId(chart.spec, mark);
  const table = id === undefined ? undefined : chart.tables.get(id);
  const option = mark.options[channel];
  const name = typeof option === "string" ? option : isJsonObject(option) && typeof option["value"] === "string" ? option["value"] : undefined;
  const column = name === undefined ? undefined : table?.columns.find((c) => c.name === name);
  return table && column ? { table, column } : undefined;
}

/** True when one of the mark's transforms computes the channel (binX: {y: count}) rather than reading it from the data. */
export const transformsChannel = (mark: MarkSpec, channel: string): boolean =>
  mark.transforms.some((t) => isJsonObject(t.value) && channel in t.value);

/** The channels that put values on a position scale. */
export const channelsOfScale = (scale: "x" | "y"): readonly string[] => [scale, `${scale}1`, `${scale}2`];

/** Every column the marks put on a position scale as it is in their data (not computed by a transform), with its mark. */
export function columnsOnScale(chart: DrawnChart, scale: "x" | "y"): (PlacedColumn & { mark: MarkSpec; index: number; channel: string })[] {
  const placed: (PlacedColumn & { mark: MarkSpec; index: number; channel: string })[] = [];
  chart.spec.marks.forEach((mark, index) => {
    for (const channel of channelsOfScale(scale)) {
      if (transformsChannel(mark, channel)) continue;
      const found = placedColumn(chart, mark, channel);
      if (found) placed.push({ ...found, mark, index, channel });
    }
  });
  return placed;
}

/** The options the editor (or a default) gave a scale, or an empty set. */
export const scaleOptions = (spec: ChartSpec, scale: string): JsonObject => {
  const options = spec.options[scale];
  return isJsonObject(options) ? options : {};
};

/** A value a chart can place: not missing, and a finite number or a valid date when it is one. */
export const isDrawable = (value: Cell | undefined): boolean =>
  value !== null && value !== undefined && (typeof value !== "number" || Number.isFinite(value)) && !(value instanceof Date && Number.isNaN(value.getTime()));

/** The rows of a mark's data it draws: those its filter column (a filter turned into a column of true and false) keeps. */
export function drawnRows(mark: MarkSpec, table: DataTable): DataTable["rows"] {
  const filter = mark.options["filter"];
  return typeof filter === "string" && table.columns.some((c) => c.name === filter) ? table.rows.filter((row) => row[filter] === true) : table.rows;
}
