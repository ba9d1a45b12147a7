/**
 * # How values are typed
 *
 * Every value of a data block gets one of four types: number, date, text (`string`) or true/false
 * (`boolean`). The type is decided **once per column, never per cell**, so a column never mixes types.
 *
 * ## Missing values
 *
 * A cell that is empty or holds only spaces is a missing value (`null`), whatever the column's type.
 * So are the missing-value markers: by default `NA`, `N/A`, `n/a`, `NaN`, `null`, `NULL`, `#N/A`
 * (compared exactly, after trimming), so a column of numbers with a few `NaN` cells stays numbers.
 * The default markers stay text in a column that is text anyway (`NA` beside `FR` is Namibia) and in
 * a column typed string; a column of only markers is all missing. A block's `missing="-,n.a."`
 * replaces the defaults, and the markers it lists are missing in every column (`missing=""`: none).
 * Any other text in a column of numbers makes it text; when a column is numbers (or dates) but for a
 * few such cells — at least two values fit, more fit than do not, and the others are at most three
 * different texts — a warning (data/mixed-column) points at the first cell in the way.
 *
 * Values are trimmed: spaces around a value never matter.
 *
 * ## Deciding a column's type
 *
 * Looking only at the column's non-missing values, the first rule that fits every one of them wins:
 *
 * 1. **boolean** — every value is `true` or `false`, in any case (`TRUE`, `False`).
 *    `yes`/`no` and `1`/`0` are not booleans.
 * 2. **date, as years** — the column's header names a time (see below) and every value is a bare
 *    four-digit integer such as `2021`. Each becomes 1 January of that year, 00:00 UTC.
 * 3. **number** — every value is a number (see below).
 * 4. **date** — every value is an ISO date (see below); in a column whose header names a time,
 *    bare four-digit years count as dates too, so `2021` and `2022-03` can share a column.
 * 5. **string** — anything else. Values stay exactly as written (trimmed).
 *
 * A column whose values are all missing is a string column.
 *
 * ## Numbers
 *
 * An optional sign (`+` or `-`), then digits, optionally with commas as thousands separators in
 * groups of three (`1,234,567`; in CSV such a value must be in double quotes), then an optional
 * decimal part (a dot and at least one digit), then an optional exponent (`e` or `E`, an optional
 * sign, digits), then an optional `%`. A trailing `%` divides the number by 100: `22.5%` is 0.225 and
 * `-3%` is -0.03. Nothing else is a number: no currency symbols, no spaces or other separators
 * inside, no leading or trailing dot (`.5`, `5.`), no `NaN` or `Infinity`. Leading zeros are allowed
 * and dropped (`007` is 7): give codes such as ZIP or FIPS codes the type string with `types=`.
 *
 * ## ISO dates
 *
 * - `YYYY-MM` (precision month), e.g. `2025-03`
 * - `YYYY-MM-DD` (precision day), e.g. `2025-03-21`
 * - `YYYY-MM-DDTHH:MM`, optionally with seconds `:SS` and a fraction of a second `.sss` (more than
 *   three digits are allowed and cut to milliseconds), optionally followed by `Z` or an offset
 *   `+HH:MM`/`-HH:MM` (precision time). A space may replace the `T`.
 * - `YYYY` (precision year), only in a column whose header names a time, or one typed as date.
 *
 * The month, day, hours, minutes and seconds must exist (`2025-02-30` and `24:00` are not dates).
 * A value without an offset is read as UTC, so a build gives the same result on every machine.
 * A date column records its precision: the finest one written in the column (year < month < day <
 * time). Other ways of writing dates (`Jan-1992`, `03/21/2025`, `21.3.2025`) are text, unless the
 * column is typed with a d3-time-format specifier: `types="month:date(%b-%Y)"` (see dateFormatReader).
 *
 * ## Headers that name a time
 *
 * Compared without case and surrounding spaces: `year`, `years`, `yr`, `date`, `month`, `period`,
 * `time`, any name ending in `_year`, ` year` or `-year` (`fiscal_year`, `School year`), and the
 * Chinese `年`, `年份`, `年度`, `日期`, `时间`, `月份`.
 *
 * ## JSON and YAML
 *
 * Real numbers, `true`/`false` and `null` written as such keep their meaning (`null` is missing);
 * text values follow exactly the rules above, column by column, so `"22.5%"` is 0.225 and
 * `"2025-03"` a date. A column mixing real numbers with text that is not a number is a text column
 * (its real numbers then read as their shortest form: `2.50` becomes `2.5`). Real four-digit integers in a column whose header
 * names a time are years, as in CSV, so the same data reads the same in every format.
 * (YAML is read with the YAML 1.2 core schema: `2025-03-21` and `yes` are text there, `true` is a
 * boolean.) For named values (`growth: 22.5%`), each value is typed on its own as if it were a
 * column named after its name; the two-column table `name`/`value` offered to charts types its
 * `value` column by the column rules above.
 *
 * ## Choosing a type yourself
 *
 * `types="fips:string,year:date"` on the block gives columns a type instead of the rules above.
 * Every non-missing value must then fit that type (for `date`, bare four-digit years always fit);
 * one that does not is reported, and `string` accepts everything. A column typed number also reads
 * currency signs, spaces between thousands and accounting negatives (see parseLooseNumber).
 */
