/**
 * The steps an `interval` makes between two values, read the way Plot reads it (a number for multiples,
 * a name such as "month" or "5 years" for dates): what a band or facet scale with an interval shows.
 */
import * as Plot from "@observablehq/plot";
import type { Cell } from "../../../data/data-table.ts";
import type { JsonValue } from "../../spec/chart-spec.ts";

/** Steps beyond this are not counted: the checks want to know "a few" or "too many". */
const MAX_STEPS = 10_000;

export interface ScaleSteps<T extends number | Date = number | Date> {
  /** Every step from the lowest value's to the highest's. */
  steps: T[];
  /** The step a value falls in. */
  floor: (value: T) => T;
}

/** The interval's steps over the values, or undefined when it does not apply to them or Plot could not read it (then Plot says so itself). */
export function scaleSteps(interval: JsonValue | undefined, values: readonly Cell[]): ScaleSteps | undefined {
  try {
    if (typeof interval === "number" && interval > 0) {
      const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      if (numbers.length === 0) return undefined;
      const step = Plot.numberInterval(interval);
      const lo = step.floor(numbers.reduce((a, b) => Math.min(a, b)));
      const hi = step.floor(numbers.reduce((a, b) => Math.max(a, b)));
      if ((hi - lo) / interval > MAX_STEPS) return undefined;
      return { steps: step.range(lo, step.offset(hi)), floor: (v) => step.floor(v as number) } as ScaleSteps;
    }
    if (typeof interval === "string") {
      const times = values.filter((v): v is Date => v instanceof Date).map((d) => d.getTime());
      if (times.length === 0) return undefined;
      const step = Plot.utcInterval(interval as Parameters<typeof Plot.utcInterval>[0]);
      const hi = step.floor(new Date(times.reduce((a, b) => Math.max(a, b))));
      const steps: Date[] = [];
      for (let d = step.floor(new Date(times.reduce((a, b) => Math.min(a, b)))); d <= hi && steps.length <= MAX_STEPS; d = step.offset(d)) steps.push(d);
      return { steps, floor: (v) => step.floor(v as Date) } as ScaleSteps;
    }
  } catch {
    // An interval Plot does not know: Plot reports it when it draws.
  }
  return undefined;
}
