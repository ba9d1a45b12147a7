import type { DatePrecision } from "../../data/data-table.ts";
import { precisionOfDates } from "../../iso-date.ts";
import { intlLocale, localizedFormat } from "../../i18n/d3-locales.ts";
import { type ChartSpec, type JsonObject, type JsonValue, isJsonObject, scaleOrAxisOption } from "../spec/chart-spec.ts";

const positionScale: Readonly<Record<string, "x" | "y">> = { x: "x", x1: "x", x2: "x", y: "y", y1: "y", y2: "y" };
const tipChannels = ["x", "x1", "x2", "y", "y1", "y2", "fill", "stroke", "r", "z", "text", "title", "fillOpacity", "strokeOpacity", "opacity", "symbol", "length"];

const formatters = new Map<string, (value: unknown) => string | undefined>();

/** Numbers and dates in the story's language: 1,234.5 / 2021 / Mar 2021 / Mar 21, 2021 (2021年3月21日). */
export function localeFormatter(lang: string | undefined): (value: unknown) => string | undefined {
  const locale = intlLocale(lang);
  let formatter = formatters.get(locale);
  if (!formatter) formatters.set(locale, (formatter = createLocaleFormatter(locale)));
  return formatter;
}

const dateOptions: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: "numeric" },
  month: { year: "numeric", month: "short" },
  day: { year: "numeric", month: "short", day: "numeric" },
  time: { dateStyle: "medium", timeStyle: "short" },
};

function createLocaleFormatter(locale: string, precision?: DatePrecision): (value: unknown) => string | undefined {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const dates = Object.fromEntries(
    Object.entries(dateOptions).map(([p, options]) => [p, new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options })]),
  ) as Record<DatePrecision, Intl.DateTimeFormat>;
  return (value) => {
    if (value === null || value === undefined) return undefined;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dates[precision ?? precisionOfDates([value])!].format(value);
    if (typeof value === "number") return Number.isNaN(value) ? undefined : number.format(value);
    return String(value);
  };
}

/**
 * For the date columns a mark's channels read: a formatter at the precision of the whole column, so
 * monthly data reads Jan 2025, Feb 2025 (not 2025 for January because it falls on the 1st).
 */
function columnDateFormatters(options: Record<string, unknown>, rows: readonly unknown[] | undefined, lang: string | undefined): Map<string, (value: unknown) => string | undefined> {
  const formatters = new Map<string, (value: unknown) => string | undefined>();
  if (!rows) return formatters;
  for (const channel of tipChannels) {
    const column = options[channel];
    if (typeof column !== "string") continue;
    const precision = precisionOfDates(rows.map((row) => (typeof row === "object" && row !== null ? (row as Record<string, unknown>)[column] : undefined)));
    if (precision !== undefined) formatters.set(channel, createLocaleFormatter(intlLocale(lang), precision));
  }
  return formatters;
}

/** The tickFormat of a position scale: the scale's own (the editor's, or Plotline's default), else its axis mark's. */
const axisTickFormat = (spec: ChartSpec, scale: "x" | "y"): string | undefined =>
  scaleOrAxisOption(spec, scale, "tickFormat", (format) => typeof format === "string") as string | undefined;

/** How a position channel's values read in a tip: as on the axis, as a percentage on a percent scale. */
function scaleFormatter(spec: ChartSpec, scale: "x" | "y", lang: string | undefined): ((value: unknown) => string | undefined) | undefined {
  const tickFormat = axisTickFormat(spec, scale);
  if (tickFormat !== undefined) {
    const format = localizedFormat(tickFormat, lang);
    return (value) => (value === null || value === undefined ? undefined : format(value));
  }
  const options: JsonValue | undefined = spec.options[scale];
  if (isJsonObject(options) && options["percent"] === true) {
    // Plot hands the tip values already multiplied by 100 on a percent scale.
    const percent = new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 1 });
    return (value) => (typeof value === "number" ? percent.format(value / 100) : undefined);
  }
  return undefined;
}

/**
 * A tip's formats per channel with the format strings read in the story's language ("$,.0f" shows ¥
 * in a Chinese story, as on axes); true, false and null are left for Plot.
 */
export function localizedTipFormats(formats: JsonObject, lang: string | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(formats).map(([channel, format]) => {
      if (typeof format !== "string") return [channel, format];
      const write = localizedFormat(format, lang);
      return [channel, (value: unknown) => (value === null || value === undefined ? undefined : write(value))];
    }),
  );
}

/**
 * A tip's format for each channel Plot would show, unless the editor gave one: the axis's format
 * (whether the editor, an axis mark or Plotline set it, so "$,.0f" reads ¥1,200 on the axis and in
 * the tip alike), percentages on percent scales, and numbers and dates written the way the story's
 * language writes them.
 */
export function tipFormats(
  given: JsonValue | undefined,
  spec: ChartSpec,
  lang: string | undefined,
  markChannels: { options: Record<string, unknown>; rows: readonly unknown[] | undefined } = { options: {}, rows: undefined },
): Record<string, unknown> {
  const formats: Record<string, unknown> = {};
  const fallback = localeFormatter(lang);
  const dates = columnDateFormatters(markChannels.options, markChannels.rows, lang);
  for (const channel of tipChannels) {
    const scale = positionScale[channel];
    formats[channel] = (scale && scaleFormatter(spec, scale, lang)) ?? dates.get(channel) ?? fallback;
  }
  if (isJsonObject(given)) Object.assign(formats, localizedTipFormats(given, lang));
  return formats;
}

/** Tips in the story's language: a mark with `tip` gets the tipFormats. */
export function withLocaleTip(options: Record<string, unknown>, spec: ChartSpec, lang: string | undefined, rows?: readonly unknown[]): Record<string, unknown> {
  const tip = options["tip"];
  if (tip === undefined || tip === false || tip === null) return options;
  const tipOptions: Record<string, unknown> = isJsonObject(tip) ? { ...tip } : typeof tip === "string" ? { pointer: tip } : {};
  const formats = tipFormats(tipOptions["format"] as JsonValue | undefined, spec, lang, { options, rows });
  // Chinese glyphs are taller than Latin ones: give tip lines more room.
  if (lang === "zh-CN" && tipOptions["lineHeight"] === undefined) tipOptions["lineHeight"] = 1.3;
  return { ...options, tip: { ...tipOptions, format: formats } };
}
