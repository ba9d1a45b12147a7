import { splitCurrencySign } from "./currency-sign.ts";
import { formatLocale, timeFormatLocale, type FormatLocaleDefinition, type TimeLocaleDefinition } from "d3";

/**
 * d3-format and d3-time-format conventions for each story language, so a format written once reads
 * right in both: "$,.0f" gives $500,000 in English and ¥500,000 in Chinese ("US$,.0f" gives US$500,000 in both); "%b %Y" gives Mar 2025 and
 * 3月 2025.
 */
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

/** The Intl locale of a story language. */
export const intlLocale = (lang: string | undefined): string => (lang === "zh-CN" ? "zh-CN" : "en-US");

export const isTimeSpecifier = (format: string): boolean => /%[-_0]?[aAbBcdefgGHIjLmMpQsSuUVwWxXyYZ]/.test(format);

/**
 * d3-format's `format` in the story's language: `$` is the story's currency. A format led by a sign of
 * its own ("US$,.0f") writes that sign instead, in every language, where d3 puts `$`.
 */
export function numberFormat(specifier: string, lang: string | undefined): (n: number) => string {
  const locale = numberLocales[intlLocale(lang)]!;
  const own = splitCurrencySign(specifier);
  if (!own) return formatLocale(locale).format(specifier);
  // d3's grammar puts a sign (+, -, ( or space) before the currency: "US$+,.0f" is read as "+$,.0f".
  const [, sign = "", rest] = /^([+\-( ]?)(.*)$/s.exec(own.specifier)!;
  return formatLocale({ ...locale, currency: [own.sign, ""] }).format(`${sign}$${rest}`);
}

/** d3-time-format's `utcFormat` in the story's language. */
export const dateFormat = (specifier: string, lang: string | undefined): ((d: Date) => string) =>
  timeFormatLocale(timeLocales[intlLocale(lang)]!).utcFormat(specifier);

/**
 * A format specifier as a function of a value, in the story's language: a date format for dates, a
 * number format for numbers, or Plotline's "compact" (万/亿 in Chinese) and "percent"; anything else is
 * written as it is.
 */
export function localizedFormat(specifier: string, lang: string | undefined): (value: unknown) => string {
  if (specifier === "compact" || specifier === "percent") {
    // Plotline's two named formats: 1.2M / 120万 / 1.2亿, and 22.5%.
    const intl = new Intl.NumberFormat(intlLocale(lang), specifier === "compact" ? { notation: "compact", maximumFractionDigits: 1 } : { style: "percent", maximumFractionDigits: 1 });
    return (value) => (typeof value === "number" ? intl.format(value) : value === null || value === undefined ? "" : String(value));
  }
  if (isTimeSpecifier(specifier)) {
    const format = dateFormat(specifier, lang);
    return (value) => (value instanceof Date ? format(value) : value === null || value === undefined ? "" : String(value));
  }
  const format = numberFormat(specifier, lang);
  return (value) => (typeof value === "number" ? format(value) : value === null || value === undefined ? "" : String(value));
}
