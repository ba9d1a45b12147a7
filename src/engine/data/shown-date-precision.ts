import type { DataColumn, DatePrecision, Row } from "./data-table.ts";
import { precisionOfDates } from "../iso-date.ts";

/**
 * The precision a date column reads at: the one it was written at, unless every date leaves the finer
 * parts at their start. Monthly data is often written as full days (1854-04-01, 1854-05-01) and reads
 * "Apr 1854", not "Apr 1, 1854"; dates all on 1 January read as years. It takes two different dates to
 * tell: a single 2025-03-01 may well mean that day.
 */
export function shownDatePrecision(column: DataColumn, rows: readonly Row[]): DatePrecision {
  const written = column.precision ?? "day";
  if (column.type !== "date" || written === "year" || written === "month") return written;
  const dates = rows.map((row) => row[column.name]).filter((value): value is Date => value instanceof Date && !Number.isNaN(value.getTime()));
  if (new Set(dates.map((date) => date.getTime())).size < 2) return written;
  const read = precisionOfDates(dates);
  return read === undefined || read === "time" ? written : read;
}
