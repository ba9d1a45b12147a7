import type { DataTable } from "../../data/data-table.ts";
import type { ChartSpec } from "../spec/chart-spec.ts";
import { withAccessibleColors } from "./accessible-colors.ts";
import { withBandDateDefaults } from "./band-date-scales.ts";
import { withCategorySymbols, withEndLabels } from "./color-cues.ts";
import { withCompactTicks } from "./compact-ticks.ts";
import { withLabelMargins } from "./label-margins.ts";

/**
 * Plotline's automatic additions: what it adds to an editor's chart on its own, each under a stable key
 * that a chart (`plotline: {endLabels: false}`) and the site's house style (plotline.config.mjs
 * `additions`) switch off. docs/authoring.md, "What Plotline adds", lists the same, by the same keys.
 * To add one: a key here, an entry below, and a paragraph in the docs.
 */
export const additionKeys = ["bandDates", "accessibleColors", "symbols", "endLabels", "labelMargins", "compactTicks"] as const;
export type AdditionKey = (typeof additionKeys)[number];

/** Which additions are on, as written: a chart's `plotline:` or the house style. Missing keys: not said. */
export type AdditionSwitches = Partial<Record<AdditionKey, boolean>>;
/** Which additions are on for one chart, every key settled. */
export type AdditionsOn = Readonly<Record<AdditionKey, boolean>>;

export interface AdditionInput {
  tables: ReadonlyMap<string, DataTable>;
  lang: string;
}

export interface Addition {
  key: AdditionKey;
  /** What it does, for people reading the code (the docs say it for editors). */
  does: string;
  /** Adds it to a spec where it applies (additions made while drawing consult AdditionsOn instead). */
  add?: (spec: ChartSpec, input: AdditionInput) => ChartSpec;
}

/** In the order they are added: each sees the additions before it (end labels widen the right margin). */
export const additions: readonly Addition[] = [
  { key: "bandDates", does: "band scale labelled at the data's precision for bars over dates", add: (s, i) => withBandDateDefaults(s, i.tables, i.lang) },
  { key: "accessibleColors", does: "a palette with 3:1 contrast for colours by category", add: (s, i) => withAccessibleColors(s, i.tables) },
  { key: "symbols", does: "a shape per category for dots coloured by category", add: (s, i) => withCategorySymbols(s, i.tables) },
  { key: "endLabels", does: "series names at the last point of lines coloured by category", add: (s, i) => withEndLabels(s, i.tables) },
  { key: "labelMargins", does: "a left margin wide enough for long category labels", add: (s, i) => withLabelMargins(s, i.tables) },
  { key: "compactTicks", does: "compact tick numbers (1.3B, 13亿) on axes of millions", add: (s, i) => withCompactTicks(s, i.tables) },
];

/** Settles which additions are on: everything, then the house style, then the chart's own switches (which win). */
export function additionsOn(houseStyle: AdditionSwitches = {}, chart: AdditionSwitches = {}): AdditionsOn {
  return Object.fromEntries(additionKeys.map((key) => [key, chart[key] ?? houseStyle[key] ?? true])) as Record<AdditionKey, boolean>;
}

/** Adds every addition that is on and applies to the spec. */
export function addAdditions(spec: ChartSpec, input: AdditionInput, on: AdditionsOn): ChartSpec {
  let added = spec;
  for (const addition of additions) if (on[addition.key] && addition.add) added = addition.add(added, input);
  return added;
}

/** Something wrong in a set of switches, at `path` inside it (empty: the value itself). */
export interface SwitchProblem {
  path: string[];
  kind: "not-switches" | "unknown" | "not-boolean";
  /** The key as written, for "unknown" and "not-boolean". */
  key?: string;
  found: unknown;
}

export const isAdditionKey = (key: string): key is AdditionKey => (additionKeys as readonly string[]).includes(key);

/**
 * Reads switches as a chart or the house style writes them: `false` (none of the additions), `true`
 * (all of them), or a mapping of keys to true or false. What cannot be read is a problem, and left out.
 */
export function readAdditionSwitches(value: unknown): { switches: AdditionSwitches; problems: SwitchProblem[] } {
  if (typeof value === "boolean") return { switches: Object.fromEntries(additionKeys.map((key) => [key, value])), problems: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { switches: {}, problems: [{ path: [], kind: "not-switches", found: value }] };
  const switches: AdditionSwitches = {};
  const problems: SwitchProblem[] = [];
  for (const [key, on] of Object.entries(value)) {
    if (!isAdditionKey(key)) problems.push({ path: [key], kind: "unknown", key, found: on });
    else if (typeof on !== "boolean") problems.push({ path: [key], kind: "not-boolean", key, found: on });
    else switches[key] = on;
  }
  return { switches, problems };
}
