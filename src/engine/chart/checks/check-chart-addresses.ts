/**
 * Addresses a chart would fetch or link to, held to the same rules as the story's prose (links/):
 *
 * - an image mark's `src` (a constant, or the values of the column it names) must be a file of the site:
 *   a picture from another site (https://…, //…) is link/external-image, since the site's
 *   Content-Security-Policy allows only its own files and readers' browsers would tell that site who
 *   reads the story; javascript:, data: and other schemes are link/unsafe-scheme;
 * - an `href` (constant or column) may not use a scheme the prose could not (javascript:, data:, …): the
 *   link would be dropped when drawn (spec-to-plot.ts), so it is reported instead;
 * - `url(…)` in any text of the spec (`fill: url(https://…)`, a style) may point at the chart's own
 *   patterns (#id) or the site's files, not at other sites.
 *
 * Values from data are reported at their cell when the data is written in the story, else at the option.
 */
import type { StoryData } from "../../data/story-data.ts";
import type { Cell, Row } from "../../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { SourceSpan } from "../../diagnostics/source-file.ts";
import { removedScheme } from "../../links/removed-addresses.ts";
import { type ChartSpec, type JsonValue, type MarkSpec, type SpecPath, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";

const OTHER_SITE = /^\s*(https?:)?\/\//i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

export function checkChartAddresses(
  spec: ChartSpec,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (attribute: "src" | "href", address: string, span: SourceSpan): Diagnostic | undefined => {
    if (attribute === "src" && OTHER_SITE.test(address)) return diagnostic("link/external-image", { href: address, where: "chart" }, span);
    const scheme = removedScheme(attribute, address.trim());
    return scheme === undefined ? undefined : diagnostic("link/unsafe-scheme", { href: address, scheme, kind: attribute === "src" ? "image" : "link" }, span);
  };

  spec.marks.forEach((mark, index) => {
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    const source = markRows(spec, mark, data);
    for (const attribute of ["src", "href"] as const) {
      const value = mark.options[attribute];
      if (typeof value !== "string" || (attribute === "src" && mark.mark !== "image")) continue;
      const optionSpan = locate([...markPath, attribute], "value");
      if (!source.columns.includes(value)) {
        // Plot reads an href string as a column always (checkChartData reports an unknown one); a src may be a constant.
        const found = attribute === "src" ? problem(attribute, value, optionSpan) : undefined;
        if (found) diagnostics.push(found);
        continue;
      }
      // One report per column is enough: the rest of its values are usually alike.
      for (const row of source.rows) {
        const cell = row[value];
        const found = typeof cell === "string" ? problem(attribute, cell, source.cellSpan(cell) ?? optionSpan) : undefined;
        if (found) {
          diagnostics.push(found);
          break;
        }
      }
    }
  });

  // url(…) in any text of the spec.
  const walk = (value: JsonValue, path: SpecPath) => {
    if (typeof value === "string") {
      for (const [, , address] of value.matchAll(CSS_URL)) {
        if (address === undefined || address.startsWith("#")) continue;
        const found = problem("src", address, locate(path, "value"));
        if (found) diagnostics.push(found);
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (isJsonObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  for (const [key, value] of Object.entries(spec.options)) walk(value, [key]);
  spec.marks.forEach((mark, index) => {
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    for (const [key, value] of Object.entries(mark.options)) walk(value, [...markPath, key]);
  });
  return diagnostics;
}

interface MarkRows {
  columns: string[];
  rows: readonly Row[];
  /** Where a cell's text is written in the story, for data blocks written in it. */
  cellSpan: (text: string) => SourceSpan | undefined;
}

function markRows(spec: ChartSpec, mark: MarkSpec, data: ReadonlyMap<string, StoryData>): MarkRows {
  if (Array.isArray(mark.data)) {
    const rows = mark.data.filter(isJsonObject) as unknown as Row[];
    return { columns: [...new Set(rows.flatMap((row) => Object.keys(row)))], rows, cellSpan: () => undefined };
  }
  const id = markDataId(spec, mark);
  const entry = id === undefined ? undefined : data.get(id);
  if (!entry || entry.table.kind !== "table") return { columns: [], rows: [], cellSpan: () => undefined };
  const { table, block } = entry;
  const cellSpan = (text: string) => {
    if (table.src !== undefined) return undefined;
    const at = block.body.text.indexOf(text);
    return at < 0 ? undefined : block.body.span(at, at + text.length);
  };
  return { columns: table.columns.map((c) => c.name), rows: table.rows as readonly Record<string, Cell>[], cellSpan };
}
