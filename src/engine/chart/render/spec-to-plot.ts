import * as Plot from "@observablehq/plot";
import { localizedFormat } from "../../i18n/d3-locales.ts";
import type { Cell, Row } from "../../data/data-table.ts";
import { type ChartSpec, type JsonObject, type JsonValue, type MarkSpec, isJsonObject, projectionDomainId } from "../spec/chart-spec.ts";
import { tipFormats, withLocaleTip } from "../defaults/locale-tips.ts";
import { marksWithoutDataArgument, transformCalls } from "../spec/plot-calls.ts";
import { chartWidth } from "../chart-widths.ts";
import { pixelsPerDegree } from "./map-scale.ts";
import { highlightRender } from "./highlight-keys.ts";
import { withDateDomains } from "./date-domains.ts";
import { hasShapes, shapeOf } from "../../geo/row-shape.ts";
import { ANCHORED_LABELS_CLASS } from "./label-collisions.ts";

/**
 * Turns a checked ChartSpec and its data into the options of Plot.plot. This is the one translation from
 * spec to Plot: the build uses it to render SVG, and the browser uses it to render the same chart again.
 * It assumes the spec passed checkChartSpec; for anything else, Plot's own errors surface.
 */
export type ChartData = Readonly<Record<string, readonly (Row | Cell)[]>>;

export interface PlotEnvironment {
  document?: Document;
  width?: number;
  /** The story's language, for numbers and dates in tips. */
  lang?: string;
  /**
   * False when drawing for the page's HTML: tips only ever appear under a pointer, so the build leaves
   * them out (less work, same picture) and the browser adds them when it draws the chart again.
   */
  interactive?: boolean;
}

export const plotClassName = "plotline-plot";

type PlotFunction = (...args: unknown[]) => unknown;
const plotFunction = (name: string): PlotFunction => {
  const fn = (Plot as unknown as Record<string, unknown>)[name];
  if (typeof fn !== "function") throw new Error(`Plot has no ${name}`);
  return fn as PlotFunction;
};

export function specToPlotOptions(spec: ChartSpec, data: ChartData, environment: PlotEnvironment = {}): Plot.PlotOptions {
  const options: Record<string, unknown> = structuredClone(spec.options);
  // A class of our own (not Plot's hashed default) so the site stylesheet can style charts and legends.
  options["className"] = plotClassName;
  if (spec.figure.alt !== undefined) options["ariaLabel"] = spec.figure.alt;
  if (environment.width !== undefined) options["width"] = environment.width;
  if (environment.document !== undefined) options["document"] = environment.document;
  localizeTickFormats(options, environment.lang);
  withDateDomains(options, spec, (index) => markRows(spec.marks[index]!, spec, data));
  // A top-level facet names its data by block id, like a mark's data: Plot needs the rows themselves
  // (the same array the marks draw, so that they are faceted).
  const facet = options["facet"];
  if (isJsonObject(facet) && typeof facet["data"] === "string") options["facet"] = { ...facet, data: data[facet["data"]] ?? [] };
  // Shapes are drawn at the detail the map's scale shows (geo/table-shapes.ts).
  const width = environment.width ?? chartWidth(spec);
  const detail = options["projection"] === undefined ? undefined : pixelsPerDegree(spec, (id) => data[id], width);
  // A projection's domain names shapes by data id: Plot fits the map to them.
  const domain = projectionDomainId(spec);
  if (domain !== undefined) {
    const features = (data[domain] ?? []).map((row) => ({ type: "Feature", properties: null, geometry: shapeOf(row)?.geometryAt(detail) ?? null }));
    options["projection"] = { ...(options["projection"] as object), domain: { type: "FeatureCollection", features } };
  }
  options["marks"] = spec.marks.map((mark) => toPlotMark(mark, spec, data, environment, detail));
  return options as Plot.PlotOptions;
}

/** Transforms that place a mark at its shapes' centres. */
const centroidTransforms = new Set(["centroid", "geoCentroid"]);

function toPlotMark(mark: MarkSpec, spec: ChartSpec, data: ChartData, environment: PlotEnvironment, detail: number | undefined): unknown {
  const rows = marksWithoutDataArgument.has(mark.mark) ? undefined : markRows(mark, spec, data);
  const own = markOptions(mark, spec, environment, rows);
  // Elements of a highlightable mark carry their key (highlight-keys.ts); transforms keep the option.
  const render = highlightRender(mark, spec.highlight);
  if (render) own["render"] = render;
  // A row's shape is not a column: the geo mark, and marks placed at centroids, read it from the row.
  if (hasShapes(rows) && own["geometry"] === undefined && (mark.mark === "geo" || mark.transforms.some((t) => centroidTransforms.has(t.name)))) {
    own["geometry"] = (row: unknown) => shapeOf(row)?.geometryAt(detail) ?? null;
    // A label at a shape's centre names that shape: label collisions may not move it onto a neighbour.
    if (mark.mark !== "geo") own["className"] = ANCHORED_LABELS_CLASS;
  }
  const options = withTransforms(mark, own);
  const markFunction = plotFunction(mark.mark);
  if (marksWithoutDataArgument.has(mark.mark)) return markFunction(options);
  return rows === undefined ? markFunction(options) : markFunction(rows, options);
}

