import * as Plot from "@observablehq/plot";
import type { Cell, Row } from "../data/data-table.ts";
import type { ChartSpec, JsonObject, JsonValue, MarkSpec } from "./chart-spec.ts";
import { markTakesData, transforms } from "./plot-vocabulary.ts";

/**
 * Turns a checked ChartSpec and its data into the options of Plot.plot. This is the one translation from
 * spec to Plot: the build uses it to render SVG, and the browser uses it to render the same chart again.
 * It assumes the spec passed checkChartSpec; for anything else, Plot's own errors surface.
 */
export type ChartData = Readonly<Record<string, readonly (Row | Cell)[]>>;

export interface PlotEnvironment {
  document?: Document;
  width?: number;
}

type PlotFunction = (...args: unknown[]) => unknown;
const plotFunction = (name: string): PlotFunction => {
  const fn = (Plot as unknown as Record<string, unknown>)[name];
  if (typeof fn !== "function") throw new Error(`Plot has no ${name}`);
  return fn as PlotFunction;
};

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export function specToPlotOptions(spec: ChartSpec, data: ChartData, environment: PlotEnvironment = {}): Plot.PlotOptions {
  const options: Record<string, unknown> = structuredClone(spec.options);
  if (spec.figure.alt !== undefined) options["ariaLabel"] = spec.figure.alt;
  if (environment.width !== undefined) options["width"] = environment.width;
  if (environment.document !== undefined) options["document"] = environment.document;
  options["marks"] = spec.marks.map((mark) => toPlotMark(mark, spec, data));
  return options as Plot.PlotOptions;
}

function toPlotMark(mark: MarkSpec, spec: ChartSpec, data: ChartData): unknown {
  let options: Record<string, unknown> = structuredClone(mark.options);
  for (const { name, value } of mark.transforms) {
    const info = transforms[name]!;
    const argument: JsonValue | undefined = value === true || value === null ? (info.defaultValue as JsonValue | undefined) : value;
    const transform = plotFunction(name);
    options =
      info.style === "merge"
        ? (transform({ ...(isObject(argument) ? argument : {}), ...options }) as Record<string, unknown>)
        : (transform(argument ?? {}, options) as Record<string, unknown>);
  }
  const markFunction = plotFunction(mark.mark);
  if (!markTakesData(mark.mark)) return markFunction(options);
  // Axes and grids read data as tick values: give them only data they were given explicitly.
  const chartRows = spec.data !== undefined && !/^(axis|grid)/.test(mark.mark) ? data[spec.data] : undefined;
  const rows = typeof mark.data === "string" ? data[mark.data] : Array.isArray(mark.data) ? mark.data : chartRows;
  return rows === undefined ? markFunction(options) : markFunction(rows, options);
}
