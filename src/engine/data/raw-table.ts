import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { RawValue } from "./infer-column-types.ts";

/** A table read from its format, before typing: names and raw values, and where each value is. */
export interface RawTable {
  kind: "table" | "values";
  /** For kind "table": the column names. For kind "values": the value names. */
  names: string[];
  /** For kind "table": one raw value per column, per row. For kind "values": one row holding every value. */
  rows: RawValue[][];
  /** Where a value is: row and column index (for kind "values", row 0 and the value's index). */
  cellSpan(row: number, column: number): SourceSpan;
}
