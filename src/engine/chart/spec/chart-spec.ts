import type { FigureKey } from "./plot-vocabulary.ts";

/** A JSON value as found in a spec (YAML parsed with the core schema holds nothing else). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One transform applied to a mark, in the order written (the first written is applied first). */
export interface TransformSpec {
  name: string;
  value: JsonValue;
}

export interface MarkSpec {
  /** The Plot mark function, e.g. "barX". */
  mark: string;
  /** The data block id, an inline list of rows or values, or undefined for the chart's data. */
  data?: string | JsonValue[];
  /** The mark's options without `data` and without transform keys. */
  options: JsonObject;
  transforms: TransformSpec[];
}

/**
 * A chart block after reading and checking: plain JSON, so the same spec can be embedded in the page
 * and rendered again in the browser by the same spec-to-Plot code.
 */
export interface ChartSpec {
  version: 1;
  /** Stable id, from the block's `id=` or its title. */
  id: string;
  /** The data block named by `data=`, if any. */
  data?: string;
  figure: Partial<Record<FigureKey, string>>;
  /** Options of Plot.plot other than marks (x, y, color, height, …). */
  options: JsonObject;
  marks: MarkSpec[];
  /**
   * Plotline's additions made while drawing that this chart has switched off (its `plotline:` or the
   * house style), carried in the spec so the browser's redraw leaves them off too. Absent: all on.
   */
  drawnAdditionsOff?: DrawnAdditionKey[];
  /**
   * Plotline's `highlight:` (never passed to Plot): the column whose values light a series or bar, and
   * those drawn lit at build time. Carried in the spec so the browser's redraw keys the same marks.
   */
  highlight?: HighlightSpec;
  /** Plotline's top-level `filter:`: an expression keeping the rows of the chart's data= where it is true (applied before drawing). */
  filter?: string;
}

/** What `highlight:` says: `by` a column; `on` the values lit in a static state (the rest dimmed). */
export interface HighlightSpec {
  by: string;
  on?: string[];
}

/** The additions made once Plot has drawn, at the width drawn at (render/render-chart-element.ts). */
export const drawnAdditionKeys = ["tickThinning", "labelCollisions"] as const;
export type DrawnAdditionKey = (typeof drawnAdditionKeys)[number];

/** The axis mark of each position scale (`- axisX: {label: …}` sets what `x: {label: …}` does). */
export const axisMarkOf: Readonly<Record<string, string>> = { x: "axisX", y: "axisY", fx: "axisFx", fy: "axisFy" };

/**
 * An option of a scale as the chart gives it: the scale's own (`y: {label: …}`), else that of its axis
 * mark (`- axisY: {label: …}`), when `accept` takes it (by default: any value given).
 */
export function scaleOrAxisOption(spec: ChartSpec, scale: string, option: string, accept: (value: JsonValue) => boolean = () => true): JsonValue | undefined {
  const own = spec.options[scale];
  if (isJsonObject(own) && own[option] !== undefined && accept(own[option])) return own[option];
  const axis = axisMarkOf[scale];
  return axis ? spec.marks.find((mark) => mark.mark === axis && mark.options[option] !== undefined && accept(mark.options[option]!))?.options[option] : undefined;
}

/** A mapping (not a list, not null), as YAML and JSON give them. */
export const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** The data block a mark draws: its own `data:` id, else the chart's `data=`. */
export const markDataId = (spec: ChartSpec, mark: MarkSpec): string | undefined => (typeof mark.data === "string" ? mark.data : spec.data);

/** The data block a top-level `facet: {data: <id>, x, y}` names, if it names one. */
export const facetDataId = (spec: ChartSpec): string | undefined => {
  const facet = spec.options["facet"];
  return isJsonObject(facet) && typeof facet["data"] === "string" ? facet["data"] : undefined;
};

/** The data id a chart's `projection: {domain: <id>}` fits the map to, if it names one. */
export function projectionDomainId(spec: ChartSpec): string | undefined {
  const projection = spec.options["projection"];
  return isJsonObject(projection) && typeof projection["domain"] === "string" ? projection["domain"] : undefined;
}

/** Every data block a chart draws on: its data=, its marks' data:, its facet's data: and its map's domain. */
export const chartDataIds = (spec: ChartSpec): string[] => [
  ...new Set([spec.data, ...spec.marks.map((m) => m.data), facetDataId(spec), projectionDomainId(spec)].filter((id): id is string => typeof id === "string")),
];

/** Path into the spec's YAML, e.g. ["marks", 0, "barX", "y"]. */
export type SpecPath = readonly (string | number)[];
