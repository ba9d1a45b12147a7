/** The type every value of a column has, decided once per column (see docs/authoring.md, "How values are typed"). */
export type ColumnType = "number" | "date" | "string" | "boolean";

/** How finely a date column's values were written; charts use it to label axes (2025 vs 2025-03). */
import type { DatePrecision } from "../iso-date.ts";

export type { DatePrecision };

/** A typed value. `null` is a missing value (an empty cell). */
export type Cell = number | string | boolean | Date | null;

export type Row = Record<string, Cell>;

export interface DataColumn {
  name: string;
  type: ColumnType;
  /** Only for date columns: the finest precision written in the column. */
  precision?: DatePrecision;
  /** Only for number columns: every value was written as a percentage (22.5%), so it reads back as one. */
  percent?: boolean;
}

/**
 * The typed content of one data block, after parsing and typing.
 * - kind "table": rows of named columns (CSV, TSV, or a JSON/YAML list of objects).
 * - kind "values": named values (a JSON/YAML object such as `growth: 22.5%`). It is also offered to
 *   charts as a two-column table with columns `name` and `value`.
 */
export interface DataTable {
  id: string;
  kind: "table" | "values";
  columns: DataColumn[];
  rows: Row[];
  /** For kind "values": the named values themselves. */
  values?: Record<string, Cell>;
  /** For kind "values": how each value was typed (its precision, whether it was a percentage). */
  valueColumns?: Record<string, DataColumn>;
  /** The data file under data/ this table was read from, if any (path relative to data/). */
  src?: string;
  /**
   * Set when the rows are shapes (GeoJSON, TopoJSON or a base map): each row carries its shape under a
   * symbol (geo/row-shape.ts), and `bounds` is the extent of them all in degrees, [[west, south], [east, north]].
   * `basemap` names the base map they come from (`us/states`), when they do: maps choose a projection by it.
   */
  shapes?: { bounds: [[number, number], [number, number]]; basemap?: string };
}
