import type { DataTable } from "../../data/data-table.ts";
import { additionKeys, type AdditionKey, type AdditionsOn } from "../spec/addition-switches.ts";
import { type ChartSpec, drawnAdditionKeys } from "../spec/chart-spec.ts";
import { withAccessibleColors } from "./accessible-colors.ts";
import { withBandDateDefaults } from "./band-date-scales.ts";
import { withCategorySymbols, withEndLabels } from "./color-cues.ts";
import { withCompactTicks } from "./compact-ticks.ts";
import { withLabelMargins } from "./label-margins.ts";
import { withMapLegend } from "./map-legend.ts";
import { withMapNoData } from "./map-no-data.ts";
import { withMapProjection } from "./map-projection.ts";

/**
 * Plotline's automatic additions: what it adds to an editor's chart on its own, each under a stable name
 * (spec/addition-switches.ts) that a chart (`plotline: {endLabels: false}`) and the site's house style
 * (plotline.config.mjs `additions`) switch off. docs/authoring.md, "What Plotline adds", lists the same,
 * by the same names. To add one: its name in addition-switches.ts, its entry here, its row and paragraph
 * in the docs (tests/engine/chart/additions.test.ts checks the docs name every one).
 *
 * Not here, because they add nothing to the chart itself: tips in the story's language (locale-tips.ts),
 * `format:` on text marks, the 300 px drawing for phones (a chart 375 px wide or less is drawn once), light
 * pages for big data (the same picture from fewer rows), dark mode. Plotline adds no grid lines.
 */
export interface Addition {
  /** What it does, for people reading the code (the docs say it for editors). */
  does: string;
  /**
   * Adds it to a spec where it applies, before drawing. Additions made while drawing have none: they
   * read PreparedChart.additions instead.
   */
  add?: (spec: ChartSpec, input: AdditionInput) => ChartSpec;
}

export interface AdditionInput {
  tables: ReadonlyMap<string, DataTable>;
  lang: string;
}

/** Every addition, by name; added in the order of additionKeys (end labels widen the right margin before label margins look). */
export const additions: Readonly<Record<AdditionKey, Addition>> = {
  bandDates: { does: "band scale labelled at the data's precision for bars over dates", add: (s, i) => withBandDateDefaults(s, i.tables, i.lang) },
  accessibleColors: { does: "a palette with 3:1 contrast for colours by category", add: (s, i) => withAccessibleColors(s, i.tables) },
  symbols: { does: "a shape per category for dots coloured by category", add: (s, i) => withCategorySymbols(s, i.tables) },
  endLabels: { does: "series names at the last point of lines coloured by category", add: (s, i) => withEndLabels(s, i.tables) },
  labelMargins: { does: "a left margin wide enough for long category labels", add: (s, i) => withLabelMargins(s, i.tables) },
  compactTicks: { does: "compact tick numbers (1.3B, 13亿) on axes of millions", add: (s, i) => withCompactTicks(s, i.tables) },
  mapProjection: { does: "a projection for maps without one, chosen by where the shapes are", add: (s, i) => withMapProjection(s, i.tables) },
  mapLegend: { does: "a colour legend for maps coloured by a column", add: (s, i) => withMapLegend(s, i.tables) },
  mapNoData: { does: "shapes with no value drawn grey rather than left out", add: (s, i) => withMapNoData(s, i.tables) },
  // Made while drawing, at the width drawn at (render/render-chart-element.ts): addAdditions only notes in
  // the spec that they are off, so the build's drawings and the browser's redraw leave them out alike.
  tickThinning: { does: "tick labels of band, point and time axes thinned to those that fit the width drawn" },
  labelCollisions: { does: "text labels moved apart or left out so that none sits on another or on an axis" },
};

/** Adds every addition that is on and applies to the spec. */
export function addAdditions(spec: ChartSpec, input: AdditionInput, on: AdditionsOn): ChartSpec {
  let added = spec;
  for (const key of additionKeys) {
    const { add } = additions[key];
    if (on[key] && add) added = add(added, input);
  }
  const drawnOff = drawnAdditionKeys.filter((key) => !on[key]);
  return drawnOff.length > 0 ? { ...added, drawnAdditionsOff: drawnOff } : added;
}
