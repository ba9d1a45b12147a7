import type { DataColumn, DatePrecision, Row } from "./data-table.ts";

/**
 * The precision a date column reads at: the one it was written at, unless every date leaves the finer
 * parts at their start. Monthly data is often written as full days (1854-04-01, 1854-05-01) and reads
 * "Apr 1854", not "Apr 1, 1854"; dates all on 1 January read as years. It takes two different dates to
 * tell: a single 2025-03-01 may well mean that day.
 */
export function shownDatePrecision(column: DataColumn, rows: readonly Row[]): DatePrecision {
  const written = column.precision ?? "day";
  if (column.type !== "date" || written === "year" || written === "month") return written;
  let midnight = true;
  let firstOfMonth = true;
  let january = true;
  const distinct = new Set<number>();
  for (const row of rows) {
    const value = row[column.name];
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) continue;
    distinct.add(value.getTime());
    if (value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() || value.getUTCMilliseconds()) midnight = false;
    if (value.getUTCDate() !== 1) firstOfMonth = false;
    if (value.getUTCMonth() !== 0) january = false;
    if (!midnight && !firstOfMonth) return written;
  }
  if (distinct.size < 2 || !midnight) return written;
  if (!firstOfMonth) return "day";
  return january ? "year" : "month";
}
