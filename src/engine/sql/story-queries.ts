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

/** Whether a story's text may hold an SQL block, before parsing it: most stories have none, and start no DuckDB. */
export const mayHaveSqlBlocks = (text: string): boolean => /format\s*=\s*["']?\s*sql\b/i.test(text);
