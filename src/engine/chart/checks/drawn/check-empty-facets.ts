/**
 * A facet scale's `domain` or `interval` makes facets of its own: one per value listed, or one per step
 * between the lowest and highest value. Those with no data are drawn as empty panels, which read as
 * "nothing happened there". Reported at the option, naming the empty facets.
 */
import type { Cell } from "../../../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../../../diagnostics/diagnostic.ts";
import { localeFormatter } from "../../defaults/locale-tips.ts";
import { isJsonObject } from "../../spec/chart-spec.ts";
import { type DrawnChart, drawnRows, placedColumn, scaleOptions } from "./drawn-chart.ts";
import { scaleSteps } from "./scale-steps.ts";

export function checkEmptyFacets(chart: DrawnChart): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const scale of ["fx", "fy"] as const) {
    const options = scaleOptions(chart.spec, scale);
    const values = facetValues(chart, scale);
    if (!values || values.length === 0) continue;
    const write = localeFormatter(chart.lang);
    const key = (v: Cell | number | Date) => (v instanceof Date ? `d${v.getTime()}` : typeof v === "number" ? `n${v}` : `s${String(v)}`);
    const present = new Set(values.map(key));
    const domain = options["domain"];
    if (Array.isArray(domain) && options["interval"] === undefined) {
      // Dates in a domain are written as text the data typed otherwise: compared only for numbers and texts.
      if (values.some((v) => v instanceof Date)) continue;
      const numeric = values.every((v) => typeof v === "number");
      const empty = domain.filter((v) => (typeof v === "string" || typeof v === "number") && !present.has(key(numeric ? Number(v) : String(v))));
      if (empty.length > 0) {
        diagnostics.push(diagnostic("plot/empty-facets", { scale, option: "domain", empty: empty.map(String), total: domain.length }, chart.locate([scale, "domain"])));
      }
    } else if (options["interval"] !== undefined) {
      const read = scaleSteps(options["interval"], values);
      if (!read) continue;
      const floored = new Set(values.map((v) => key(v instanceof Date || typeof v === "number" ? read.floor(v) : v)));
      const empty = read.steps.filter((step) => !floored.has(key(step)));
      const steps = read.steps;
      if (empty.length > 0) {
        diagnostics.push(
          diagnostic("plot/empty-facets", { scale, option: "interval", empty: empty.map((s) => write(s) ?? String(s)), total: steps.length }, chart.locate([scale, "interval"])),
        );
      }
    }
  }
  return diagnostics;
}

/** The values the marks (or the chart's facet option) put on a facet scale, or undefined when one of them is computed. */
function facetValues(chart: DrawnChart, scale: "fx" | "fy"): Cell[] | undefined {
  const values: Cell[] = [];
  const facet = chart.spec.options["facet"];
  if (isJsonObject(facet) && typeof facet["data"] === "string") {
    const table = chart.tables.get(facet["data"]);
    const column = facet[scale === "fx" ? "x" : "y"];
    if (table && typeof column === "string") for (const row of table.rows) values.push(row[column] ?? null);
  }
  for (const mark of chart.spec.marks) {
    if (mark.options[scale] === undefined) continue;
    const placed = placedColumn(chart, mark, scale);
    if (!placed) return undefined;
    for (const row of drawnRows(mark, placed.table)) values.push(row[placed.column.name] ?? null);
  }
  return values.filter((v) => v !== null);
}
