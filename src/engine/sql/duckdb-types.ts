import { DuckDBTypeId, type DuckDBResultReader } from "@duckdb/node-api";
import type { Cell, DataColumn, DatePrecision, Row } from "../data/data-table.ts";
import { precisionOfDates } from "../iso-date.ts";

/** A column of a result that Plotline cannot hand to charts, or a value it cannot keep exactly. */
export type ResultProblem =
  | { kind: "unsupported-type"; column: string; type: string }
  | { kind: "number-too-large"; column: string; value: string; row: number };

const INTEGERS = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.BIGNUM,
]);
const FLOATS = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);
const DATES = new Set([
  DuckDBTypeId.DATE, DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_TZ,
]);
/** 2^53: every whole number up to it is a JavaScript number exactly; the next ones are not. */
const MAX_SAFE = 2n ** 53n;

/**
 * A query's result as Plotline's typed columns (docs/authoring.md, "Preparing data"):
 * - integers of every size, DECIMAL, FLOAT and DOUBLE are numbers; an integer beyond ±2^53 (which a
 *   JavaScript number cannot hold exactly) is a problem, not a rounded value;
 * - DATE and the TIMESTAMPs are dates, with the precision their values show: all on the first of
 *   January is "year", all on the first of a month "month", all at midnight "day", else "time" (so
 *   date_trunc('month', …) labels its axis by month, like a CSV column written 2025-03);
 * - VARCHAR (and ENUM) is a string, BOOLEAN a boolean, NULL a missing value;
 * - anything else (LIST, STRUCT, MAP, BLOB, INTERVAL, TIME, UUID, …) is a problem naming the column.
 */
export function resultColumns(reader: DuckDBResultReader): { columns: DataColumn[]; rows: Row[]; problems: ResultProblem[] } {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const problems: ResultProblem[] = [];
  // Types checked before any value is converted: converting some (a UNION, a BIT) could itself fail.
  names.forEach((name, c) => {
    const type = types[c]!;
    if (!isSupported(type.typeId)) problems.push({ kind: "unsupported-type", column: name, type: type.toString() });
  });
  if (problems.length > 0) return { columns: [], rows: [], problems };
  const values = reader.getColumnsJS() as unknown[][];
  const columns: DataColumn[] = [];
  const cells: Cell[][] = [];
  names.forEach((name, c) => {
    const type = types[c]!;
    const raw = values[c] ?? [];
    if (INTEGERS.has(type.typeId) || FLOATS.has(type.typeId)) {
      const typed: Cell[] = [];
      let reported = false;
      raw.forEach((value, r) => {
        if (value === null || value === undefined) return typed.push(null);
        if (typeof value === "bigint") {
          if ((value > MAX_SAFE || value < -MAX_SAFE) && !reported) {
            problems.push({ kind: "number-too-large", column: name, value: value.toString(), row: r + 1 });
            reported = true;
          }
          return typed.push(Number(value));
        }
        const number = Number(value);
        if (Number.isInteger(number) && Math.abs(number) > 2 ** 53 && type.typeId === DuckDBTypeId.DECIMAL && !reported) {
          problems.push({ kind: "number-too-large", column: name, value: String(value), row: r + 1 });
          reported = true;
        }
        return typed.push(Number.isFinite(number) ? number : null);
      });
      columns.push({ name, type: "number" });
      cells.push(typed);
    } else if (DATES.has(type.typeId)) {
      const typed = raw.map((value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : null));
      columns.push({ name, type: "date", precision: datePrecision(typed) });
      cells.push(typed);
    } else if (type.typeId === DuckDBTypeId.VARCHAR || type.typeId === DuckDBTypeId.ENUM) {
      columns.push({ name, type: "string" });
      cells.push(raw.map((value) => (value === null || value === undefined ? null : String(value))));
    } else if (type.typeId === DuckDBTypeId.BOOLEAN) {
      columns.push({ name, type: "boolean" });
      cells.push(raw.map((value) => (typeof value === "boolean" ? value : null)));
    } else {
      // SQLNULL: a column of NULL only.
      columns.push({ name, type: "string" });
      cells.push(raw.map(() => null));
    }
  });
  const count = reader.currentRowCount;
  const rows: Row[] = [];
  for (let r = 0; r < count; r++) rows.push(Object.fromEntries(names.map((name, c) => [name, cells[c]![r] ?? null])) as Row);
  return { columns, rows, problems };
}

const isSupported = (id: DuckDBTypeId) =>
  INTEGERS.has(id) || FLOATS.has(id) || DATES.has(id) || id === DuckDBTypeId.VARCHAR || id === DuckDBTypeId.ENUM || id === DuckDBTypeId.BOOLEAN || id === DuckDBTypeId.SQLNULL;

/** A result's dates read at the precision their values need; a column of nothing but NULL, as days. */
const datePrecision = (dates: readonly (Date | null)[]): DatePrecision => precisionOfDates(dates) ?? "day";
