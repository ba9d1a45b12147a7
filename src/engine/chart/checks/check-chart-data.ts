import type { StoryData } from "../../data/story-data.ts";
import type { DataTable } from "../../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { didYouMean } from "../../diagnostics/did-you-mean.ts";
import { writtenAsExpression } from "./written-as-expression.ts";
import type { StoryBlock } from "../../story/story-block.ts";
import { isChannelOption, namesColumn } from "../spec/channel-value.ts";
import { type ChartSpec, type JsonValue, type MarkSpec, type SpecPath, isJsonObject } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";
import { isReducerName, outputOptionKeys, transforms } from "../spec/plot-vocabulary.ts";

/** Marks that draw without data of their own (axes, grids, frames, …). */
const marksWithoutData = /^(axis|grid)|^(frame|sphere|graticule|hexgrid)$/;

interface MarkData {
  /** Name shown in messages: a block id, or "inline data". */
  name: string;
  columns: string[];
}

/**
 * Checks that every data block a chart names exists, and that every column and reducer its marks name
 * exists, pointing at the exact text of each misspelling.
 */
export function checkChartData(
  spec: ChartSpec,
  block: StoryBlock,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = [...data.keys()];
  const unknownData = (id: string, span: ReturnType<SpecLocator>) =>
    diagnostic("plot/unknown-data", { id, suggestion: didYouMean(id, known), known }, span);

  let chartData: DataTable | undefined;
  if (spec.data !== undefined) {
    chartData = data.get(spec.data)?.table;
    if (!chartData) diagnostics.push(unknownData(spec.data, block.attributeSpan("data", "value")));
  }

  // A top-level facet names its data like a mark does: the block must exist, and x and y its columns.
  const facet = spec.options["facet"];
  if (isJsonObject(facet) && facet["data"] !== undefined) {
    const id = facet["data"];
    if (typeof id !== "string") {
      diagnostics.push(
        diagnostic("plot/invalid-value", { option: "facet data", expected: "a data block id", found: describeValue(id) }, locate(["facet", "data"])),
      );
    } else {
      const table = data.get(id)?.table;
      if (!table) diagnostics.push(unknownData(id, locate(["facet", "data"])));
      else {
        const columns = table.columns.map((c) => c.name);
        for (const channel of ["x", "y"]) {
          const column = facet[channel];
          if (typeof column !== "string" || columns.includes(column)) continue;
          diagnostics.push(
            diagnostic("plot/unknown-column", { column, data: table.id, suggestion: didYouMean(column, columns), columns }, locate(["facet", channel])),
          );
        }
      }
    }
  }

  spec.marks.forEach((mark, index) => {
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    let markData: MarkData | undefined;
    if (typeof mark.data === "string") {
      const table = data.get(mark.data)?.table;
      if (!table) {
        diagnostics.push(unknownData(mark.data, locate([...markPath, "data"])));
        return;
      }
      markData = { name: table.id, columns: table.columns.map((c) => c.name) };
    } else if (Array.isArray(mark.data)) {
      const keys = new Set<string>();
      for (const row of mark.data) if (isJsonObject(row)) for (const key of Object.keys(row)) keys.add(key);
      markData = { name: "inline data", columns: [...keys] };
    } else if (chartData) {
      markData = { name: chartData.id, columns: chartData.columns.map((c) => c.name) };
    } else if (spec.data === undefined && !marksWithoutData.test(mark.mark)) {
      diagnostics.push(diagnostic("plot/missing-data", {}, block.fenceSpan));
      return;
    }
    if (markData) checkColumns(mark, markPath, markData, locate, diagnostics);
    checkReducers(mark, markPath, locate, diagnostics);
  });
  return dedupeMissingData(diagnostics);
}

function checkColumns(mark: MarkSpec, markPath: SpecPath, data: MarkData, locate: SpecLocator, diagnostics: Diagnostic[]): void {
  const check = (column: string, path: SpecPath, channel?: string) => {
    if (data.columns.includes(column)) return;
    const suggestion = (channel && writtenAsExpression(channel, column, data.columns)) || didYouMean(column, data.columns);
    diagnostics.push(diagnostic("plot/unknown-column", { column, data: data.name, suggestion, columns: data.columns }, locate(path)));
  };
  for (const [option, value] of Object.entries(mark.options)) {
    // A filter is an expression (a column name is one): check-chart-expressions.ts reads it.
    if (typeof value === "string" && isChannelOption(option) && namesColumn(option, value) && option !== "filter") check(value, [...markPath, option], option);
    if (option === "sort" && typeof value === "string") check(value.replace(/^-/, ""), [...markPath, option]);
    if (option === "channels" && isJsonObject(value)) {
      for (const [name, channel] of Object.entries(value)) {
        if (typeof channel === "string") check(channel, [...markPath, option, name]);
        else if (isJsonObject(channel) && typeof channel["value"] === "string") check(channel["value"], [...markPath, option, name, "value"]);
      }
    }
  }
}

function checkReducers(mark: MarkSpec, markPath: SpecPath, locate: SpecLocator, diagnostics: Diagnostic[]): void {
  for (const { name, value } of mark.transforms) {
    if (transforms[name]?.style !== "outputs" || !isJsonObject(value)) continue;
    for (const [channel, output] of Object.entries(value)) {
      if (outputOptionKeys.has(channel)) continue;
      const reducer = typeof output === "string" ? output : isJsonObject(output) && typeof output["reduce"] === "string" ? output["reduce"] : undefined;
      if (reducer === undefined || isReducerName(reducer.toLowerCase(), name)) continue;
      const path: SpecPath = typeof output === "string" ? [...markPath, name, channel] : [...markPath, name, channel, "reduce"];
      diagnostics.push(
        diagnostic(
          "plot/unknown-reducer",
          {
            reducer,
            transform: name,
            suggestion: /^(avg|average)$/i.test(reducer)
              ? ' Did you mean "mean"?'
              : didYouMean(reducer, ["count", "sum", "mean", "median", "min", "max", "mode", "first", "last", "distinct", "proportion", "deviation", "variance"]),
          },
          locate(path),
        ),
      );
    }
  }
}

const describeValue = (value: JsonValue): string =>
  value === null ? "empty" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a set of options" : `the ${typeof value} ${String(value)}`;

/** One "chart has no data" is enough, however many marks lack it. */
function dedupeMissingData(diagnostics: Diagnostic[]): Diagnostic[] {
  let seen = false;
  return diagnostics.filter((d) => {
    if (d.code !== "plot/missing-data") return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}
