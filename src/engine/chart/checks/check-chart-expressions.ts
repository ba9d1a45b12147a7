import type { StoryData } from "../../data/story-data.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { didYouMean } from "../../diagnostics/did-you-mean.ts";
import type { Row } from "../../data/data-table.ts";
import { checkExpression, type CheckProblem } from "../../expressions/check-expression.ts";
import { expressionEvaluator } from "../../expressions/expression-evaluator.ts";
import type { ValueType } from "../../expressions/expression-functions.ts";
import { parseExpression } from "../../expressions/parse-expression.ts";
import { type ChartSpec, type MarkSpec, type SpecPath, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import { expressionOptionNames, markExpressions, type MarkExpression } from "../spec/mark-expressions.ts";
import type { SpecLocator, SpecTextLocator } from "../spec/parse-chart-spec.ts";

interface MarkColumns {
  name: string;
  types: ReadonlyMap<string, ValueType>;
  /** The typed rows of a data block (inline lists are typed later). */
  rows?: readonly Row[];
}

/**
 * Checks every expression of a chart (computed channels, filters, sort keys) against the columns of the
 * data its mark draws, once per expression: syntax, unknown columns and functions, kinds of values.
 * Each problem points at the offending token inside the expression. Marks whose data is missing are
 * left to checkChartData.
 */
export function checkChartExpressions(
  spec: ChartSpec,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  locateText: SpecTextLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const checkSite = (site: MarkExpression, markPath: SpecPath, columns: MarkColumns) => {
    const optionPath = site.path.slice(0, -1);
    if (site.text === undefined) {
      diagnostics.push(diagnostic("plot/invalid-value", { option: `${site.path.join(".")}`, expected: 'an expression in quotes, e.g. "Close > Open"', found: "not a text" }, locate([...markPath, ...site.path])));
      return;
    }
    for (const key of Object.keys(site.options)) {
      const allowed = expressionOptionNames[site.kind];
      if (allowed.includes(key)) continue;
      diagnostics.push(
        diagnostic(
          "plot/unknown-option",
          { option: key, scope: site.kind === "channel" ? "a computed channel" : `a computed ${site.kind}`, suggestion: didYouMean(key, ["expr", ...allowed]) },
          locate([...markPath, ...optionPath, key], "key"),
        ),
      );
    }
    const text = site.text;
    const at = (start: number, end: number) => locateText([...markPath, ...site.path], start, end);
    const parsed = parseExpression(text);
    if (!parsed.node) {
      for (const problem of parsed.problems) diagnostics.push(diagnostic(problem.code, { expression: text, detail: problem.detail }, at(problem.start, problem.end)));
      return;
    }
    const checked = checkExpression(parsed.node, text, { typeOf: (names) => (names.length === 1 ? columns.types.get(names[0]!) : undefined) });
    for (const problem of checked.problems) diagnostics.push(checkDiagnostic(problem, text, columns, at));
    if (checked.problems.length === 0 && site.kind === "filter" && checked.type !== "boolean" && checked.type !== "any") {
      diagnostics.push(
        diagnostic("expr/type", { expression: text, detail: `a filter keeps the rows where it is true, but it gives ${checked.type === "string" ? "a text" : `a ${checked.type}`}; compare it, e.g. ${text} > 0` }, at(0, text.length)),
      );
    } else if (checked.problems.length === 0 && site.kind === "filter" && columns.rows && columns.rows.length > 0) {
      // A filter that keeps nothing draws an empty chart: usually a value spelt unlike the data's.
      const evaluate = expressionEvaluator(parsed.node);
      const rows = columns.rows;
      const keeps = rows.some((row) => evaluate((names) => (names.length === 1 && Object.hasOwn(row, names[0]!) ? (row[names[0]!] ?? null) : null)) === true);
      if (!keeps) diagnostics.push(diagnostic("expr/filter-keeps-nothing", { expression: text, rows: rows.length, data: columns.name }, at(0, text.length)));
    }
  };
  spec.marks.forEach((mark, index) => {
    const markPath: SpecPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    const columns = markColumns(spec, mark, data);
    if (!columns) return;
    for (const site of markExpressions(mark, [...columns.types.keys()])) checkSite(site, markPath, columns);
  });
  // The chart's own filter (`filter:` beside marks) keeps rows of its data=.
  const chartColumns = spec.data === undefined ? undefined : data.get(spec.data)?.table;
  if (spec.filter !== undefined && spec.data === undefined) {
    diagnostics.push(diagnostic("plot/invalid-value", { option: "filter", expected: "a chart that names its data with data= (the filter keeps rows of it)", found: "a chart without data=" }, locate(["filter"], "key")));
  } else if (spec.filter !== undefined && chartColumns) {
    const columns: MarkColumns = { name: chartColumns.id, types: new Map(chartColumns.columns.map((c) => [c.name, c.type])), rows: chartColumns.rows };
    checkSite({ kind: "filter", option: "filter", path: ["filter"], text: spec.filter, options: {} }, [], columns);
  }
  return diagnostics;
}

function checkDiagnostic(problem: CheckProblem, text: string, columns: MarkColumns, at: (start: number, end: number) => ReturnType<SpecTextLocator>): Diagnostic {
  const span = at(problem.start, problem.end);
  switch (problem.code) {
    case "unknown-reference": {
      const names = [...columns.types.keys()];
      const column = problem.names.join(".");
      return diagnostic("plot/unknown-column", { column, data: columns.name, suggestion: didYouMean(column, names), columns: names }, span);
    }
    case "expr/unknown-function":
      return diagnostic("expr/unknown-function", { name: problem.name, suggestion: problem.suggestion }, span);
    case "expr/wrong-arguments":
      return diagnostic("expr/wrong-arguments", { name: problem.name, usage: problem.usage, given: problem.given }, span);
    case "expr/type":
      return diagnostic("expr/type", { expression: text, detail: problem.detail }, span);
  }
}

/** The columns (and their types) of the data a mark draws, or undefined when it has none to check against. */
function markColumns(spec: ChartSpec, mark: MarkSpec, data: ReadonlyMap<string, StoryData>): MarkColumns | undefined {
  if (Array.isArray(mark.data)) {
    const types = new Map<string, ValueType>();
    for (const row of mark.data) if (isJsonObject(row)) for (const key of Object.keys(row)) types.set(key, "any");
    return { name: "inline data", types };
  }
  const id = markDataId(spec, mark);
  const table = id === undefined ? undefined : data.get(id)?.table;
  if (!table) return undefined;
  return { name: table.id, types: new Map(table.columns.map((c) => [c.name, c.type])), rows: table.rows };
}