import { utcFormat, utcParse } from "d3-time-format";
import type { Cell, ColumnType, DataColumn, DatePrecision } from "./data-table.ts";
import { type ParsedDate, parseIsoDate, precisionRank, utcDate, YEAR } from "../iso-date.ts";

/** A value as a format delivers it, before typing: CSV gives text, JSON and YAML may give more. */
export type RawValue = string | number | boolean | null;

export const columnTypes: readonly ColumnType[] = ["number", "date", "string", "boolean"];

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([+-]?\d+))?(%?)$/;
const BOOLEAN = /^(?:true|false)$/i;

const TIME_NAMES = new Set(["year", "years", "yr", "date", "month", "period", "time", "年", "年份", "年度", "日期", "时间", "月份"]);

/** Whether a column header names a time, so that bare four-digit integers in it are years. */
export function isTimeName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return TIME_NAMES.has(lower) || lower.endsWith("_year") || lower.endsWith(" year") || lower.endsWith("-year");
}

/** The number a text value stands for under the number rule, or undefined. */
export function parseNumber(text: string): number | undefined {
  // Fast path for the common plain decimal ("12", "-3.5"): the same double as the general path gives.
  if (PLAIN_DECIMAL.test(text)) {
    const value = Number(text);
    return value === 0 ? 0 : value;
  }
  const match = NUMBER.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponent = "0", percent] = match;
  const power = Number(exponent) - (percent ? 2 : 0);
  // Shifting the exponent in the text (not dividing by 100) gives the nearest double: 14.1% is 0.141.
  const value = Number(`${sign}${whole!.replace(/,/g, "")}${fraction}e${power}`);
  if (!Number.isFinite(value)) return undefined;
  return value === 0 ? 0 : value; // no -0
}

const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/** Empty or whitespace-only text, or null: a missing value. */
export const isMissing = (value: RawValue): boolean => value === null || (typeof value === "string" && value.trim() === "");

// ── Missing-value markers ────────────────────────────────────────────────────

/** The texts that stand for a missing value when a block does not say otherwise with missing=. */
export const DEFAULT_MISSING_MARKERS: readonly string[] = ["NA", "N/A", "n/a", "NaN", "null", "NULL", "#N/A"];

/** Which texts stand for a missing value, and whether the editor chose them (missing=). */
export interface MissingMarkers {
  texts: ReadonlySet<string>;
  /** Chosen by the editor: then they are missing in every column, text columns included. */
  explicit: boolean;
}

