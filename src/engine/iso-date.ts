/**
 * Dates written the ISO way (2025, 2025-03, 2025-03-21, 2025-03-21T08:30Z): how data columns, the
 * frontmatter's dates and expressions read them, with the precision they were written at. A module of
 * its own because the story's frontmatter and the data blocks both need it and neither folder should
 * import the other.
 */

/** How precisely a date was written: a year, a month, a day, or a time of day. */
export type DatePrecision = "year" | "month" | "day" | "time";

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;
/** A bare four-digit year. */
export const YEAR = /^\d{4}$/;

/** Coarse to fine: a year reads coarser than a month. */
export const precisionRank: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2, time: 3 };

/**
 * The precision dates read at by their values: the finest any of them needs (all on 1 January: years;
 * all on a 1st: months; another day: days; a time of day: times). Undefined without a valid date.
 */
export function precisionOfDates(dates: Iterable<unknown>): DatePrecision | undefined {
  let precision: DatePrecision | undefined;
  for (const date of dates) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) continue;
    if (date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds() || date.getUTCMilliseconds()) return "time";
    const read: DatePrecision = date.getUTCDate() !== 1 ? "day" : date.getUTCMonth() !== 0 ? "month" : "year";
    if (precision === undefined || precisionRank[read] > precisionRank[precision]) precision = read;
  }
  return precision;
}

export interface ParsedDate {
  date: Date;
  precision: DatePrecision;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** A date in UTC (data are read in UTC); years 0–99 stay years 0–99. */
export function utcDate(year: number, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0): Date {
  // Date.UTC is fast but reads years 0–99 as 1900–1999; only those take the slow path.
  if (year >= 100) return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms));
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, ms);
  return date;
}

/**
 * The date a text value stands for under the ISO date rule, or undefined.
 * Bare four-digit years are dates only when `allowYear` (a time-named or date-typed column).
 */
export function parseIsoDate(text: string, allowYear = false): ParsedDate | undefined {
  const value = text.trim();
  if (YEAR.test(value)) return allowYear ? { date: utcDate(Number(value)), precision: "year" } : undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { date: utcDate(year, month), precision: "month" };
  const day = Number(d);
  if (day < 1 || day > daysIn(year, month)) return undefined;
  if (h === undefined) return { date: utcDate(year, month, day), precision: "day" };
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, "0").slice(0, 3));
  let time = utcDate(year, month, day, hours, minutes, seconds, ms).getTime();
  if (offset !== undefined && offset !== "Z") {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMinutes = Number(offset.slice(4, 6));
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = offset.startsWith("-") ? -1 : 1;
    time -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return { date: new Date(time), precision: "time" };
}

