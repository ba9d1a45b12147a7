import { formatLocale, timeFormatLocale, type FormatLocaleDefinition, type TimeLocaleDefinition } from "d3";
import type { Cell, DatePrecision } from "../data/data-table.ts";
import { intlLocale } from "../chart/locale-tips.ts";
import { numberFormatProblem } from "../chart/number-format.ts";

/** d3-format's conventions per story language: the currency symbol follows the language. */
const numberLocales: Record<string, FormatLocaleDefinition> = {
  "en-US": { decimal: ".", thousands: ",", grouping: [3], currency: ["$", ""] },
  "zh-CN": { decimal: ".", thousands: ",", grouping: [3], currency: ["¥", ""] },
};

const timeLocales: Record<string, TimeLocaleDefinition> = {
  "en-US": {
    dateTime: "%x, %X", date: "%-m/%-d/%Y", time: "%-I:%M:%S %p", periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  "zh-CN": {
    dateTime: "%x %A %X", date: "%Y/%-m/%-d", time: "%H:%M:%S", periods: ["上午", "下午"],
    days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    shortDays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    months: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
    shortMonths: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  },
};

export const isTimeSpecifier = (format: string): boolean => /%[-_0]?[aAbBcdefgGHIjLmMpQsSuUVwWxXyYZ]/.test(format);

export type FormatResult = { ok: true; text: string } | { ok: false; problem: "not-a-number" | "invalid-format"; detail: string };

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
    if (!(value instanceof Date)) return { ok: false, problem: "not-a-number", detail: found };
    return { ok: true, text: timeFormatLocale(timeLocales[locale]!).utcFormat(format)(value) };
  }
  const problem = numberFormatProblem(format);
  if (problem) return { ok: false, problem: "invalid-format", detail: problem };
  const formatter = formatLocale(numberLocales[locale]!).format(format);
  if (typeof value !== "number") return { ok: false, problem: "not-a-number", detail: found };
  // d3 writes negative numbers with a true minus sign (−); keep that, it is typographically right.
  return { ok: true, text: formatter(value) };
}