/** The rows a mark draws: its own data, else the chart's (axes and grids read data as ticks: only their own). */
export function markRows(mark: MarkSpec, spec: ChartSpec, data: ChartData): readonly unknown[] | undefined {
  const chartRows = spec.data !== undefined && !/^(axis|grid)/.test(mark.mark) ? data[spec.data] : undefined;
  return typeof mark.data === "string" ? data[mark.data] : Array.isArray(mark.data) ? mark.data : chartRows;
}

/**
 * A mark's options for Plot before its transforms: the spec's, with Plotline's tips, formats and safe
 * links (`rows`, the mark's data, lets tips write a date column at the column's precision).
 */
export function markOptions(mark: MarkSpec, spec: ChartSpec, environment: PlotEnvironment, rows?: readonly unknown[]): Record<string, unknown> {
  let options: Record<string, unknown> = structuredClone(mark.options);
  if (environment.interactive === false) delete options["tip"];
  else options = withLocaleTip(options, spec, environment.lang, rows);
  // Plotline's format of text marks; the tip mark's format is Plot's own (a format per channel, read
  // like a mark's tip; a single string is the format of its title).
  if (mark.mark === "tip") {
    if (typeof options["format"] !== "string") options["format"] = tipFormats(options["format"] as JsonValue | undefined, spec, environment.lang, { options, rows });
  } else if (typeof options["format"] === "string") options = withFormattedText(options, options["format"], environment.lang);
  // An axis mark's tickFormat is read in the story's language, as a scale's is.
  if (/^axis/.test(mark.mark) && typeof options["tickFormat"] === "string") options["tickFormat"] = localizedFormat(options["tickFormat"], environment.lang);
  if (typeof options["href"] === "string") options = withSafeLinks(options, options["href"]);
  return options;
}

/** The options after the mark's transforms (groupX, stackY, …), in the order written. */
export function withTransforms(mark: MarkSpec, markOptions: Record<string, unknown>): Record<string, unknown> {
  let options = markOptions;
  for (const { name, value } of mark.transforms) {
    const info = transformCalls[name]!;
    const argument: JsonValue | undefined = value === true || value === null ? (info.defaultValue as JsonValue | undefined) : value;
    const transform = plotFunction(name);
    options =
      info.style === "merge" || (info.mergeObjects && isJsonObject(argument))
        ? (transform({ ...(isJsonObject(argument) ? argument : {}), ...options }) as Record<string, unknown>)
        : (transform(argument ?? {}, options) as Record<string, unknown>);
  }
  return options;
}

/**
 * Plotline's `format` option of text marks: labels formatted with a d3-format specifier (".0%") for
 * numbers or a d3-time-format one ("%Y") for dates, applied to the column named by `text`.
 */
function withFormattedText(options: Record<string, unknown>, specifier: string, lang: string | undefined): Record<string, unknown> {
  const { format: _, text, ...rest } = options;
  if (typeof text !== "string") return rest;
  const formatter = localizedFormat(specifier, lang);
  return { ...rest, text: { transform: (rows: readonly Row[]) => rows.map((row) => formatter(row[text] ?? null)), label: text } };
}

/**
 * Plot reads string tick formats with d3's default (American) locale; Plotline reads them in the
 * story's language, so "$,.0f" shows ¥ and "%b" shows 3月 on a Chinese story's axes.
 */
function localizeTickFormats(options: Record<string, unknown>, lang: string | undefined): void {
  for (const scale of ["x", "y", "fx", "fy", "color", "r", "opacity", "symbol", "length"]) {
    const scaleOptions = options[scale];
    if (typeof scaleOptions !== "object" || scaleOptions === null || Array.isArray(scaleOptions)) continue;
    const tickFormat = (scaleOptions as Record<string, unknown>)["tickFormat"];
    if (typeof tickFormat === "string") (scaleOptions as Record<string, unknown>)["tickFormat"] = localizedFormat(tickFormat, lang);
  }
}

/** Links drawn from data may only lead to web pages, mail, or within the site: never javascript: or data:. */
const safeLink = /^(?:https?:\/\/|mailto:|\/|#|\.{0,2}\/)/i;
export const isSafeLink = (value: string): boolean => safeLink.test(value.trim()) && !/^\s*(?:javascript|data|vbscript):/i.test(value);

function withSafeLinks(options: Record<string, unknown>, column: string): Record<string, unknown> {
  return {
    ...options,
    href: {
      transform: (rows: readonly Row[]) =>
        rows.map((row) => {
          const value = row[column];
          return typeof value === "string" && isSafeLink(value) ? value.trim() : null;
        }),
      label: column,
    },
  };
}
