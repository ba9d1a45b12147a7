import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import { betterKeyColumn } from "./better-key-column.ts";
import { keyText, matchKeys } from "./match-keys.ts";
import { suggestKey } from "./suggest-key.ts";
import { precisionRank } from "../iso-date.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { Cell, DataColumn, DataTable, Row } from "./data-table.ts";

/** A data block's table, with where its rows are when it was read from text. */
export interface JoinSource {
  table: DataTable;
  block: StoryBlock;
  rowSpan?: ((row: number) => SourceSpan) | undefined;
}

export interface JoinResult {
  /** The shapes with the table's columns added; the shapes unchanged when the join could not be made. */
  table: DataTable;
  diagnostics: Diagnostic[];
  /** The join went wrong (an error was reported): charts over these shapes would only repeat it. */
  failed: boolean;
}

/** Unmatched rows listed by name in a warning; the rest are counted. */
const MAX_LISTED_ROWS = 8;
/** Shapes without a row are listed beside unmatched rows only when there are this few (see docs/authoring.md). */
const MAX_LISTED_SHAPES = 12;
/** Duplicate keys reported one by one, up to this many. */
const MAX_DUPLICATES = 5;

/**
 * Joins a table of the story to a block of shapes, by the block's `join=<data id>` and
 * `on="<shapes column> = <table column>"`: one row per shape, each keeping its shape, with the table's
 * columns (all but its key) added; shapes no row matched get missing values. Keys match letter for
 * letter first, then tolerantly (match-keys.ts). A table column named like a shapes column of the
 * same type fills it where a row matched; of another type, it is added as "<name> (<table id>)".
 * `failed` holds the ids of data blocks that could not be read (their own errors say why).
 */
export function joinShapes(shapes: JoinSource, data: ReadonlyMap<string, JoinSource>, failed: ReadonlySet<string>): JoinResult {
  const diagnostics: Diagnostic[] = [];
  const { block } = shapes;
  const id = shapes.table.id;
  const joinId = (block.attribute("join") ?? "").trim();
  const joinSpan = block.attributeSpan("join", "value");
  const onSpan = block.attributeSpan("on", "value");
  const unjoined = (): JoinResult => ({ table: shapes.table, diagnostics, failed: hasErrors(diagnostics) });

  if (joinId === id) {
    diagnostics.push(diagnostic("map/join-itself", { id }, joinSpan));
    return unjoined();
  }
  const other = data.get(joinId);
  if (!shapes.table.shapes) {
    diagnostics.push(diagnostic("map/join-not-shapes", { id, table: joinId, tableIsShapes: other?.table.shapes !== undefined }, joinSpan));
    // The block's own table is fine as it is: charts over it go on.
    return { table: shapes.table, diagnostics, failed: false };
  }
  if (failed.has(joinId)) return { table: shapes.table, diagnostics, failed: true };
  if (!other) {
    const known = [...data.keys()].filter((known) => known !== id);
    diagnostics.push(diagnostic("map/join-unknown-data", { id: joinId, suggestion: didYouMean(joinId, known), known }, joinSpan));
    return unjoined();
  }

  const shapesColumns = shapes.table.columns.map((c) => c.name);
  const tableColumns = other.table.columns.map((c) => c.name);
  if (!block.attributes.has("on")) {
    diagnostics.push(diagnostic("map/join-without-on", { table: joinId, shapesColumns, tableColumns }, block.attributeSpan("join")));
    return unjoined();
  }
  const on = readOn(block.attribute("on") ?? "");
  if (!on) {
    diagnostics.push(diagnostic("map/join-on-form", { written: block.attribute("on") ?? "" }, onSpan));
    return unjoined();
  }
  if (!shapesColumns.includes(on.shapes)) {
    diagnostics.push(diagnostic("map/join-unknown-column", { column: on.shapes, side: "shapes", id, suggestion: didYouMean(on.shapes, shapesColumns), known: shapesColumns }, onSpan));
  }
  if (!tableColumns.includes(on.table)) {
    diagnostics.push(diagnostic("map/join-unknown-column", { column: on.table, side: "table", id: joinId, suggestion: didYouMean(on.table, tableColumns), known: tableColumns }, onSpan));
  }
  if (diagnostics.length > 0) return unjoined();

  const shapeRows = shapes.table.rows;
  const tableRows = other.table.rows;
  const shapeKeys = shapeRows.map((row) => row[on.shapes] ?? null);
  const rowKeys = tableRows.map((row) => row[on.table] ?? null);
  const matches = matchKeys(shapeKeys, rowKeys);

  const storyFile = block.fenceSpan.file;
  const rowWhere = (row: number, meant?: string): string => {
    const span = other.rowSpan?.(row);
    const where = span === undefined ? `row ${row + 1}` : span.file === storyFile ? `line ${span.start.line}` : `${span.file}:${span.start.line}`;
    return `"${keyText(rowKeys[row] ?? null)}" (${where}${meant === undefined ? "" : `; did you mean "${meant}"?`})`;
  };
  for (const { shape, rows } of matches.duplicates.slice(0, MAX_DUPLICATES)) {
    diagnostics.push(diagnostic("map/join-duplicate-key", { table: joinId, shape: keyText(shapeKeys[shape] ?? null) ?? "", first: rowWhere(rows[0]), second: rowWhere(rows[1]) }, joinSpan));
  }

  const keyed = rowKeys.filter((key) => keyText(key)).length;
  const unmatchedKeys = matches.unmatchedRows.map((row) => keyText(rowKeys[row] ?? null) ?? "");
  const better = betterKeyColumn(shapes.table, on.shapes, unmatchedKeys);
  if (keyed > 0 && matches.unmatchedRows.length === keyed) {
    const shapesExamples = [...new Set(shapeKeys.map(keyText).filter((key) => key !== undefined && key !== ""))] as string[];
    diagnostics.push(
      diagnostic(
        "map/join-nothing-matched",
        { table: joinId, count: keyed, column: on.shapes, examples: [...new Set(unmatchedKeys)], shapesExamples, ...(better === undefined ? {} : { better }), on: on.table },
        joinSpan,
      ),
    );
  } else if (matches.unmatchedRows.length > 0) {
    const withoutRow = shapeKeys.filter((_, shape) => matches.rowOfShape[shape] === undefined).map(keyText).filter((key) => key !== undefined && key !== "") as string[];
    const byCountry = countryKeys(shapes.table, on.shapes, matches.rowOfShape);
    const rows = matches.unmatchedRows.slice(0, MAX_LISTED_ROWS).map((row) => {
      const written = keyText(rowKeys[row] ?? null) ?? "";
      return rowWhere(row, suggestKey(written, withoutRow, byCountry));
    });
    diagnostics.push(
      diagnostic(
        "map/join-unmatched-rows",
        {
          table: joinId,
          count: matches.unmatchedRows.length,
          rows,
          shapesWithoutRows: withoutRow.length <= MAX_LISTED_SHAPES ? withoutRow : [],
          ...(better === undefined ? {} : { better }),
          on: on.table,
        },
        joinSpan,
      ),
    );
  }

  // The table's columns, but its key (the shapes' key says the same): added, or filling a shapes column.
  const columns = [...shapes.table.columns];
  const added: { from: string; to: string; keepsShapeValue: boolean }[] = [];
  const everyShapeMatched = matches.rowOfShape.every((row) => row !== undefined);
  for (const column of other.table.columns) {
    if (column.name === on.table) continue;
    const at = columns.findIndex((c) => c.name === column.name);
    if (at < 0) {
      columns.push(column);
      added.push({ from: column.name, to: column.name, keepsShapeValue: false });
    } else if (columns[at]!.type === column.type) {
      columns[at] = mergedColumn(columns[at]!, column, everyShapeMatched);
      added.push({ from: column.name, to: column.name, keepsShapeValue: true });
    } else {
      const renamed = `${column.name} (${joinId})`;
      diagnostics.push(
        diagnostic("map/join-column-renamed", { column: column.name, table: joinId, renamed, shapesType: typeName(columns[at]!), tableType: typeName(column) }, joinSpan),
      );
      columns.push({ ...column, name: renamed });
      added.push({ from: column.name, to: renamed, keepsShapeValue: false });
    }
  }
  // `{...row}` keeps the row's shape (a symbol-keyed property, geo/row-shape.ts).
  const rows = shapeRows.map((row, shape): Row => {
    const joined: Row = { ...row };
    const match = matches.rowOfShape[shape];
    const from = match === undefined ? undefined : tableRows[match];
    for (const { from: name, to, keepsShapeValue } of added) {
      const value: Cell = from ? (from[name] ?? null) : keepsShapeValue ? (row[to] ?? null) : null;
      joined[to] = value;
    }
    return joined;
  });
  return { table: { ...shapes.table, columns, rows }, diagnostics, failed: hasErrors(diagnostics) };
}

