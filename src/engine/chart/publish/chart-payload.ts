import type { Cell, DataTable, Row } from "../../data/data-table.ts";
import { type ChartSpec, type JsonValue, facetDataId, isJsonObject } from "../spec/chart-spec.ts";
import type { ChartData } from "../render/spec-to-plot.ts";
import type { Geometry } from "geojson";
import { chartWidth } from "../chart-widths.ts";
import { pixelsPerDegree } from "../render/map-scale.ts";
import { attachShape, shapeOf } from "../../geo/row-shape.ts";

/** The data of one id in a payload: used columns as equal-length lists, or the values of an inline list. */
export type PayloadData = { columns: Record<string, JsonValue[]> } | { values: JsonValue[] };

/**
 * What a figure carries for the browser to draw it again: the spec and only the columns its marks use,
 * column by column (no key repeated per row). Dates travel as milliseconds since 1970 (UTC), listed per
 * data id so the browser can revive them.
 */
export interface ChartPayload {
  version: 1;
  spec: ChartSpec;
  data: Record<string, PayloadData>;
  /** Date columns of each data id; "*" when the values of an inline list are dates. */
  dates: Record<string, string[]>;
  /** Each row's shape, for data ids whose rows are shapes: simplified for the widest drawing, rounded to a tenth of a pixel. */
  shapes?: Record<string, (Geometry | null)[]>;
}

function collectStrings(value: JsonValue | undefined, into: Set<string>): void {
  // "-y" sorts by y, descending; a computed column may be named "-Volume" itself: both are kept.
  if (typeof value === "string") into.add(value).add(value.replace(/^-/, ""));
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) collectStrings(item, into);
}

const encode = (value: Cell | undefined): JsonValue => (value instanceof Date ? value.getTime() : (value ?? null));

/** Every text in the marks that draw data `id`: the column names a chart can use are among these. */
export function mentionedByChart(spec: ChartSpec, id: string): Set<string> {
  const mentioned = new Set<string>();
  for (const mark of spec.marks) {
    if (mark.data !== id && !(mark.data === undefined && spec.data === id)) continue;
    collectStrings(mark.options, mentioned);
    for (const t of mark.transforms) collectStrings(t.value, mentioned);
  }
  const facet = spec.options["facet"];
  if (facetDataId(spec) === id && isJsonObject(facet)) {
    for (const channel of ["x", "y"]) collectStrings(facet[channel], mentioned);
  }
  // The browser's redraw keys its elements by the highlight column (render/highlight-keys.ts).
  if (spec.highlight) mentioned.add(spec.highlight.by);
  return mentioned;
}

export function chartPayload(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, inline: ReadonlyMap<string, (Row | Cell)[]> = new Map()): ChartPayload {
  const payload: ChartPayload = { version: 1, spec, data: {}, dates: {} };
  for (const [id, values] of inline) {
    payload.data[id] = { values: (values as Cell[]).map(encode) };
    if (values.some((v) => v instanceof Date)) payload.dates[id] = ["*"];
  }
  for (const [id, table] of tables) {
    const mentioned = mentionedByChart(spec, id);
    const columns = table.columns.filter((c) => mentioned.has(c.name));
    payload.data[id] = { columns: Object.fromEntries(columns.map((c) => [c.name, table.rows.map((row) => encode(row[c.name]))])) };
    const dateColumns = columns.filter((c) => c.type === "date").map((c) => c.name);
    if (dateColumns.length) payload.dates[id] = dateColumns;
  }
  const shapeTables = [...tables].filter(([, table]) => table.shapes !== undefined);
  if (shapeTables.length > 0) {
    const width = chartWidth(spec);
    const detail = pixelsPerDegree(spec, (id) => tables.get(id)?.rows, width);
    // A tenth of a pixel: enough digits that the browser's drawing is the build's.
    const digits = Math.max(1, Math.ceil(Math.log10(detail * 10)));
    payload.shapes = Object.fromEntries(shapeTables.map(([id, table]) => [id, table.rows.map((row) => roundGeometry(shapeOf(row)?.geometryAt(detail) ?? null, digits))]));
  }
  return payload;
}

/** A geometry with its coordinates rounded to `digits` decimals (of a degree). */
function roundGeometry(geometry: Geometry | null, digits: number): Geometry | null {
  if (!geometry) return null;
  const scale = 10 ** digits;
  const round = (coordinates: unknown): unknown =>
    typeof coordinates === "number" ? Math.round(coordinates * scale) / scale : Array.isArray(coordinates) ? coordinates.map(round) : coordinates;
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: geometry.geometries.map((g) => roundGeometry(g, digits)!) };
  return { ...geometry, coordinates: round(geometry.coordinates) } as Geometry;
}

/** Rows ready for Plot, from a payload (in the browser): the inverse of chartPayload. */
export function payloadData(payload: ChartPayload): ChartData {
  const data: Record<string, (Row | Cell)[]> = {};
  for (const [id, entry] of Object.entries(payload.data)) {
    const dateColumns = new Set(payload.dates[id] ?? []);
    const revive = (value: JsonValue | undefined, isDate: boolean): Cell =>
      isDate && typeof value === "number" ? new Date(value) : ((value ?? null) as Cell);
    if ("values" in entry) {
      data[id] = entry.values.map((value) => revive(value, dateColumns.has("*")));
      continue;
    }
    const names = Object.keys(entry.columns);
    const shapes = payload.shapes?.[id];
    const length = names.length ? entry.columns[names[0]!]!.length : (shapes?.length ?? 0);
    const rows: Row[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const row: Row = {};
      for (const name of names) row[name] = revive(entry.columns[name]![i], dateColumns.has(name));
      if (shapes) {
        const geometry = shapes[i] ?? null;
        attachShape(row, { geometryAt: () => geometry });
      }
      rows[i] = row;
    }
    data[id] = rows;
  }
  return data;
}

/** JSON safe inside <script type="application/json">: no "</script>", no line separators. */
export function serializePayload(payload: ChartPayload): string {
  return JSON.stringify(payload).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