/** Whether a UTF-16 code unit is one that String.prototype.trim removes. */
const isSpaceCode = (c: number): boolean =>
  c <= 32 ||
  c === 0xa0 ||
  (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

export const defaultMissingMarkers: MissingMarkers = { texts: new Set(DEFAULT_MISSING_MARKERS), explicit: false };

// ── Types chosen with types= ─────────────────────────────────────────────────

/** A type given with types=: the type and, for dates, an optional d3-time-format specifier. */
export interface TypeChoice {
  type: ColumnType;
  /** For dates only: how the values are written, e.g. `%b-%Y` for `Jan-1992`. */
  format?: string;
}

/** The directives d3-time-format can read, and the precision each one gives a date. */
const DIRECTIVE_PRECISION: Record<string, DatePrecision | undefined> = {
  Y: "year", y: "year", G: "year", g: "year",
  m: "month", b: "month", B: "month", q: "month",
  d: "day", e: "day", j: "day", a: "day", A: "day", u: "day", w: "day", U: "day", W: "day", V: "day", x: "day",
  H: "time", I: "time", M: "time", S: "time", L: "time", f: "time", p: "time", Q: "time", s: "time", Z: "time", c: "time", X: "time",
};
/** Directives whose values do not come back the same when the date is written again (time zones, epoch times, microseconds). */
const NOT_ROUND_TRIP = /%[-_0]?[ZsQfcXx]/;

/**
 * Why a d3-time-format specifier cannot read dates, or undefined if it can. d3 itself never
 * refuses a specifier (an unknown directive makes every value fail), so this is checked first.
 */
export function dateFormatProblem(specifier: string): string | undefined {
  if (specifier.trim() === "") return "it is empty";
  let directives = 0;
  for (let i = 0; i < specifier.length; i++) {
    if (specifier[i] !== "%") continue;
    let letter = specifier[i + 1];
    if (letter === "-" || letter === "_" || letter === "0") letter = specifier[++i + 1];
    i++;
    if (letter === "%") continue;
    if (letter === undefined) return 'it ends with a "%" that is not followed by a letter';
    if (!(letter in DIRECTIVE_PRECISION)) return `"%${letter}" is not a date directive (%Y year, %m month, %b month name, %d day, %H:%M time…)`;
    directives++;
  }
  return directives === 0 ? "it has no directive such as %Y, %m or %d" : undefined;
}

/** The finest precision a (valid) specifier writes: `%b-%Y` is month, `%m/%d/%Y` day. */
export function dateFormatPrecision(specifier: string): DatePrecision {
  let precision: DatePrecision = "year";
  for (const match of specifier.matchAll(/%[-_0]?([A-Za-z])/g)) {
    const found = DIRECTIVE_PRECISION[match[1]!];
    if (found && precisionRank[found] > precisionRank[precision]) precision = found;
  }
  return precision;
}

/** Digit runs without leading zeros and letters in one case, so `3/5/2025` matches `03/05/2025`. */
const comparable = (text: string) => text.replace(/(^|\D)0+(?=\d)/g, "$1").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * A reader of dates written the way a d3-time-format specifier says (read as UTC). Values must
 * name a date that exists: d3 reads `02/30/2025` as 2 March, so the date is written back with the
 * specifier and must give the value again.
 */
export function dateFormatReader(specifier: string): (text: string) => Date | undefined {
  const parse = utcParse(specifier);
  const format = utcFormat(specifier);
  const checkBack = !NOT_ROUND_TRIP.test(specifier);
  return (text) => {
    const value = text.trim();
    const date = parse(value);
    if (date === null || Number.isNaN(date.getTime())) return undefined;
    if (checkBack && comparable(format(date)) !== comparable(value)) return undefined;
    return date;
  };
}

// ── Numbers in a column typed as number ──────────────────────────────────────

const CURRENCY = "[$€£¥￥₹₩₽₺₪₫฿¢]";
const LEADING_CURRENCY = new RegExp(`^([+-]?)\\s*${CURRENCY}\\s*`, "u");
const TRAILING_CURRENCY = new RegExp(`\\s*${CURRENCY}$`, "u");
/** A space (plain, no-break, narrow no-break or thin) between digit groups of three: `1 234 567`. */
const SPACE_SEPARATOR = /(\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))/g;

/**
 * The number a value of a column typed as number stands for, or undefined: the number rule, and
 * also one currency sign before or after the number (`$1,234.50`, `-$5`, `¥1,234`, `12 €`),
 * spaces as thousands separators (`1 234`, also no-break and narrow spaces) and an accounting
 * negative in parentheses (`(1,234)` is -1234). Inference never reads these: only a column the
 * editor says is numbers does.
 */
