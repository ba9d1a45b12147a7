import type { StoryData } from "../data/story-data.ts";
import type { Cell, DataTable, DatePrecision, Row } from "../data/data-table.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import { checkExpression } from "../expressions/check-expression.ts";
import type { ValueType } from "../expressions/expression-functions.ts";
import { expressionEvaluator } from "../expressions/expression-evaluator.ts";
import { expressionReferences } from "../expressions/expression-references.ts";
import { parseExpression } from "../expressions/parse-expression.ts";
import { cellMatches } from "./cell-matches.ts";
import { aggregateNumbers, type Aggregate } from "./aggregate-numbers.ts";
import type { ResolvedValue } from "./resolved-value.ts";

/** True when the text in `:value[…]` is an expression rather than one `block.name` (it has an operator or a call). */
export const isValueExpression = (label: string): boolean => /[-+*/%()<>=!?&|`']/.test(label.replace(/^[^.]*\./, "x."));

/**
 * Resolves `:value[expression]{…}`: arithmetic over the story's values, such as
 * `:value[(facts.after - facts.before) / facts.before]{format=".1%"}`. Each reference is `block.name`:
 * a named value, or a column of a table. Table columns are read in the row that the attributes select
 * (`{Date=2014-07-01}`), which must be exactly one, or, with `aggregate=`, the expression is computed for
 * every selected row and then summarised.
 *
 * Two rows of one table (a change from one date to another) are read through row names: with
 * `data=aapl`, a reference `a.Close` whose `a` is not a data block reads the row of aapl that the
 * attributes `a.…=` select: `:value[(b.Close - a.Close) / a.Close]{data=aapl a.Date=2013-05-13 b.Date=2014-07-01}`.
 * `at(start, end)` places a problem inside the expression.
 */
export function resolveValueExpression(
  text: string,
  attributes: readonly [string, string][],
  aggregate: Aggregate | undefined,
  data: ReadonlyMap<string, StoryData>,
  span: SourceSpan,
  at: (start: number, end: number) => SourceSpan,
): { resolved?: ResolvedValue; diagnostics: Diagnostic[] } {
  const fail = (d: Diagnostic) => ({ diagnostics: [d] });
  const parsed = parseExpression(text, { blockReferences: true });
  if (!parsed.node) {
    const problem = parsed.problems[0]!;
    return fail(diagnostic(problem.code, { expression: text, detail: problem.detail }, at(problem.start, problem.end)));
  }
  const known = [...data.keys()];
  const references = expressionReferences(parsed.node);
  if (references.length === 0) return fail(diagnostic("value/syntax", { detail: `"${text}" reads no value of the story's data; name one, like ${known[0] ?? "facts"}.growth` }, span));
  // The table whose rows are named (data=aapl), if any.
  const rowsOf = attributes.find(([key]) => key === "data")?.[1];
  const namedTable = rowsOf === undefined ? undefined : data.get(rowsOf)?.table;
  if (rowsOf !== undefined && (!namedTable || namedTable.kind !== "table")) {
    return fail(diagnostic("value/unknown-data", { id: rowsOf, suggestion: didYouMean(rowsOf, known), known }, span));
  }

  // References first, each at its own position: the data block (or row name), then its name or column.
  const tables = new Map<string, DataTable>();
  const aliases = new Set<string>();
  for (const ref of references) {
    if (ref.names.length !== 2) {
      const name = ref.names[0]!;
      const suggestion = known.length ? ` Write a data block and one of its names, like ${known[0]}.${name}.` : "";
      return fail(diagnostic("value/unknown-data", { id: name, suggestion: didYouMean(name, known) || suggestion, known }, at(ref.start, ref.end)));
    }
    const [id, name] = ref.names as [string, string];
    const alias = !data.has(id) && namedTable !== undefined;
    const table = alias ? namedTable : data.get(id)?.table;
    if (!table) {
      const suggestion = didYouMean(id, known) || ` To name rows of a table, add data= and the rows' keys: {data=${known[0] ?? "prices"} ${id}.Date=…}.`;
      return fail(diagnostic("value/unknown-data", { id, suggestion, known }, at(ref.start, ref.start + id.length)));
    }
    if (alias) aliases.add(id);
    else tables.set(id, table);
    const nameAt = at(ref.end - name.length, ref.end);
    if (table.kind === "values" && table.values) {
      const names = Object.keys(table.values);
      if (!Object.hasOwn(table.values, name)) return fail(diagnostic("value/unknown-name", { name, data: id, suggestion: didYouMean(name, names), names }, nameAt));
    } else {
      const columns = table.columns.map((c) => c.name);
      if (!columns.includes(name)) return fail(diagnostic("value/unknown-column", { column: name, data: table.id, suggestion: didYouMean(name, columns), columns }, nameAt));
    }
  }
  const tableOf = (id: string): DataTable | undefined => (aliases.has(id) ? namedTable : tables.get(id));
  const typeOf = (names: readonly string[]): ValueType | undefined => {
    const table = tableOf(names[0]!);
    if (!table) return undefined;
    if (table.kind === "values" && table.values) {
      const value = table.values[names[1]!];
      return value instanceof Date ? "date" : value === null || value === undefined ? "any" : (typeof value as ValueType);
    }
    return table.columns.find((c) => c.name === names[1])?.type;
  };
  const checked = checkExpression(parsed.node, text, { typeOf });
  const problem = checked.problems[0];
  if (problem) {
    const where = at(problem.start, problem.end);
    if (problem.code === "expr/unknown-function") return fail(diagnostic("expr/unknown-function", { name: problem.name, suggestion: problem.suggestion }, where));
    if (problem.code === "expr/wrong-arguments") return fail(diagnostic("expr/wrong-arguments", { name: problem.name, usage: problem.usage, given: problem.given }, where));
    if (problem.code === "expr/type") return fail(diagnostic("expr/type", { expression: text, detail: problem.detail }, where));
    return fail(diagnostic("value/syntax", { detail: `"${problem.names.join(".")}" is not a value of the story` }, where));
  }

  // Each row name's one row, selected by its own attributes (a.Date=2013-05-13).
  const conditions: string[] = [];
  const aliasRows = new Map<string, Row>();
  for (const alias of aliases) {
    const table = namedTable!;
    let rows: readonly Row[] = table.rows;
    const own: string[] = [];
    for (const [key, value] of attributes) {
      if (!key.startsWith(`${alias}.`)) continue;
      const columnName = key.slice(alias.length + 1);
      const column = table.columns.find((c) => c.name === columnName);
      const columns = table.columns.map((c) => c.name);
      if (!column) return fail(diagnostic("value/unknown-column", { column: columnName, data: table.id, suggestion: didYouMean(columnName, columns), columns }, span));
      const before = rows;
      rows = rows.filter((row) => cellMatches(row[columnName] ?? null, value, column));
      own.push(`${columnName} = ${value}`);
      if (rows.length === 0) return fail(noRow(table, `${own.join(" and ")} (row ${alias})`, before, columnName, span));
    }
    if (rows.length !== 1) return fail(diagnostic("value/many-rows", { data: table.id, count: rows.length, condition: own.length ? `where ${own.join(" and ")} (row ${alias})` : `(row ${alias}: add ${alias}.column=value to pick it)` }, span));
    aliasRows.set(alias, rows[0]!);
    conditions.push(`${alias}: ${own.join(", ")}`);
  }

  // The rows of the one table the expression reads by its own name (named values need none).
  const rowTables = [...tables.values()].filter((t) => !(t.kind === "values" && t.values));
  if (rowTables.length > 1) {
    return fail(diagnostic("value/syntax", { detail: `an expression can read the rows of one table by its name, but this one reads ${rowTables.map((t) => `"${t.id}"`).join(" and ")}; name rows instead, with data=` }, span));
  }
  const rowTable = rowTables[0];
  let rows: readonly Row[] = rowTable ? rowTable.rows : [{}];
  for (const [key, value] of attributes) {
    if (key === "format" || key === "aggregate" || key === "data" || aliases.has(key.split(".")[0]!)) continue;
    const column = rowTable?.columns.find((c) => c.name === key);
    if (!rowTable || !column) {
      const columns = rowTable?.columns.map((c) => c.name) ?? [];
      return fail(diagnostic("value/unknown-column", { column: key, data: rowTable?.id ?? [...tables.keys()][0] ?? rowsOf ?? "", suggestion: didYouMean(key, columns), columns }, span));
    }
    const before = rows;
    rows = rows.filter((row) => cellMatches(row[key] ?? null, value, column));
    conditions.push(`${key} = ${value}`);
    if (rows.length === 0) return fail(noRow(rowTable, conditions.join(" and "), before, key, span));
  }
  const condition = conditions.join(", ");
  const description = condition ? `${text}, ${condition}` : text;
  const evaluate = expressionEvaluator(parsed.node);
  const valueOf = (row: Row): Cell =>
    evaluate(([id, name]) => {
      const aliasRow = aliasRows.get(id!);
      if (aliasRow) return Object.hasOwn(aliasRow, name!) ? (aliasRow[name!] ?? null) : null;
      const table = tables.get(id!);
      if (!table) return null;
      if (table.kind === "values" && table.values) return Object.hasOwn(table.values, name!) ? (table.values[name!] ?? null) : null;
      return Object.hasOwn(row, name!) ? (row[name!] ?? null) : null;
    });
  const home = rowTable ?? namedTable ?? tables.get(references[0]!.names[0]!)!;
  const read = references.filter((r) => aliases.has(r.names[0]!) || tables.get(r.names[0]!)?.kind === "table").map((r) => r.names[1]!);
  const picked = attributes.filter(([key]) => !["format", "aggregate", "data"].includes(key)).map(([key]) => (aliases.has(key.split(".")[0]!) ? key.slice(key.indexOf(".") + 1) : key));
  const base = { table: home, tables: [...tables.values(), ...(namedTable ? [namedTable] : [])], columns: [...read, ...picked] };

  if (aggregate) {
    const values = rows.map(valueOf).filter((v): v is Exclude<Cell, null> => v !== null);
    const what = `${aggregate} of ${description}`;
    if (aggregate === "count") return { resolved: { ...base, value: values.length, description: what }, diagnostics: [] };
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (numbers.length !== values.length || numbers.length === 0) {
      return fail(diagnostic("value/not-a-number", { format: `aggregate=${aggregate}`, found: values.length === 0 ? "missing in every row" : "not all numbers" }, span));
    }
    const value = aggregateNumbers(aggregate, numbers);
    return { resolved: { ...base, value, description: what }, diagnostics: [] };
  }
  if (rows.length !== 1) return fail(diagnostic("value/many-rows", { data: rowTable!.id, count: rows.length, condition: condition ? `where ${condition}` : "" }, span));
  const value = valueOf(rows[0]!);
  if (value === null) {
    // An empty cell it reads is named (as for a plain reference); else the arithmetic itself gave nothing.
    for (const ref of references) {
      const [id, name] = ref.names as [string, string];
      const table = tableOf(id)!;
      const cell = aliasRows.has(id) ? aliasRows.get(id)![name] : table.kind === "values" && table.values ? table.values[name] : rows[0]![name];
      if (cell === null || cell === undefined) return fail(diagnostic("value/missing-value", { data: table.id, column: name }, at(ref.start, ref.end)));
    }
    return fail(diagnostic("value/no-result", { expression: text }, span));
  }
  const precision: DatePrecision | undefined = value instanceof Date ? "day" : undefined;
  return { resolved: { ...base, value, description, ...(precision ? { precision } : {}) }, diagnostics: [] };
}

function noRow(table: DataTable, condition: string, before: readonly Row[], column: string, span: SourceSpan): Diagnostic {
  const examples = [...new Set(before.map((row) => row[column]).filter((v) => v !== null && v !== undefined).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))))].slice(0, 6);
  return diagnostic("value/no-row", { data: table.id, condition, examples }, span);
}
