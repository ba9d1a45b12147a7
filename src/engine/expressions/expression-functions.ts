import type { Cell } from "../data/data-table.ts";
import { parseIsoDate } from "../iso-date.ts";

/** The type of a value in an expression: a column's type, or "any" when it cannot be known before the rows are read. */
export type ValueType = "number" | "string" | "date" | "boolean" | "any";

export interface ExpressionFunction {
  /** The type of each argument; the last repeats when `variadic`. */
  params: readonly ValueType[];
  /** How many of the last params may be left out. */
  optional?: number;
  variadic?: boolean;
  returns: ValueType | ((args: readonly ValueType[]) => ValueType);
  /** Most functions give a missing value when an argument is missing; these look at missing values themselves. */
  takesMissing?: boolean;
  call: (args: readonly Cell[]) => Cell;
  /** For the docs and for messages: how it is written and what it gives. */
  usage: string;
}

const num = (value: Cell): number => value as number;
const str = (value: Cell): string => value as string;
const date = (value: Cell): Date => value as Date;
const chars = (value: Cell): string[] => Array.from(str(value));

/** Dates in data are instants in UTC (see infer-column-types.ts): their parts are read in UTC too. */
const dateParts = {
  year: (d: Date) => d.getUTCFullYear(),
  month: (d: Date) => d.getUTCMonth() + 1,
  day: (d: Date) => d.getUTCDate(),
  weekday: (d: Date) => ((d.getUTCDay() + 6) % 7) + 1,
  hour: (d: Date) => d.getUTCHours(),
  quarter: (d: Date) => Math.floor(d.getUTCMonth() / 3) + 1,
};

const datePart = (part: keyof typeof dateParts, usage: string): ExpressionFunction => ({
  params: ["date"],
  returns: "number",
  call: ([d]) => dateParts[part](date(d!)),
  usage,
});
const math = (fn: (x: number) => number, usage: string): ExpressionFunction => ({ params: ["number"], returns: "number", call: ([x]) => fn(num(x!)), usage });
const text = (fn: (s: string) => Cell, returns: ValueType, usage: string): ExpressionFunction => ({ params: ["string"], returns, call: ([s]) => fn(str(s!)), usage });

function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  if (d === 0) return Math.round(x);
  // Through the decimal text, so round(1.005, 2) is 1.01 as written, not 1 as in binary.
  return Number(`${Math.round(Number(`${x}e${d}`))}e${-d}`);
}

function makeDate(args: readonly Cell[]): Cell {
  const [first, month = 1, day = 1] = args;
  if (typeof first === "string") return args.length === 1 ? (parseIsoDate(first, true)?.date ?? null) : null;
  if (typeof first !== "number" || typeof month !== "number" || typeof day !== "number") return null;
  const value = new Date(Date.UTC(first, month - 1, day));
  if (first >= 0 && first < 100) value.setUTCFullYear(first);
  return value;
}

/** The first type among the arguments that is known (coalesce(a, 0) is a number if a is). */
const firstKnown = (args: readonly ValueType[]): ValueType => args.find((t) => t !== "any") ?? "any";

/**
 * Every function an expression may call. Nothing else is reachable from a story: names are looked up
 * in this table only (an own property, so "constructor" or "__proto__" are unknown functions).
 */
const functions: Record<string, ExpressionFunction> = {
  // Dates (in UTC, as the data's dates are)
  year: datePart("year", "year(date): the year, e.g. 2014"),
  month: datePart("month", "month(date): the month, 1 (January) to 12 (December)"),
  day: datePart("day", "day(date): the day of the month, 1 to 31"),
  weekday: datePart("weekday", "weekday(date): the day of the week, 1 (Monday) to 7 (Sunday)"),
  hour: datePart("hour", "hour(date): the hour, 0 to 23"),
  quarter: datePart("quarter", "quarter(date): the quarter, 1 to 4"),
  date: { params: ["any", "number", "number"], optional: 2, returns: "date", call: makeDate, usage: 'date(year, month, day) or date("2014-01-31"): a date' },
  // Text
  lower: text((s) => s.toLowerCase(), "string", "lower(text): in lowercase"),
  upper: text((s) => s.toUpperCase(), "string", "upper(text): in uppercase"),
  trim: text((s) => s.trim(), "string", "trim(text): without spaces at either end"),
  length: text((s) => Array.from(s).length, "number", "length(text): the number of characters"),
  contains: { params: ["string", "string"], returns: "boolean", call: ([s, part]) => str(s!).includes(str(part!)), usage: 'contains(text, "part"): true if the text holds the part' },
  startsWith: { params: ["string", "string"], returns: "boolean", call: ([s, part]) => str(s!).startsWith(str(part!)), usage: 'startsWith(text, "part"): true if the text begins with the part' },
  endsWith: { params: ["string", "string"], returns: "boolean", call: ([s, part]) => str(s!).endsWith(str(part!)), usage: 'endsWith(text, "part"): true if the text ends with the part' },
  slice: {
    params: ["string", "number", "number"],
    optional: 1,
    returns: "string",
    call: ([s, start, end]) => chars(s!).slice(num(start!), end === undefined ? undefined : num(end)).join(""),
    usage: "slice(text, start, end): the characters from start (0 is the first) up to end (left out: to the last); negative counts from the end",
  },
  concat: {
    params: ["any"],
    variadic: true,
    returns: "string",
    call: (args) => args.map((a) => (a instanceof Date ? a.toISOString().slice(0, 10) : String(a))).join(""),
    usage: 'concat(a, b, …): the values written one after the other, as text',
  },
  // Numbers
  abs: math(Math.abs, "abs(x): x without its sign"),
  sqrt: math(Math.sqrt, "sqrt(x): the square root"),
  exp: math(Math.exp, "exp(x): e to the power x"),
  log: math(Math.log, "log(x): the natural logarithm"),
  log10: math(Math.log10, "log10(x): the logarithm in base 10"),
  floor: math(Math.floor, "floor(x): x rounded down"),
  ceil: math(Math.ceil, "ceil(x): x rounded up"),
  round: {
    params: ["number", "number"],
    optional: 1,
    returns: "number",
    call: ([x, digits]) => round(num(x!), digits === undefined ? 0 : num(digits)),
    usage: "round(x, digits): x rounded to that many decimals (none if left out); halves are rounded up",
  },
  min: { params: ["number"], variadic: true, returns: "number", call: (args) => Math.min(...args.map(num)), usage: "min(a, b, …): the smallest" },
  max: { params: ["number"], variadic: true, returns: "number", call: (args) => Math.max(...args.map(num)), usage: "max(a, b, …): the largest" },
  // Missing values
  isMissing: { params: ["any"], returns: "boolean", takesMissing: true, call: ([x]) => x === null || x === undefined, usage: "isMissing(x): true if x is missing (an empty cell)" },
  coalesce: {
    params: ["any"],
    variadic: true,
    returns: firstKnown,
    takesMissing: true,
    call: (args) => args.find((a) => a !== null && a !== undefined) ?? null,
    usage: "coalesce(a, b, …): the first that is not missing",
  },
};
export const expressionFunctions: Readonly<Record<string, ExpressionFunction>> = Object.freeze(Object.assign(Object.create(null) as Record<string, ExpressionFunction>, functions));

export const isExpressionFunction = (name: string): boolean => Object.hasOwn(expressionFunctions, name);
