import type { Cell, DataColumn } from "../data/data-table.ts";
import { parseNumber } from "../data/infer-column-types.ts";
import { parseIsoDate } from "../iso-date.ts";

/** Typed comparison: the attribute text is read by the column's type, as the data was. */
export function cellMatches(cell: Cell, text: string, column: DataColumn): boolean {
  if (cell === null) return false;
  switch (column.type) {
    case "number":
      return typeof cell === "number" && parseNumber(text) === cell;
    case "date": {
      const parsed = parseIsoDate(text, true);
      return cell instanceof Date && parsed !== undefined && parsed.date.getTime() === cell.getTime();
    }
    case "boolean":
      return String(cell) === text.trim().toLowerCase();
    default:
      return String(cell) === text.trim();
  }
}
