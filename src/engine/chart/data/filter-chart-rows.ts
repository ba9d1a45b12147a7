import type { DataTable } from "../../data/data-table.ts";
import { expressionEvaluator } from "../../expressions/expression-evaluator.ts";
import { expressionReferences } from "../../expressions/expression-references.ts";
import { parseExpression } from "../../expressions/parse-expression.ts";
import type { ChartSpec } from "../spec/chart-spec.ts";

/**
 * Applies a chart's top-level `filter:` (`filter: city == "Shanghai"`): the table of its data= keeps the
 * rows where the expression is true, in `tables` itself, so everything made from the chart afterwards
 * (drawing, payload, data table, CSV) holds only those. The spec that leaves has no filter left to apply.
 * `sources` are the columns the filter reads. Assumes checkChartExpressions found no problem.
 */
export function filterChartRows(spec: ChartSpec, tables: Map<string, DataTable>): { spec: ChartSpec; sources: Set<string> } {
  const sources = new Set<string>();
  if (spec.filter === undefined) return { spec, sources };
  const { filter, ...rest } = spec;
  const table = spec.data === undefined ? undefined : tables.get(spec.data);
  const parsed = parseExpression(filter);
  if (!table || !parsed.node) return { spec: rest, sources };
  for (const { names } of expressionReferences(parsed.node)) if (names.length === 1) sources.add(names[0]!);
  const evaluate = expressionEvaluator(parsed.node);
  const rows = table.rows.filter((row) => evaluate((names) => (names.length === 1 && Object.hasOwn(row, names[0]!) ? (row[names[0]!] ?? null) : null)) === true);
  tables.set(table.id, { ...table, rows });
  return { spec: rest, sources };
}
