import type { TextDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import type { StoryData } from "../data/story-data.ts";
import type { Cell } from "../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { columnNotNumbers } from "./column-not-numbers.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { cellMatches } from "./cell-matches.ts";
import { aggregateNumbers, aggregates, type Aggregate } from "./aggregate-numbers.ts";
import { isValueExpression, resolveValueExpression } from "./resolve-value-expression.ts";
import type { ResolvedValue } from "./resolved-value.ts";

const reserved = new Set(["format", "aggregate"]);


/**
 * Resolves `:value[block.name]{…}` against the story's data. Returns the value, or the diagnostic that
 * explains why there is none, at the reference's position.
 */
export function resolveValue(node: TextDirective, data: ReadonlyMap<string, StoryData>, file: SourceFile): { resolved?: ResolvedValue; diagnostics: Diagnostic[] } {
  const start = node.position?.start.offset ?? 0;
  const span = file.span(start, node.position?.end.offset ?? start);
  const fail = (d: Diagnostic) => ({ diagnostics: [d] });
  const label = toString(node).trim();
  if (label === "") return fail(diagnostic("value/syntax", { detail: "the brackets are empty" }, span));
  if (isValueExpression(label) && !namesOneValue(label, data)) {
    // The label as written (Markdown would read `a * b * c` as emphasis), and where it starts in the file.
    const children = node.children;
    const from = children[0]?.position?.start.offset;
    const to = children[children.length - 1]?.position?.end.offset;
    const text = from !== undefined && to !== undefined ? file.text.slice(from, to) : label;
    const offset = from ?? start;
    const attributeList = Object.entries(node.attributes ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    const aggregateName = attributeList.find(([key]) => key === "aggregate")?.[1];
    if (aggregateName !== undefined && !(aggregates as readonly string[]).includes(aggregateName)) {
      const suggestion = /^(avg|average)$/i.test(aggregateName) ? ' Did you mean "mean"?' : didYouMean(aggregateName, aggregates);
      return fail(diagnostic("value/unknown-aggregate", { aggregate: aggregateName, suggestion }, span));
    }
    return resolveValueExpression(text, attributeList, aggregateName as Aggregate | undefined, data, span, (a, b) => file.span(offset + a, offset + Math.max(a, b)));
  }
  const dot = label.indexOf(".");
  const id = dot === -1 ? label : label.slice(0, dot);
  const name = dot === -1 ? undefined : label.slice(dot + 1);
  const known = [...data.keys()];
  const table = data.get(id)?.table;
  if (!table) return fail(diagnostic("value/unknown-data", { id, suggestion: didYouMean(id, known), known }, span));

  const attributes = Object.entries(node.attributes ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const aggregateText = attributes.find(([key]) => key === "aggregate")?.[1];
  if (aggregateText !== undefined && !(aggregates as readonly string[]).includes(aggregateText)) {
    const suggestion = /^(avg|average)$/i.test(aggregateText) ? ' Did you mean "mean"?' : didYouMean(aggregateText, aggregates);
    return fail(diagnostic("value/unknown-aggregate", { aggregate: aggregateText, suggestion }, span));
  }
  const aggregate = aggregateText as Aggregate | undefined;

  if (table.kind === "values" && table.values) {
    const names = Object.keys(table.values);
    if (name === undefined) return fail(diagnostic("value/syntax", { detail: `"${id}" holds named values; add the name after a dot, e.g. ${id}.${names[0] ?? "name"}` }, span));
    if (!(name in table.values)) return fail(diagnostic("value/unknown-name", { name, data: id, suggestion: didYouMean(name, names), names }, span));
    const value = table.values[name];
    if (value === null || value === undefined) return fail(diagnostic("value/missing-value", { data: id, column: name }, span));
    const typed = table.valueColumns?.[name];
    const resolved: ResolvedValue = { value, table, column: name, description: name };
    if (value instanceof Date) resolved.precision = typed?.precision ?? "day";
    if (typed?.percent) resolved.percent = true;
    return { resolved, diagnostics: [] };
  }

  const columnNames = table.columns.map((c) => c.name);
  const column = name === undefined ? undefined : table.columns.find((c) => c.name === name);
  if (name !== undefined && !column) return fail(diagnostic("value/unknown-column", { column: name, data: id, suggestion: didYouMean(name, columnNames), columns: columnNames }, span));
  if (!column && aggregate !== "count") return fail(diagnostic("value/needs-column", { data: id, columns: columnNames }, span));

  let rows = table.rows;
  const conditions: string[] = [];
  for (const [key, text] of attributes) {
    if (reserved.has(key)) continue;
    const filterColumn = table.columns.find((c) => c.name === key);
    if (!filterColumn) return fail(diagnostic("value/unknown-column", { column: key, data: id, suggestion: didYouMean(key, columnNames), columns: columnNames }, span));
    const before = rows;
    rows = rows.filter((row) => cellMatches(row[key] ?? null, text, filterColumn));
    conditions.push(`${key} = ${text}`);
    if (rows.length === 0) {
      const examples = [...new Set(before.map((row) => row[key]).filter((v) => v !== null && v !== undefined).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))))].slice(0, 6);
      return fail(diagnostic("value/no-row", { data: id, condition: conditions.join(" and "), examples }, span));
    }
  }
  const condition = conditions.join(", ");

  if (aggregate) {
    const values = column ? rows.map((row) => row[column.name] ?? null).filter((v): v is Exclude<Cell, null> => v !== null) : [];
    const what = column ? `${aggregate} of ${column.name}` : "number of rows";
    const description = condition ? `${what}, ${condition}` : what;
    if (aggregate === "count") return { resolved: { value: column ? values.length : rows.length, table, description }, diagnostics: [] };
    const numbers = values.filter((v): v is number => typeof v === "number");
    const dates = values.filter((v): v is Date => v instanceof Date);
    if ((aggregate === "min" || aggregate === "max") && dates.length === values.length && dates.length > 0) {
      const times = dates.map((d) => d.getTime());
      return { resolved: { value: new Date(aggregate === "min" ? Math.min(...times) : Math.max(...times)), table, description, precision: column?.precision ?? "day" }, diagnostics: [] };
    }
    if (values.length > 0 && numbers.length !== values.length && column) return fail(columnNotNumbers(table, column.name, `aggregate=${aggregate} cannot work it out`, span));
    if (numbers.length !== values.length || numbers.length === 0) {
      return fail(diagnostic("value/not-a-number", { format: `aggregate=${aggregate}`, found: values.length === 0 ? "empty in every row" : "not all numbers" }, span));
    }
    const value = aggregateNumbers(aggregate, numbers);
    return { resolved: { value, table, description, ...(column?.percent ? { percent: true } : {}) }, diagnostics: [] };
  }

  if (rows.length !== 1) return fail(diagnostic("value/many-rows", { data: id, count: rows.length, condition: condition ? `where ${condition}` : "" }, span));
  const cell = rows[0]![column!.name] ?? null;
  if (cell === null) return fail(diagnostic("value/missing-value", { data: id, column: column!.name }, span));
  return {
    resolved: {
      value: cell,
      table,
      column: column!.name,
      description: condition ? `${column!.name}, ${condition}` : column!.name,
      ...(column!.precision ? { precision: column!.precision } : {}),
      ...(column!.percent ? { percent: true } : {}),
    },
    diagnostics: [],
  };
}

/** True when `block.name` names a value or column exactly (a column may be called "share (%)"). */
function namesOneValue(label: string, data: ReadonlyMap<string, StoryData>): boolean {
  const dot = label.indexOf(".");
  if (dot < 0) return data.has(label);
  const table = data.get(label.slice(0, dot))?.table;
  const name = label.slice(dot + 1);
  if (!table) return false;
  return table.kind === "values" && table.values ? Object.hasOwn(table.values, name) : table.columns.some((c) => c.name === name);
}