export function parseLooseNumber(text: string): number | undefined {
  const strict = parseNumber(text);
  if (strict !== undefined) return strict;
  let value = text.trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/s.exec(value);
  if (parenthesised) {
    negative = true;
    value = parenthesised[1]!.trim();
  }
  value = value.replace(LEADING_CURRENCY, "$1").replace(TRAILING_CURRENCY, "").replace(SPACE_SEPARATOR, "$1,");
  const number = parseNumber(value);
  if (number === undefined || (negative && /^[+-]/.test(value))) return undefined;
  return negative && number !== 0 ? -number : number;
}

const isYearValue = (value: RawValue): boolean =>
  typeof value === "string" ? YEAR.test(value.trim()) : typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 9999;

const toBoolean = (value: RawValue): boolean | undefined =>
  typeof value === "boolean" ? value : typeof value === "string" && BOOLEAN.test(value.trim()) ? value.trim().toLowerCase() === "true" : undefined;

const toNumber = (value: RawValue): number | undefined =>
  typeof value === "number" ? (Number.isFinite(value) ? value : undefined) : typeof value === "string" ? parseNumber(value) : undefined;

const toLooseNumber = (value: RawValue): number | undefined =>
  typeof value === "string" ? parseLooseNumber(value) : toNumber(value);

function toDate(value: RawValue, allowYear: boolean): ParsedDate | undefined {
  if (typeof value === "number") return allowYear && isYearValue(value) ? { date: utcDate(value), precision: "year" } : undefined;
  return typeof value === "string" ? parseIsoDate(value, allowYear) : undefined;
}

const toText = (value: RawValue): string => (typeof value === "string" ? value.trim() : String(value));

export interface TypedColumn {
  column: DataColumn;
  /** One typed value per input value, `null` where missing (or where a forced type did not fit). */
  cells: Cell[];
  /** Indexes of values that do not fit a forced type (always empty when the type is inferred). */
  bad: number[];
  /** Indexes of values read as missing because they are a missing-value marker (`NA`, `NaN`…). */
  missing: number[];
}

/**
 * Types one column: its name (for the year rule) and its raw values in row order.
 * With `forced`, the column gets that type and values that do not fit it are listed in `bad`.
 * Markers (`NA`, `NaN`…, or the block's own with missing=) are missing values, except that the
 * default markers stay text in a column that is text anyway (`NA` for Namibia) or typed string.
 */
export function typeColumn(
  name: string,
  values: readonly RawValue[],
  forced?: ColumnType | TypeChoice,
  markers: MissingMarkers = defaultMissingMarkers,
): TypedColumn {
  const choice = typeof forced === "string" ? { type: forced } : forced;
  const missing: number[] = [];
  let blanked: RawValue[] | undefined;
  if (markers.texts.size > 0) {
    let longest = 0;
    for (const text of markers.texts) longest = Math.max(longest, text.length);
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (typeof value !== "string") continue;
      // Most cells are longer than any marker with no spaces around them: those need no trimming.
      if (value.length > longest && !isSpaceCode(value.charCodeAt(0)) && !isSpaceCode(value.charCodeAt(value.length - 1))) continue;
      if (markers.texts.has(value.trim())) {
        blanked ??= [...values];
        blanked[index] = null;
        missing.push(index);
      }
    }
  }
  if (!blanked) return { ...(choice ? convertColumn(name, values, choice, true) : inferColumn(name, values)), missing };
  if (choice) {
    if (choice.type === "string" && !markers.explicit) return { ...convertColumn(name, values, choice, true), missing: [] };
    return { ...convertColumn(name, blanked, choice, true), missing };
  }
  const typed = inferColumn(name, blanked);
  if (typed.column.type === "string" && !markers.explicit && blanked.some((v) => !isMissing(v))) {
    // A text column keeps its markers as text: "NA" beside "FR" and "DE" is Namibia.
    return { ...inferColumn(name, values), missing: [] };
  }
  return { ...typed, missing };
}

function inferColumn(name: string, values: readonly RawValue[]): Omit<TypedColumn, "missing"> {
  const present = values.filter((v) => !isMissing(v));
  const timeName = isTimeName(name);
  if (present.length === 0) return convertColumn(name, values, { type: "string" }, timeName);
  if (present.every((v) => toBoolean(v) !== undefined)) return convertColumn(name, values, { type: "boolean" }, timeName);
  if (timeName && present.every(isYearValue)) return convertColumn(name, values, { type: "date" }, true);
  // Numbers and dates are tried by converting at once: a column that fits is read in one pass.
  return (
    tryConvert(name, values, "number", timeName) ??
    tryConvert(name, values, "date", timeName) ??
    convertColumn(name, values, { type: "string" }, timeName)
  );
}

