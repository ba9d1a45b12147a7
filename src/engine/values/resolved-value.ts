import type { Cell, DataTable, DatePrecision } from "../data/data-table.ts";

/** A value from the data, ready to be written into a sentence. */
export interface ResolvedValue {
  value: Exclude<Cell, null>;
  precision?: DatePrecision;
  /** The value was written as a percentage (22.5%): without a format it reads back as one. */
  percent?: boolean;
  table: DataTable;
  /** The column or named value it was read from, for messages about it. */
  column?: string;
  /** What the value is, for readers: `growth`, or `share, city = Beijing`, or `mean of salary`. */
  description: string;
  /** For an expression: every data block it reads, and the columns of the table it reads (with those that pick its row). */
  tables?: DataTable[];
  columns?: string[];
}
