import { median } from "d3";

/** The summaries `aggregate=` offers for a number in prose. */
export const aggregates = ["sum", "mean", "median", "min", "max", "count"] as const;
export type Aggregate = (typeof aggregates)[number];

/** One number from many, as `aggregate=` asks (count is the caller's: it counts rows, not numbers). */
export function aggregateNumbers(aggregate: Exclude<Aggregate, "count">, numbers: readonly number[]): number {
  switch (aggregate) {
    case "sum":
      return numbers.reduce((a, b) => a + b, 0);
    case "mean":
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case "median":
      return median(numbers) ?? 0;
    case "min":
      return Math.min(...numbers);
    case "max":
      return Math.max(...numbers);
  }
}
