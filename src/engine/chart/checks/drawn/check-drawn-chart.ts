/**
 * The checks of a chart that builds but comes out wrong: rows left out, a log scale over zero, a smear
 * of date bands, empty facets, unreadable tick labels, colours that repeat, a crowded phone axis. Each
 * is a warning at the option that causes it.
 */
import type { Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { checkColorCategories } from "./check-color-categories.ts";
import { checkDateBands } from "./check-date-bands.ts";
import { checkEmptyFacets } from "./check-empty-facets.ts";
import { checkLogScales } from "./check-log-scales.ts";
import { checkPhoneTicks } from "./check-phone-ticks.ts";
import { checkRowsNotDrawn } from "./check-rows-not-drawn.ts";
import { checkTickFormats } from "./check-tick-formats.ts";
import type { DrawnChart } from "./drawn-chart.ts";

export function checkDrawnChart(chart: DrawnChart): Diagnostic[] {
  return [
    ...checkRowsNotDrawn(chart),
    ...checkLogScales(chart),
    ...checkDateBands(chart),
    ...checkEmptyFacets(chart),
    ...checkTickFormats(chart),
    ...checkColorCategories(chart),
    ...checkPhoneTicks(chart),
  ];
}
