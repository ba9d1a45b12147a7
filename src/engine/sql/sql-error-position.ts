/** What DuckDB's error message says, and where in the query text it points. */
export interface SqlError {
  /** "Parser", "Binder", "Catalog", "Permission", "Conversion", "Interrupt", … */
  type: string;
  /** The first line of the message, without the type. */
  detail: string;
  /** The rest of the message before the LINE excerpt (DuckDB's "Candidate bindings:" or "Did you mean"). */
  more: string;
  /** Offset into the query text DuckDB ran, if the message points at a place. */
  offset?: number;
}

/**
 * Reads DuckDB's error message: "Binder Error: Referenced column "x" not found…\n\nLINE 2:   x FROM …\n          ^".
 * The place is given as a line and a caret under an excerpt of it (long lines are cut with "..."), so
 * the excerpt is found again in the query's line to turn the caret into an offset.
 */
export function readSqlError(message: string, query: string): SqlError {
  const match = /^([A-Za-z ]+?) Error: ([\s\S]*)$/.exec(message.replace(/^Failed to extract statements: /, ""));
  const type = match?.[1] ?? "";
  const rest = match?.[2] ?? message;
  const lineAt = rest.search(/\n*LINE \d+: /);
  const text = lineAt >= 0 ? rest.slice(0, lineAt) : rest;
  const [first = "", ...others] = text.split("\n");
  const result: SqlError = { type, detail: first.trim().replace(/[!.]$/, ""), more: others.join("\n").trim() };
  const place = /LINE (\d+): ([^\n]*)\n( *)\^/.exec(rest);
  if (!place) return result;
  const lineNumber = Number(place[1]);
  const shown = place[2]!;
  const caret = place[3]!.length - `LINE ${place[1]}: `.length;
  const lines = query.split("\n");
  const lineText = lines[lineNumber - 1];
  if (lineText === undefined) return result;
  const lineStart = lines.slice(0, lineNumber - 1).reduce((sum, l) => sum + l.length + 1, 0);
  let column = caret;
  if (shown.startsWith("...")) {
    const excerpt = shown.slice(3).replace(/\.\.\.$/, "");
    const found = lineText.indexOf(excerpt.slice(0, Math.max(1, Math.min(excerpt.length, 40))));
    column = found >= 0 ? found + caret - 3 : caret;
  }
  result.offset = lineStart + Math.max(0, Math.min(column, lineText.length));
  return result;
}

/** The names DuckDB lists as candidates in an error ("Candidate bindings: "a", "b"" or "Did you mean "x"?"). */
export function candidateNames(more: string): string[] {
  const line = /Candidate bindings: (.*)/.exec(more)?.[1] ?? "";
  return [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/^.*\./, ""));
}
