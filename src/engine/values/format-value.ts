import type { Cell, DatePrecision } from "../data/data-table.ts";
import { dateFormat, intlLocale, isTimeSpecifier, numberFormat } from "../i18n/d3-locales.ts";
import { numberFormatProblem } from "../chart/checks/number-format.ts";

export type FormatResult = { ok: true; text: string } | { ok: false; problem: "not-a-number" | "not-a-date" | "invalid-format"; detail: string };

/** How a date of each precision reads in the story's language when no format is given. */
function formatDate(date: Date, precision: DatePrecision, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    precision === "year"
      ? { year: "numeric" }
      : precision === "month"
        ? { year: "numeric", month: "long" }
        : precision === "day"
          ? { year: "numeric", month: "long", day: "numeric" }
          : { dateStyle: "long", timeStyle: "short" };
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(date);
}

/**
 * Writes a value from the data into prose, in the story's language:
 * - no format: numbers with the language's separators, dates at the precision they were written in
 *   (2025 / March 2025 / 2025年3月), text as it is;
 * - "compact": 1.2M in English, 120万 and 1.2亿 in Chinese; "percent": 22.5%;
 * - a d3-format specifier for numbers (".1%", "$,.0f": $ in English, ¥ in Chinese), or a
 *   d3-time-format specifier for dates ("%B %Y").
 */
export function formatValue(value: Exclude<Cell, null>, format: string | undefined, lang: string, precision: DatePrecision = "day"): FormatResult {
  const locale = intlLocale(lang);
  const found = value instanceof Date ? "a date" : typeof value === "number" ? "a number" : typeof value === "boolean" ? "true or false" : `the text "${value}"`;
  if (format === undefined) {
    if (value instanceof Date) return { ok: true, text: formatDate(value, precision, locale) };
    if (typeof value === "number") return { ok: true, text: new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value) };
    if (typeof value === "boolean") return { ok: true, text: lang === "zh-CN" ? (value ? "是" : "否") : value ? "yes" : "no" };
    return { ok: true, text: value };
  }
  if (format === "compact" || format === "percent") {
    if (typeof value !== "number") return { ok: false, problem: "not-a-number", detail: found };
    const options: Intl.NumberFormatOptions =
      format === "compact" ? { notation: "compact", maximumFractionDigits: 1 } : { style: "percent", maximumFractionDigits: 1 };
    return { ok: true, text: new Intl.NumberFormat(locale, options).format(value) };
  }
  if (isTimeSpecifier(format)) {
    if (!(value instanceof Date)) return { ok: false, problem: "not-a-date", detail: typeof value === "number" ? `a number (${value})` : found };
    return { ok: true, text: dateFormat(format, lang)(value) };
  }
  const problem = numberFormatProblem(format);
  if (problem) return { ok: false, problem: "invalid-format", detail: problem };
  const formatter = numberFormat(format, lang);
  if (typeof value !== "number") return { ok: false, problem: "not-a-number", detail: found };
  // d3 writes negative numbers with a true minus sign (−); keep that, it is typographically right.
  return { ok: true, text: formatter(value) };
}
