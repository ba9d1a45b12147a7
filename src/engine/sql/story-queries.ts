import type { DataTable } from "../data/data-table.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** The project's settings for SQL blocks, from plotline.config.mjs (`export const sql = { … }`). */
export interface SqlOptions {
  /** Seconds a query may run before it is stopped (default 30). */
  timeout?: number;
  /** Address prefixes queries may read from (s3://bucket/prefix/), with DuckDB's httpfs extension installed beforehand. */
  remote?: readonly string[];
}

export const DEFAULT_SQL_TIMEOUT = 30;
/** A result with more rows than this is warned about: it all goes to readers. */
export const MAX_RESULT_ROWS = 50_000;
/** A result with more rows than this is an error: it is not read further (it could exhaust the build's memory). */
export const MAX_QUERY_ROWS = 1_000_000;

/** What running one ```data format=sql block gave. */
export interface QueryResult {
  /** The result, typed, unless the query failed. */
  table?: DataTable;
  diagnostics: Diagnostic[];
  /** Files under data/ the query read (glob matches included), relative to data/. */
  files: string[];
  /** Glob patterns the query read, relative to data/: a file added later that matches one changes the result. */
  globs: string[];
}

/** The results of a story's SQL blocks, by the block's index among the story's data blocks (StoryBlock.index). */
export interface StoryQueries {
  results: Map<number, QueryResult>;
}

/** The format= of a data block's info string is sql (any case, spaces around it allowed). */
export const isSqlFormat = (format: string | undefined): boolean => format?.trim().toLowerCase() === "sql";

/** Whether a story's text may hold an SQL block, before parsing it: most stories have none, and start no DuckDB. */
export const mayHaveSqlBlocks = (text: string): boolean => /format\s*=\s*["']?\s*sql\b/i.test(text);
