import vocabulary from "./plot-vocabulary.json" with { type: "json" };

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

/**
 * How a transform key's value is passed to Plot:
 * - "outputs": Plot.groupX(value, options) — value maps channels to reducers.
 * - "first": Plot.stackY(value, options) — value is the transform's own argument (basis, k, anchor…).
 * - "merge": Plot.selectFirst({...value, ...options}) — the transform takes options only.
 */
export type TransformStyle = "outputs" | "first" | "merge";
export interface TransformInfo {
  style: TransformStyle;
  /** Extra mark-level options the transform reads (bin thresholds, stack order…). */
  options: readonly string[];
  /** Where the value is `true`, what to pass instead (Plot wants an object or nothing). */
  defaultValue?: unknown;
}

const t = vocabulary.transformOptions;
export const transforms: Readonly<Record<string, TransformInfo>> = {
  group: { style: "outputs", options: [] },
  groupX: { style: "outputs", options: [] },
  groupY: { style: "outputs", options: [] },
  groupZ: { style: "outputs", options: [] },
  bin: { style: "outputs", options: t.BinOptions },
  binX: { style: "outputs", options: t.BinOptions },
  binY: { style: "outputs", options: t.BinOptions },
  hexbin: { style: "outputs", options: t.HexbinOptions },
  stackX: { style: "first", options: t.StackOptions, defaultValue: {} },
  stackX1: { style: "first", options: t.StackOptions, defaultValue: {} },
  stackX2: { style: "first", options: t.StackOptions, defaultValue: {} },
  stackY: { style: "first", options: t.StackOptions, defaultValue: {} },
  stackY1: { style: "first", options: t.StackOptions, defaultValue: {} },
  stackY2: { style: "first", options: t.StackOptions, defaultValue: {} },
  normalizeX: { style: "first", options: [], defaultValue: "first" },
  normalizeY: { style: "first", options: [], defaultValue: "first" },
  windowX: { style: "first", options: [], defaultValue: {} },
  windowY: { style: "first", options: [], defaultValue: {} },
  mapX: { style: "first", options: t.MapOptions },
  mapY: { style: "first", options: t.MapOptions },
  dodgeX: { style: "first", options: t.DodgeOptions, defaultValue: {} },
  dodgeY: { style: "first", options: t.DodgeOptions, defaultValue: {} },
  shiftX: { style: "first", options: [] },
  shiftY: { style: "first", options: [] },
  select: { style: "first", options: t.SelectOptions },
  selectFirst: { style: "merge", options: t.SelectOptions },
  selectLast: { style: "merge", options: t.SelectOptions },
  selectMinX: { style: "merge", options: t.SelectOptions },
  selectMinY: { style: "merge", options: t.SelectOptions },
  selectMaxX: { style: "merge", options: t.SelectOptions },
  selectMaxY: { style: "merge", options: t.SelectOptions },
  pointer: { style: "merge", options: t.PointerOptions },
  pointerX: { style: "merge", options: t.PointerOptions },
  pointerY: { style: "merge", options: t.PointerOptions },
};

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
