import { expressionReferences } from "../../expressions/expression-references.ts";
import { parseExpression } from "../../expressions/parse-expression.ts";

/**
 * What to say when a channel names no column but reads as a formula over the row's columns
 * (`fill: "anomaly > 0 ? 'warmer' : 'cooler'"`): editors write the formula where the column goes, and
 * are told to write it as an expression, `{expr: …}`. Empty when it is not such a formula: a bare
 * name (a misspelt column, answered by did-you-mean), or text naming none of the columns.
 */
export function writtenAsExpression(option: string, value: string, columns: readonly string[]): string {
  const { node, problems } = parseExpression(value);
  if (!node || problems.length > 0 || node.kind === "reference" || node.kind === "literal") return "";
  const known = new Set(columns);
  if (!expressionReferences(node).some((reference) => reference.names.length === 1 && known.has(reference.names[0]!))) return "";
  return ` To compute it from each row, write it as an expression: ${option}: {expr: ${JSON.stringify(value)}}.`;
}
