import { matchesGlob } from "node:path";
import type { DataFileSource } from "../data/data-file-source.ts";
import { resolveSrc } from "../data/resolve-src.ts";
import { suggestFile } from "../data/suggest-file.ts";
import type { SqlToken } from "./scan-sql.ts";

/** Functions whose string arguments are paths to files (DuckDB's readers and the like). */
const FILE_FUNCTIONS = new Set([
  "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto",
  "read_json_objects", "read_ndjson_objects", "read_json_objects_auto", "read_text", "read_blob", "glob", "sniff_csv",
  "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata", "parquet_bloom_probe", "read_xlsx", "iceberg_scan", "delta_scan",
]);
/** Endings of files DuckDB reads as tables (compressed too). */
const DATA_EXTENSION = /\.(csv|tsv|txt|json|jsonl|ndjson|parquet)(\.(gz|zst))?$/i;
const URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const GLOB = /[*?[]/;
/** Words after which a quoted string is a table: FROM 'sales.csv', PIVOT 'wide.csv' ON … */
const TABLE_KEYWORDS = new Set(["FROM", "JOIN", "PIVOT", "UNPIVOT", "PIVOT_WIDER", "PIVOT_LONGER"]);

/** A problem with one path written in a query, at its quoted string. */
export type FileReferenceProblem =
  | { kind: "outside"; path: string; start: number; end: number }
  | { kind: "not-found"; path: string; suggestion: string; start: number; end: number }
  | { kind: "remote"; path: string; start: number; end: number };

export interface FileReferences {
  /** The query with each path to a file under data/ replaced by the absolute path DuckDB opens. */
  text: string;
  /** Maps an offset into `text` back to the offset into the query as written. */
  originalOffset(offset: number): number;
  /** The files read, relative to data/. */
  files: string[];
  /** Glob patterns, relative to data/ (a new file matching one changes the result). */
  globs: string[];
  /** Absolute paths DuckDB may open: exactly these files. */
  allowedPaths: string[];
  /** Addresses (s3://…, https://…) the project allowed with sql.remote. */
  remote: string[];
  problems: FileReferenceProblem[];
}

/**
 * Finds the paths a query names in quotes ('sales/2024-*.parquet', read_csv('jobs.csv')), checks each
 * lies under data/ (no absolute paths, no "..", no link leading out, no address on the network unless
 * the project allows it), and rewrites it to what DuckDB opens: the file's absolute path, or for a glob
 * the list of files it matches now. DuckDB is then allowed to open exactly those files (sql-sandbox.ts).
 */
export function fileReferences(text: string, tokens: readonly SqlToken[], files: DataFileSource, remotePrefixes: readonly string[]): FileReferences {
  const problems: FileReferenceProblem[] = [];
  const replacements: { start: number; end: number; text: string }[] = [];
  const read = new Set<string>();
  const globs = new Set<string>();
  const allowed = new Set<string>();
  const remote = new Set<string>();
  let listing: string[] | undefined;
  const list = () => {
    try {
      listing ??= files.list();
    } catch {
      listing = [];
    }
    return listing;
  };

  for (const token of tokens) {
    if (token.kind !== "string") continue;
    const path = token.value;
    const isUrl = URL.test(path);
    if (!isPath(token)) continue;
    const at = { path, start: token.start, end: token.end };
    if (isUrl) {
      const prefix = remotePrefixes.find((p) => path.startsWith(p));
      if (prefix) remote.add(prefix);
      else problems.push({ kind: "remote", ...at });
      continue;
    }
    const relative = resolveSrc(path);
    if (relative === undefined || /^~|^[A-Za-z]:/.test(path)) {
      problems.push({ kind: "outside", ...at });
      continue;
    }
    if (GLOB.test(relative)) {
      const matches = list().filter((file) => matchesGlob(file, relative));
      const real = matches.map((file) => files.realPath?.(file)).filter((p): p is string => p !== undefined);
      globs.add(relative);
      if (real.length === 0) {
        problems.push({ kind: "not-found", suggestion: "", ...at });
        continue;
      }
      matches.forEach((file) => read.add(file));
      real.forEach((p) => allowed.add(p));
      const listed = `[${real.map(quote).join(", ")}]`;
      replacements.push({ start: token.start, end: token.end, text: token.inCall ? listed : `${readerFor(relative)}(${listed})` });
      continue;
    }
    // A name after FROM without a file ending may be a table: only a name with an ending is a file.
    if (!token.inCall && !DATA_EXTENSION.test(path)) continue;
    let found: ReturnType<NonNullable<DataFileSource["lookup"]>> | undefined;
    try {
      found = files.lookup?.(relative);
    } catch {
      found = undefined;
    }
    if (found?.kind === "outside") {
      problems.push({ kind: "outside", ...at });
      continue;
    }
    const real = found === undefined || found.kind === "file" ? files.realPath?.(relative) : undefined;
    read.add(relative);
    if (real === undefined) {
      problems.push({ kind: "not-found", suggestion: suggestFile(relative, list()), ...at });
      continue;
    }
    allowed.add(real);
    replacements.push({ start: token.start, end: token.end, text: quote(real) });
  }

  let rewritten = "";
  let last = 0;
  /** Start of each replacement in the rewritten text, its length there, and where it was written. */
  const moved: { at: number; length: number; start: number; end: number }[] = [];
  for (const r of replacements) {
    rewritten += text.slice(last, r.start);
    moved.push({ at: rewritten.length, length: r.text.length, start: r.start, end: r.end });
    rewritten += r.text;
    last = r.end;
  }
  rewritten += text.slice(last);
  const originalOffset = (offset: number) => {
    let shift = 0;
    for (const m of moved) {
      if (offset < m.at) break;
      if (offset < m.at + m.length) return m.start;
      shift = m.end - (m.at + m.length);
    }
    return offset + shift;
  };
  return {
    text: rewritten,
    originalOffset,
    files: [...read].sort(),
    globs: [...globs].sort(),
    allowedPaths: [...allowed].sort(),
    remote: [...remote],
    problems,
  };
}

/**
 * Whether a quoted string is a path: a table on its own (after FROM, JOIN, PIVOT, UNPIVOT, or in a FROM list with a
 * file ending), or a positional argument of a function that reads files (read_csv('…'), or any
 * function given a name with a file ending). Named options (delim = ';', dateformat = '%d/%m/%Y') and
 * values compared in WHERE (name = 'report.csv') are not.
 */
function isPath(token: SqlToken): boolean {
  const after = token.after ?? "";
  const hasEnding = DATA_EXTENSION.test(token.value);
  if (!token.inCall) return TABLE_KEYWORDS.has(after) || (after === "," && hasEnding);
  if (after !== "(" && after !== "," && after !== "[") return false;
  if (token.call !== undefined && FILE_FUNCTIONS.has(token.call)) return after === "(" || hasEnding || GLOB.test(token.value) || URL.test(token.value);
  return hasEnding;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function readerFor(pattern: string): string {
  if (/\.parquet$/i.test(pattern)) return "read_parquet";
  if (/\.(json|jsonl|ndjson)(\.(gz|zst))?$/i.test(pattern)) return "read_json_auto";
  return "read_csv_auto";
}
