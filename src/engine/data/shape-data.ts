import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Origin } from "./data-origin.ts";
import type { RawValue } from "./infer-column-types.ts";
import type { RawTable } from "./raw-table.ts";

/** Where a value is in parsed JSON or YAML: keys and list indexes from the top. */
export type Path = readonly (string | number)[];

/** A finder of the text range of a value (or of its key) at a path in the parsed data. */
export type Locate = (path: Path, part?: "key" | "value") => { start: number; end: number } | undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A single value as JSON and YAML give it, or undefined for a list, an object or anything else. */
function asRawValue(value: unknown): RawValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  // YAML's .nan and .inf are not numbers a chart can use; they read as text.
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isPlainObject(value)) return "a nested set of named values";
  if (value === null) return "empty (null)";
  if (typeof value === "string") return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the value ${value}`;
  return "a value Plotline cannot use";
}

function preview(values: readonly unknown[]): string {
  const shown = values.slice(0, 3).map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
  return values.length > 3 ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** Turns parsed JSON or YAML into rows of named columns, or named values, or reports why it is neither. */
export function shapeData(value: unknown, format: "json" | "yaml", origin: Origin, locate: Locate, report: (d: Diagnostic) => void): RawTable | undefined {
  const at = (path: Path, part: "key" | "value" = "value") => {
    const range = locate(path, part);
    return range ? origin.span(range.start, range.end) : origin.span(0);
  };
  const notATable = (found: string, path: Path, part: "key" | "value" = "value") => {
    report(diagnostic("data/not-a-table", { format, found }, at(path, part)));
    return undefined;
  };
  const empty = () => {
    report(diagnostic("data/empty", {}, origin.whole));
    return undefined;
  };

  if (value === null || value === undefined) return empty();
  if (Array.isArray(value)) {
    if (value.length === 0) return empty();
    if (value.every((item) => asRawValue(item) !== undefined)) {
      return notATable(`a list of single values (${preview(value)}) rather than rows with named columns`, []);
    }
    const badItem = value.findIndex((item) => !isPlainObject(item));
    if (badItem >= 0) {
      return notATable(`a list whose item ${badItem + 1} is ${describe(value[badItem])} rather than a row of named values`, [badItem]);
    }
    const rowsIn = value as Record<string, unknown>[];
    const names: string[] = [];
    const columnOf = new Map<string, number>();
    /** For each row and column, the key as written (names are trimmed). */
    const keysWritten: (string | undefined)[][] = [];
    let ok = true;
    for (const [r, row] of rowsIn.entries()) {
      const keys: (string | undefined)[] = [];
      for (const [key, cell] of Object.entries(row)) {
        if (asRawValue(cell) === undefined) {
          return notATable(`a list of rows, but "${key}" in row ${r + 1} holds ${describe(cell)} rather than a single value`, [r, key]);
        }
        const name = key.trim();
        let c = columnOf.get(name);
        if (c === undefined) {
          c = names.push(name) - 1;
          columnOf.set(name, c);
          if (name === "") {
            report(diagnostic("data/empty-column-name", { index: c + 1 }, at([r, key], "key")));
            ok = false;
          }
        } else if (keys[c] !== undefined) {
          report(diagnostic("data/duplicate-column", { column: name }, at([r, key], "key")));
          ok = false;
        }
        keys[c] = key;
      }
      keysWritten.push(keys);
    }
    if (!ok) return undefined;
    if (names.length === 0) return empty();
    return {
      kind: "table",
      names,
      rows: rowsIn.map((row, r) =>
        names.map((_, c) => {
          const key = keysWritten[r]?.[c];
          return key === undefined ? null : (asRawValue(row[key]) ?? null);
        }),
      ),
      cellSpan: (r, c) => {
        const key = keysWritten[r]?.[c];
        return key === undefined ? at([r]) : at([r, key]);
      },
    };
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return empty();
    if (entries.every(([, v]) => Array.isArray(v))) {
      return notATable(`a set of columns, each a list of values (${preview(entries.map(([k]) => k))}), rather than a list of rows`, []);
    }
    const nested = entries.find(([, v]) => asRawValue(v) === undefined);
    if (nested) return notATable(`a set of named values, but "${nested[0]}" holds ${describe(nested[1])} rather than a single value`, [nested[0]]);
    return {
      kind: "values",
      names: entries.map(([key]) => key.trim()),
      rows: [entries.map(([, v]) => asRawValue(v) ?? null)],
      cellSpan: (_r, c) => at([entries[c]?.[0] ?? ""]),
    };
  }
  return notATable(describe(value).replace(/^the /, "a single "), []);
}
