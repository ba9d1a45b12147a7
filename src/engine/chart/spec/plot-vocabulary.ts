import vocabulary from "./plot-vocabulary.json" with { type: "json" };
import { transformCalls, type TransformCall } from "./plot-calls.ts";

/**
 * What a chart spec may name: Plot's marks and options (generated from Plot's own type declarations by
 * scripts/generate-plot-vocabulary.ts), minus what makes no sense in a story, plus Plotline's transforms table.
 */

/** Figure keys Plotline renders itself, around the chart. */
export const figureKeys = ["title", "subtitle", "alt", "note", "source"] as const;
export type FigureKey = (typeof figureKeys)[number];

/** Plot options that a story must not set: Plotline sets them, or they need code or inline styles. */
const reservedPlotOptions = new Set(["document", "figure", "className", "style", "caption", "title", "subtitle", "ariaLabel", "ariaDescription", "marks"]);
const reservedMarkOptions = new Set(["render", "initializer", "transform", "className"]);

export const plotOptionNames: ReadonlySet<string> = new Set(vocabulary.plotOptions.filter((o) => !reservedPlotOptions.has(o)));
export const scaleNames: ReadonlySet<string> = new Set(["x", "y", "fx", "fy", "color", "opacity", "r", "symbol", "length"]);
export const scaleOptionNames: ReadonlySet<string> = new Set(vocabulary.scaleOptions);

const marks = vocabulary.marks as Record<string, { takesData: boolean; options: string[] }>;
export const markNames: ReadonlySet<string> = new Set(Object.keys(marks));
export const markTakesData = (mark: string): boolean => marks[mark]?.takesData ?? false;
/** Options Plotline adds to some marks: `format` formats a text mark's labels (".0%", "%Y"). */
const plotlineMarkOptions: Readonly<Record<string, readonly string[]>> = { text: ["format"], textX: ["format"], textY: ["format"] };

export function markOptionNames(mark: string): Set<string> {
  return new Set(
    [...(marks[mark]?.options ?? []), ...(plotlineMarkOptions[mark] ?? []), "data"].filter((o) => !reservedMarkOptions.has(o)),
  );
}

export interface TransformInfo extends TransformCall {
  /** Extra mark-level options the transform reads (bin thresholds, stack order…). */
  options: readonly string[];
}

const t = vocabulary.transformOptions;
/**
 * The group transforms and the map transforms (normalize, window, shift and map itself) split the rows
 * into series by z (or fill, stroke) before they reduce or map, so they take z on any mark: a dot or a
 * tick whose mark has no z of its own still gets one from them.
 */
const groupOptions = ["z"];
const transformOptions: Readonly<Record<string, readonly string[]>> = {
  group: groupOptions, groupX: groupOptions, groupY: groupOptions, groupZ: groupOptions,
  normalizeX: t.MapOptions, normalizeY: t.MapOptions, windowX: t.MapOptions, windowY: t.MapOptions,
  shiftX: t.MapOptions, shiftY: t.MapOptions,
  bin: t.BinOptions, binX: t.BinOptions, binY: t.BinOptions, hexbin: t.HexbinOptions,
  stackX: t.StackOptions, stackX1: t.StackOptions, stackX2: t.StackOptions,
  stackY: t.StackOptions, stackY1: t.StackOptions, stackY2: t.StackOptions,
  mapX: t.MapOptions, mapY: t.MapOptions, dodgeX: t.DodgeOptions, dodgeY: t.DodgeOptions,
  select: t.SelectOptions, selectFirst: t.SelectOptions, selectLast: t.SelectOptions, selectMinX: t.SelectOptions,
  selectMinY: t.SelectOptions, selectMaxX: t.SelectOptions, selectMaxY: t.SelectOptions,
  pointer: t.PointerOptions, pointerX: t.PointerOptions, pointerY: t.PointerOptions,
};

/** Every transform a spec may name, with how it is called and the mark options it adds. */
export const transforms: Readonly<Record<string, TransformInfo>> = Object.fromEntries(
  Object.entries(transformCalls).map(([name, call]) => [name, { ...call, options: transformOptions[name] ?? [] }]),
);

/** Reducers of the group and bin transforms (plus percentiles p00–p99, matched separately). */
export const reducerNames: ReadonlySet<string> = new Set([
  "first", "last", "identity", "count", "distinct", "sum", "proportion", "proportion-facet", "deviation",
  "min", "min-index", "max", "max-index", "mean", "median", "variance", "mode",
]);
/** Bin reducers that return the bin's extent. */
export const binExtentReducers: ReadonlySet<string> = new Set(["x", "x1", "x2", "y", "y1", "y2"]);
/** Keys of group/bin outputs that are not channels. */
export const outputOptionKeys: ReadonlySet<string> = new Set(["filter", "sort", "reverse", "interval"]);

export const isReducerName = (name: string, transform: string): boolean =>
  reducerNames.has(name) || /^p\d\d$/.test(name) || (transform.startsWith("bin") && binExtentReducers.has(name));
