import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DataTable } from "./data-table.ts";

/*
 * The results of a story's SQL blocks are run beforehand (sql/run-story-queries.ts) and handed to
 * parseDataBlock in this form, so reading data blocks does not depend on how queries are run.
 */

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
