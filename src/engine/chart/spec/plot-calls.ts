/**
 * How spec-to-plot calls Plot: the small part of Plot's vocabulary the translation needs. It is kept
 * apart from plot-vocabulary.ts (the full lists of marks and options, for checking specs) so the code
 * shipped to browsers stays small.
 */

/**
 * How a transform key's value is passed to Plot:
 * - "outputs": Plot.groupX(value, options) — value maps channels to reducers.
 * - "first": Plot.stackY(value, options) — value is the transform's own argument (basis, k, anchor…).
 * - "merge": Plot.selectFirst({...value, ...options}) — the transform takes options only.
 */
export type TransformStyle = "outputs" | "first" | "merge";

export interface TransformCall {
  style: TransformStyle;
  /** A "first" transform given a set of options instead of its argument takes them merged (normalizeY: {basis: sum}). */
  mergeObjects?: boolean;
  /** Where the value is `true`, what to pass instead (Plot wants an object or nothing). */
  defaultValue?: unknown;
}

const outputs: TransformCall = { style: "outputs" };
const first: TransformCall = { style: "first" };
const firstOrEmpty: TransformCall = { style: "first", defaultValue: {} };
const merge: TransformCall = { style: "merge" };

export const transformCalls: Readonly<Record<string, TransformCall>> = {
  group: outputs, groupX: outputs, groupY: outputs, groupZ: outputs,
  bin: outputs, binX: outputs, binY: outputs, hexbin: outputs,
  stackX: firstOrEmpty, stackX1: firstOrEmpty, stackX2: firstOrEmpty,
  stackY: firstOrEmpty, stackY1: firstOrEmpty, stackY2: firstOrEmpty,
  normalizeX: { style: "first", defaultValue: "first", mergeObjects: true }, normalizeY: { style: "first", defaultValue: "first", mergeObjects: true },
  windowX: firstOrEmpty, windowY: firstOrEmpty,
  mapX: first, mapY: first,
  dodgeX: firstOrEmpty, dodgeY: firstOrEmpty,
  shiftX: first, shiftY: first,
  select: first,
  selectFirst: merge, selectLast: merge, selectMinX: merge, selectMinY: merge, selectMaxX: merge, selectMaxY: merge,
  pointer: merge, pointerX: merge, pointerY: merge,
  centroid: merge, geoCentroid: merge,
};

/** Marks that take options only, no data (Plot.frame(options)). A test holds this to Plot's own signatures. */
export const marksWithoutDataArgument: ReadonlySet<string> = new Set(["frame", "graticule", "hexgrid", "sphere"]);