/** convertColumn, or undefined as soon as one value does not fit the type. */
function tryConvert(name: string, values: readonly RawValue[], type: "number" | "date", allowYear: boolean): Omit<TypedColumn, "missing"> | undefined {
  const cells: Cell[] = new Array(values.length);
  let precision: DatePrecision | undefined;
  let percent = type === "number";
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (isMissing(value)) {
      cells[index] = null;
      continue;
    }
    if (type === "number") {
      const number = toNumber(value);
      if (number === undefined) return undefined;
      cells[index] = number;
      if (percent && !(typeof value === "string" && value.trimEnd().endsWith("%"))) percent = false;
    } else {
      const parsed = toDate(value, allowYear);
      if (!parsed) return undefined;
      cells[index] = parsed.date;
      if (precision === undefined || precisionRank[parsed.precision] > precisionRank[precision]) precision = parsed.precision;
    }
  }
  const column: DataColumn = { name, type };
  if (type === "date") column.precision = precision ?? "day";
  if (percent && cells.some((cell) => cell !== null)) column.percent = true;
  return { column, cells, bad: [] };
}

function convertColumn(name: string, values: readonly RawValue[], choice: TypeChoice, allowYear: boolean): Omit<TypedColumn, "missing"> {
  const { type } = choice;
  const cells: Cell[] = [];
  const bad: number[] = [];
  let precision: DatePrecision | undefined;
  let percent = type === "number";
  const readFormatted = type === "date" && choice.format !== undefined ? dateFormatReader(choice.format) : undefined;
  values.forEach((value, index) => {
    if (isMissing(value)) {
      cells.push(null);
      return;
    }
    let cell: Cell | undefined;
    switch (type) {
      case "string":
        cell = toText(value);
        break;
      case "boolean":
        cell = toBoolean(value);
        break;
      case "number":
        cell = toLooseNumber(value);
        if (percent && !(typeof value === "string" && value.trimEnd().endsWith("%"))) percent = false;
        break;
      case "date": {
        if (readFormatted) {
          cell = readFormatted(toText(value));
          break;
        }
        const parsed = toDate(value, allowYear);
        if (parsed) {
          cell = parsed.date;
          if (precision === undefined || precisionRank[parsed.precision] > precisionRank[precision]) precision = parsed.precision;
        }
        break;
      }
    }
    if (cell === undefined) {
      bad.push(index);
      cells.push(null);
    } else {
      cells.push(cell);
    }
  });
  const column: DataColumn = { name, type };
  if (type === "date") column.precision = choice.format !== undefined ? dateFormatPrecision(choice.format) : (precision ?? "day");
  if (percent && bad.length === 0 && cells.some((cell) => cell !== null)) column.percent = true;
  return { column, cells, bad };
}

/**
 * For a column read as text: whether it is numbers (or dates) but for a few cells, which is usually
 * a mistake (`NA`, `n/a`, `-` typed for a missing value). It is, when at least two values fit the
 * type, more fit than do not, and the values that do not fit are at most three different texts.
 * Gives the type and the indexes of the values that do not fit.
 */
export function nearMiss(name: string, values: readonly RawValue[]): { type: "number" | "date"; misfits: number[] } | undefined {
  const timeName = isTimeName(name);
  const checks = [
    ["number", (v: RawValue) => toNumber(v) !== undefined],
    ["date", (v: RawValue) => toDate(v, timeName) !== undefined],
  ] as const;
  for (const [type, fits] of checks) {
    let fitting = 0;
    const misfits: number[] = [];
    const texts = new Set<string>();
    values.forEach((value, index) => {
      if (isMissing(value)) return;
      if (fits(value)) fitting++;
      else {
        misfits.push(index);
        texts.add(toText(value));
      }
    });
    if (fitting >= 2 && fitting > misfits.length && misfits.length > 0 && texts.size <= 3) return { type, misfits };
  }
  return undefined;
}

