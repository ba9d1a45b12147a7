import type { Cell, DataTable, Row } from "../data/data-table.ts";
import type { ChartSpec, JsonValue } from "./chart-spec.ts";
import type { ChartData } from "./spec-to-plot.ts";

/**
 * What a figure carries for the browser to render it again: the spec and only the columns its marks use.
 * Dates travel as ISO strings, listed per data id so the browser can revive them.
 */
export interface ChartPayload {
  spec: ChartSpec;
  /** Rows of each data id (or plain values, for inline lists such as [0]). */
  data: Record<string, JsonValue[]>;
  /** Date columns of each data id; "*" when the values themselves are dates. */
  dates: Record<string, string[]>;
}

function collectStrings(value: JsonValue | undefined, into: Set<string>): void {
  if (typeof value === "string") into.add(value.replace(/^-/, ""));
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) collectStrings(item, into);
}

export function chartPayload(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>, inline: ReadonlyMap<string, (Row | Cell)[]> = new Map()): ChartPayload {
  const payload: ChartPayload = { spec, data: {}, dates: {} };
  for (const [id, values] of inline) {
    if (values.every((v) => v === null || typeof v !== "object" || v instanceof Date)) {
      payload.data[id] = (values as Cell[]).map(encode);
      if (values.some((v) => v instanceof Date)) payload.dates[id] = ["*"];
    }
  }
  for (const [id, table] of tables) {
    const mentioned = new Set<string>();
    for (const mark of spec.marks) {
      const usesTable = mark.data === id || (mark.data === undefined && spec.data === id);
      if (!usesTable) continue;
      collectStrings(mark.options, mentioned);
      for (const t of mark.transforms) collectStrings(t.value, mentioned);
    }
    const columns = table.columns.filter((c) => mentioned.has(c.name));
    payload.data[id] = table.rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, encode(row[c.name] ?? null)])));
    const dateColumns = columns.filter((c) => c.type === "date").map((c) => c.name);
    if (dateColumns.length) payload.dates[id] = dateColumns;
  }
  return payload;
}

const encode = (value: Row[string]): JsonValue => (value instanceof Date ? value.toISOString() : value);

/** Rows ready for Plot, from a payload (in the browser) — the inverse of chartPayload's encoding. */
export function payloadData(payload: ChartPayload): ChartData {
  const data: Record<string, (Row | Cell)[]> = {};
  for (const [id, rows] of Object.entries(payload.data)) {
    const dateColumns = payload.dates[id] ?? [];
    if (dateColumns.includes("*")) {
      data[id] = rows.map((value) => (typeof value === "string" ? new Date(value) : (value as Cell)));
      continue;
    }
    data[id] = rows.map((row) => {
      // Plain values (an inline list such as [0]) stay plain values.
      if (row === null || typeof row !== "object" || Array.isArray(row)) return row as Cell;
      const typed: Row = { ...(row as Row) };
      for (const column of dateColumns) if (typeof typed[column] === "string") typed[column] = new Date(typed[column] as string);
      return typed;
    });
  }
  return data;
}

/** JSON safe inside <script type="application/json">: no "</script>", no line separators. */
export function serializePayload(payload: ChartPayload): string {
  return JSON.stringify(payload).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
