import type { Cell, ColumnType, DataColumn, DataTable, Row } from "../../data/data-table.ts";
import { checkExpression } from "../../expressions/check-expression.ts";
import { expressionEvaluator } from "../../expressions/expression-evaluator.ts";
import { expressionReferences } from "../../expressions/expression-references.ts";
import { parseExpression } from "../../expressions/parse-expression.ts";
import { type ChartSpec, type JsonObject, type JsonValue, type MarkSpec, markDataId } from "../spec/chart-spec.ts";
import { namesColumn } from "../spec/channel-value.ts";
import { marksWithoutDataArgument } from "../spec/plot-calls.ts";
import { markExpressions, type MarkExpression } from "../spec/mark-expressions.ts";

export interface DerivedColumns {
  spec: ChartSpec;
  tables: Map<string, DataTable>;
  /** The columns each data id's expressions read (Close and Open for `Close > Open`): used, though no mark names them. */
  sources: Map<string, Set<string>>;
}

/**
 * Evaluates a chart's expressions at build time, into columns of its data: each computed channel,
 * filter and sort key becomes a column of the table its mark draws, named after the channel's label or
 * else the expression's text (`Close > Open`), and the mark names that column instead. The spec that
 * leaves here holds no expression: the page's payload, the "Get the data" CSV, tips, legends, the
 * pre-aggregation and the drawing in the browser all see plain columns of values.
 *
 * Assumes checkChartExpressions found no problem; an expression that still cannot be read is left as
 * written (Plot then reports it).
 */
export function deriveChartColumns(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): DerivedColumns {
  const derived = new Map<string, DerivedTable>();
  const rowFilters = sharedFilters(spec, tables);
  const marks = spec.marks.map((mark) => {
    const id = markDataId(spec, mark);
    const table = id === undefined ? undefined : tables.get(id);
    if (!table) return mark;
    const sites = markExpressions(mark, table.columns.map((c) => c.name));
    if (sites.length === 0) return mark;
    const target = derived.get(table.id) ?? new DerivedTable(table, rowFilters.get(table.id));
    derived.set(table.id, target);
    const options: JsonObject = structuredClone(mark.options);
    for (const site of sites) {
      if (site.kind === "filter" && rowFilters.has(table.id)) {
        // Applied to the rows themselves (below): the mark has nothing left to filter.
        delete options[site.option];
        continue;
      }
      const replacement = target.replacement(site);
      if (replacement === undefined) continue;
      if (site.channel !== undefined) (options[site.option] as JsonObject)[site.channel] = replacement;
      else options[site.option] = replacement;
    }
    return { ...mark, options } satisfies MarkSpec;
  });
  if (derived.size === 0) return { spec, tables: new Map(tables), sources: new Map() };
  const out = new Map(tables);
  const sources = new Map<string, Set<string>>();
  for (const [id, table] of derived) {
    out.set(id, table.result());
    sources.set(id, table.sources);
  }
  return { spec: { ...spec, marks }, tables: out, sources };
}

class DerivedTable {
  readonly #source: DataTable;
  readonly #columns: DataColumn[];
  readonly #values = new Map<string, Cell[]>();
  readonly sources = new Set<string>();
  /** Expression text → the column holding its values. */
  readonly #byText = new Map<string, string>();

  /** The rows kept by a filter that every mark drawing the table shares, if any. */
  readonly #keep: boolean[] | undefined;

  constructor(source: DataTable, rowFilter: string | undefined) {
    this.#source = source;
    this.#columns = [...source.columns];
    if (rowFilter !== undefined) {
      const parsed = parseExpression(rowFilter);
      if (parsed.node) {
        for (const { names } of expressionReferences(parsed.node)) if (names.length === 1) this.sources.add(names[0]!);
        const evaluate = expressionEvaluator(parsed.node);
        this.#keep = source.rows.map((row) => evaluate((names) => (names.length === 1 && Object.hasOwn(row, names[0]!) ? (row[names[0]!] ?? null) : null)) === true);
      }
    }
  }

  /** What the mark's option becomes: the name of the column holding the expression's values (with its label, order…). */
  replacement(site: MarkExpression): JsonValue | undefined {
    const text = site.text;
    if (text === undefined) return undefined;
    const label = typeof site.options["label"] === "string" ? site.options["label"] : undefined;
    // A name Plot would read as a constant (a label "red" on a colour channel) is not a column name.
    const usable = (candidate: string) => site.kind !== "channel" || site.channel !== undefined || namesColumn(site.option, candidate);
    const name = this.#column(text, site.kind === "channel" ? label : undefined, site.kind === "filter", usable);
    if (name === undefined) return undefined;
    if (site.kind === "sort") return site.options["order"] === undefined ? name : { value: name, order: site.options["order"] ?? null };
    if (site.kind === "filter" || site.channel !== undefined) return name;
    const rest: JsonObject = { ...site.options };
    delete rest["label"];
    // A column named after the label (or the expression) labels the axis, legend and tip by itself.
    const labelled = label === undefined ? name === text.trim() : name === label;
    if (Object.keys(rest).length === 0 && labelled) return name;
    return { value: name, label: label ?? text.trim(), ...rest };
  }

