import type { ChartSpec } from "../spec/chart-spec.ts";

/** Marks and transforms that answer the reader's pointer (Plot's interaction). */
const pointerMarks = new Set(["tip", "crosshair", "crosshairX", "crosshairY"]);
const pointerTransforms = new Set(["pointer", "pointerX", "pointerY"]);

/**
 * Whether the browser has anything to add to the build's drawing: tips, a crosshair, marks that follow
 * the pointer. Only such charts are drawn again when a reader points at them (src/astro/hydrate-charts.ts);
 * the others stay as drawn, so a map of 3,000 counties without tips never fetches its shapes.
 */
export const isInteractive = (spec: ChartSpec): boolean =>
  spec.marks.some((mark) => Boolean(mark.options["tip"]) || pointerMarks.has(mark.mark) || mark.transforms.some((t) => pointerTransforms.has(t.name)));
