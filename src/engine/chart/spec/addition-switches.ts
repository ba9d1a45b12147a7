/**
 * The names of Plotline's automatic additions, and the switches a chart (`plotline: {endLabels: false}`)
 * and the site's house style (plotline.config.mjs `additions`) write with them. What each addition does
 * is in ../defaults/additions.ts, which has an entry for every name here, in this order.
 */
export const additionKeys = ["bandDates", "accessibleColors", "symbols", "endLabels", "labelMargins", "compactTicks", "mapProjection", "mapLegend", "mapNoData", "tickThinning", "labelCollisions"] as const;
export type AdditionKey = (typeof additionKeys)[number];

/** Which additions are on, as written: a chart's `plotline:` or the house style. Missing keys: not said. */
export type AdditionSwitches = Partial<Record<AdditionKey, boolean>>;
/** Which additions are on for one chart, every key settled. */
export type AdditionsOn = Readonly<Record<AdditionKey, boolean>>;

export const isAdditionKey = (key: string): key is AdditionKey => (additionKeys as readonly string[]).includes(key);

/** Settles which additions are on: everything, then the house style, then the chart's own switches (which win). */
export function additionsOn(houseStyle: AdditionSwitches = {}, chart: AdditionSwitches = {}): AdditionsOn {
  return Object.fromEntries(additionKeys.map((key) => [key, chart[key] ?? houseStyle[key] ?? true])) as Record<AdditionKey, boolean>;
}

/** Something wrong in a set of switches, at `path` inside it (empty: the value itself). */
export interface SwitchProblem {
  path: string[];
  kind: "not-switches" | "unknown" | "not-boolean";
  /** The key as written, for "unknown" and "not-boolean". */
  key?: string;
  found: unknown;
}

/**
 * Reads switches as a chart or the house style writes them: `false` (none of the additions), `true`
 * (all of them), or a mapping of names to true or false. What cannot be read is a problem, and left out.
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