  #column(text: string, label: string | undefined, condition: boolean, usable: (name: string) => boolean): string | undefined {
    const key = `${condition ? "?" : "="}${text}`;
    const known = this.#byText.get(key);
    if (known !== undefined && (label === undefined || known === label) && usable(known)) return known;
    const parsed = parseExpression(text);
    if (!parsed.node) return undefined;
    const types = new Map(this.#source.columns.map((c) => [c.name, c.type]));
    const checked = checkExpression(parsed.node, text, { typeOf: (names) => (names.length === 1 ? types.get(names[0]!) : undefined) });
    if (checked.problems.length > 0) return undefined;
    for (const { names } of expressionReferences(parsed.node)) if (names.length === 1) this.sources.add(names[0]!);
    // A column named as written: nothing to compute (and nothing to add to the data).
    if (parsed.node.kind === "reference" && label === undefined && !condition) return parsed.node.names[0]!;
    const evaluate = expressionEvaluator(parsed.node);
    const rows = this.#source.rows;
    const values: Cell[] = rows.map((row) =>
      evaluate((names) => (names.length === 1 && Object.hasOwn(row, names[0]!) ? (row[names[0]!] ?? null) : null)),
    );
    // A filter keeps the rows where it is true: missing, false and anything else drop the row.
    const cells = condition ? values.map((v) => v === true) : values;
    const name = this.#freeName(label ?? text.trim(), usable);
    const node = parsed.node;
    const source = node.kind === "reference" ? this.#source.columns.find((c) => c.name === node.names[0]!) : undefined;
    const type: ColumnType = condition ? "boolean" : checked.type !== "any" ? checked.type : inferType(cells);
    const column: DataColumn = { name, type };
    if (type === "date") column.precision = source?.precision ?? "day";
    if (type === "number" && source?.percent) column.percent = true;
    this.#columns.push(column);
    this.#values.set(name, cells);
    this.#byText.set(key, name);
    return name;
  }

  /** The wanted name, or the wanted name numbered when the data has a column of that name already. */
  #freeName(wanted: string, usable: (name: string) => boolean): string {
    const taken = (name: string) => this.#columns.some((c) => c.name === name) || !usable(name);
    if (!taken(wanted)) return wanted;
    for (let n = 2; ; n++) if (!taken(`${wanted} (${n})`)) return `${wanted} (${n})`;
  }

  result(): DataTable {
    const added = [...this.#values];
    const keep = this.#keep;
    const rows: Row[] = [];
    this.#source.rows.forEach((row, i) => {
      if (keep && !keep[i]) return;
      const copy: Row = { ...row };
      // defineProperty, not assignment: a label such as "__proto__" stays a column.
      for (const [name, values] of added) Object.defineProperty(copy, name, { value: values[i] ?? null, enumerable: true, writable: true, configurable: true });
      rows.push(copy);
    });
    return { ...this.#source, columns: this.#columns, rows };
  }
}

function inferType(values: readonly Cell[]): ColumnType {
  for (const value of values) {
    if (value === null) continue;
    return value instanceof Date ? "date" : (typeof value as ColumnType);
  }
  return "number";
}

/**
 * The filter of each table that every mark drawing it writes alike (usually the one mark that draws
 * it): those rows are filtered out of the data itself, so the payload, the CSV and the scales (a band
 * scale of dates, say) hold only the rows drawn. Tables drawn by marks with different filters keep
 * their rows, and each mark filters by a column of true and false instead.
 */
function sharedFilters(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): Map<string, string> {
  const filters = new Map<string, string | null>();
  for (const mark of spec.marks) {
    const id = markDataId(spec, mark);
    // Marks that never draw the chart's rows (axes, grids, a frame) do not keep them from being filtered.
    if (id === undefined || /^(axis|grid)/.test(mark.mark) || marksWithoutDataArgument.has(mark.mark)) continue;
    const table = tables.get(id);
    if (!table) continue;
    const filter = markExpressions(mark, table.columns.map((c) => c.name)).find((site) => site.kind === "filter")?.text ?? null;
    filters.set(id, filters.has(id) && filters.get(id) !== filter ? null : filter);
  }
  return new Map([...filters].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