/** on="iso3 = code" → shapes column iso3, table column code; on=name → both "name". */
function readOn(written: string): { shapes: string; table: string } | undefined {
  const parts = written.split("=").map((part) => part.trim());
  if (parts.some((part) => part === "") || parts.length > 2) return undefined;
  return { shapes: parts[0]!, table: parts[parts.length - 1]! };
}

/** The column a table's column fills in the shapes: its own description, widened to the shapes' values that stay. */
function mergedColumn(shapes: DataColumn, table: DataColumn, everyShapeMatched: boolean): DataColumn {
  if (everyShapeMatched) return table;
  const merged: DataColumn = { ...table };
  if (table.percent && !shapes.percent) delete merged.percent;
  if (table.precision && shapes.precision && precisionRank[shapes.precision] > precisionRank[table.precision]) merged.precision = shapes.precision;
  return merged;
}

const typeName = (column: DataColumn) => (column.type === "string" ? "text" : column.type === "number" ? "numbers" : column.type === "date" ? "dates" : "true/false");

/**
 * For shapes that have ISO codes (the world map's iso3 column), the key of the shape no row matched
 * for a country's code, so a row naming a country another way ("Ivory Coast") finds its shape.
 */
function countryKeys(shapes: DataTable, keyColumn: string, rowOfShape: readonly (number | undefined)[]): ((iso3: string) => string | undefined) | undefined {
  if (!shapes.columns.some((c) => c.name === "iso3")) return undefined;
  const byCode = new Map<string, string>();
  shapes.rows.forEach((row, shape) => {
    const code = row["iso3"];
    const key = keyText(row[keyColumn] ?? null);
    if (rowOfShape[shape] === undefined && typeof code === "string" && key) byCode.set(code.toUpperCase(), key);
  });
  return (iso3) => byCode.get(iso3);
}
