import { StatementType, dateValue, timestampValue, type DuckDBConnection } from "@duckdb/node-api";
import type { StoryInput } from "../compile-story.ts";
import type { DataFileSource } from "../data/data-file-source.ts";
import type { DataTable } from "../data/data-table.ts";
import { parseDataBlock } from "../data/parse-data-block.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch, didYouMean, suggestion } from "../diagnostics/did-you-mean.ts";
import { SourceFile } from "../diagnostics/source-file.ts";
import { replaceControlCharacters } from "../story/control-characters.ts";
import { findStoryBlocks } from "../story/find-story-blocks.ts";
import { limitNesting } from "../story/limit-nesting.ts";
import { normalizeSource } from "../story/normalize-source.ts";
import { parseMarkdown } from "../story/parse-markdown.ts";
import { pruneDeepNodes } from "../story/prune-deep-nodes.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { resultColumns } from "./duckdb-types.ts";
import { firstKeyword, scanSql, type SqlToken } from "./scan-sql.ts";
import { fileReferences, type FileReferences } from "./sql-file-references.ts";
import { candidateNames, readSqlError } from "./sql-error-position.ts";
import { openSandbox } from "./sql-sandbox.ts";
import { isSqlFormat } from "../data/data-format.ts";
import type { QueryResult, StoryQueries } from "../data/query-results.ts";
import { DEFAULT_SQL_TIMEOUT, MAX_QUERY_ROWS, MAX_RESULT_ROWS, mayHaveSqlBlocks, type SqlOptions } from "./story-queries.ts";

/** The words a query may start with: DuckDB checks the statement's type again once it is prepared. */
const QUERY_KEYWORDS = new Set(["SELECT", "WITH", "FROM", "PIVOT", "UNPIVOT", "VALUES"]);
/** Functions that tell about the machine that builds (settings, paths, extensions, secrets), not the data. */
const MACHINE_FUNCTIONS = new Set([
  "current_setting", "getenv", "duckdb_settings", "duckdb_extensions", "duckdb_secrets", "which_secret", "duckdb_databases",
  "duckdb_temporary_files", "duckdb_log_contexts", "duckdb_logs", "duckdb_external_file_cache", "duckdb_variables", "getvariable",
]);
const isMachineFunction = (name: string) => MACHINE_FUNCTIONS.has(name) || name.startsWith("pragma_");

export interface RunQueriesOptions {
  dataFiles: DataFileSource;
  sql?: SqlOptions | undefined;
}

interface Pending {
  block: StoryBlock;
  result: QueryResult;
  tokens: SqlToken[];
  refs?: FileReferences;
}

/**
 * Runs a story's ```data format=sql blocks, in story order, in one sandboxed in-memory DuckDB (see
 * sql-sandbox.ts), before the story is compiled (compileStory is synchronous; DuckDB is not): the
 * results go to compileStory as `queries`. Each query may read files under data/ by their quoted path,
 * the story's other data blocks by id, and earlier SQL blocks by id. Returns undefined, without starting
 * DuckDB, for a story without SQL blocks. Never throws for anything a story holds.
 */
export async function runStoryQueries(input: StoryInput, options: RunQueriesOptions): Promise<StoryQueries | undefined> {
  if (input.tooLarge !== undefined || !mayHaveSqlBlocks(input.text)) return undefined;
  // The blocks exactly as compileStory finds them, so their indices match.
  const source = replaceControlCharacters(normalizeSource(input.text));
  const file = new SourceFile(input.path, source.text);
  const tree = parseMarkdown(limitNesting(file).file);
  pruneDeepNodes(tree, file);
  const dataBlocks = findStoryBlocks(tree, file).blocks.filter((b) => b.kind === "data");
  const sqlBlocks = dataBlocks.filter((b) => isSqlFormat(b.attribute("format")));
  if (sqlBlocks.length === 0) return undefined;

  const results = new Map<number, QueryResult>();
  const pending: Pending[] = [];
  const remotePrefixes = options.sql?.remote ?? [];
  for (const block of sqlBlocks) {
    const result: QueryResult = { diagnostics: [], files: [], globs: [] };
    results.set(block.index, result);
    const report = (d: Diagnostic) => result.diagnostics.push(d);
    const span = (start: number, end: number) => block.body.span(start, end);
    const text = block.body.text;
    const tokens = scanSql(text);
    const first = firstKeyword(tokens);
    if (!first) {
      report(diagnostic("sql/not-a-query", { count: 0 }, block.fenceSpan));
      continue;
    }
    // Every statement's first word, so that `SELECT 1; COPY …` points at COPY.
    const starts = [first, ...tokens.filter((t, i) => i > 0 && tokens[i - 1]!.value === ";" && tokens[i - 1]!.kind === "punct" && !(t.kind === "punct" && t.value === ";"))];
    if (first.kind === "punct" && first.value === ";") {
      report(diagnostic("sql/not-a-query", { count: 0 }, block.fenceSpan));
      continue;
    }
    // A statement starts with a word; anything else is left to DuckDB's parser (a syntax error).
    const refused = starts.find((t) => t.kind === "word" && !QUERY_KEYWORDS.has(t.value.toUpperCase()));
    if (refused) {
      report(diagnostic("sql/refused-statement", { keyword: refused.value.toUpperCase() }, span(refused.start, refused.end)));
      continue;
    }
    if (starts.length > 1) {
      report(diagnostic("sql/not-a-query", { count: starts.length }, span(starts[1]!.start, starts[1]!.end)));
      continue;
    }
    const machine = tokens.find((t, i) => t.kind === "word" && tokens[i + 1]?.value === "(" && isMachineFunction(t.value.toLowerCase()));
    if (machine) {
      report(diagnostic("sql/refused-function", { name: machine.value }, span(machine.start, machine.end)));
      continue;
    }
    const refs = fileReferences(text, tokens, options.dataFiles, remotePrefixes);
    result.files = refs.files;
    result.globs = refs.globs;
    for (const problem of refs.problems) {
      const at = span(problem.start, problem.end);
      if (problem.kind === "outside") report(diagnostic("sql/outside-data", { path: problem.path }, at));
      else if (problem.kind === "remote") report(diagnostic("sql/remote-refused", { path: problem.path }, at));
      else report(diagnostic("sql/file-not-found", { path: problem.path.replace(/^\.\//, ""), suggestion: problem.suggestion }, at));
    }
    if (refs.problems.length > 0) continue;
    pending.push({ block, result, tokens, refs });
  }
  if (pending.length === 0) return { results };

  // The story's other data blocks, as the compile will read them, to be queried by id.
  const tables = new Map<string, DataTable>();
  for (const block of dataBlocks) {
    if (isSqlFormat(block.attribute("format"))) continue;
    const { table } = parseDataBlock(block, options.dataFiles);
    if (table && !tables.has(table.id)) tables.set(table.id, table);
  }

  let sandbox: Awaited<ReturnType<typeof openSandbox>>;
  try {
    sandbox = await openSandbox({
      allowedPaths: [...new Set(pending.flatMap((p) => p.refs!.allowedPaths))],
      remote: [...new Set(pending.flatMap((p) => p.refs!.remote))],
    });
  } catch (error) {
    for (const { block, result } of pending) {
      result.diagnostics.push(diagnostic("sql/not-run", { reason: `DuckDB could not be started (${message(error).split("\n")[0]})` }, block.fenceSpan));
    }
    return { results };
  }
  const { connection } = sandbox;
  try {
    const known = new Set<string>();
    for (const table of tables.values()) {
      if (await registerTable(connection, table)) known.add(table.id);
    }
    const timeout = (options.sql?.timeout ?? DEFAULT_SQL_TIMEOUT) * 1000;
    for (const item of pending) {
      const { block, result, refs } = item;
      if (sandbox.remoteProblem !== undefined && refs!.remote.length > 0) {
        const token = item.tokens.find((t) => t.kind === "string" && refs!.remote.some((r) => t.value.startsWith(r)))!;
        result.diagnostics.push(
          diagnostic("sql/remote-unavailable", { path: token.value, detail: sandbox.remoteProblem }, block.body.span(token.start, token.end)),
        );
        continue;
      }
      const id = block.attribute("id");
      const table = await runQuery(connection, item, [...known], timeout);
      if (!table) continue;
      if (id === undefined) continue;
      const typed: DataTable = { id, kind: "table", columns: table.columns, rows: table.rows };
      result.table = typed;
      if (typed.rows.length > MAX_RESULT_ROWS) {
        result.diagnostics.push(diagnostic("sql/large-result", { id, rows: typed.rows.length, limit: MAX_RESULT_ROWS }, block.fenceSpan));
      }
      if (!known.has(id) && (await registerTable(connection, typed))) known.add(id);
    }
  } finally {
    sandbox.close();
  }
  return { results };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs one query; its problems go to its result's diagnostics. */
async function runQuery(connection: DuckDBConnection, item: Pending, tables: readonly string[], timeoutMs: number): Promise<Pick<DataTable, "columns" | "rows"> | undefined> {
  const { block, result, refs, tokens } = item;
  const text = refs!.text;
  const report = (d: Diagnostic) => result.diagnostics.push(d);
  const at = (offset: number | undefined) => {
    if (offset === undefined) return block.fenceSpan;
    const start = refs!.originalOffset(offset);
    const token = tokens.find((t) => t.start <= start && start < t.end);
    return block.body.span(start, token ? token.end : start + 1);
  };
  const first = firstKeyword(tokens)!;
  const timer = setTimeout(() => connection.interrupt(), timeoutMs);
  try {
    const statements = await connection.extractStatements(text);
    // A PIVOT without IN (…) is one statement as written; DuckDB makes it two or more: first CREATE TYPE
    // of the values found (in the in-memory database), then the query.
    const pivotSteps = first.value.toUpperCase() === "PIVOT" ? statements.count - 1 : 0;
    if (statements.count !== 1 + pivotSteps || statements.count === 0) {
      report(diagnostic("sql/not-a-query", { count: statements.count }, statements.count === 0 ? block.fenceSpan : block.body.span(first.start, first.end)));
      return undefined;
    }
    for (let i = 0; i < pivotSteps; i++) {
      const step = await statements.prepare(i);
      if (step.statementType !== StatementType.CREATE) {
        report(diagnostic("sql/refused-statement", { keyword: first.value.toUpperCase() }, block.body.span(first.start, first.end)));
        return undefined;
      }
      await step.run();
    }
    const prepared = await statements.prepare(pivotSteps);
    // DuckDB's own word on what the statement is: only a query runs.
    if (prepared.statementType !== StatementType.SELECT) {
      report(diagnostic("sql/refused-statement", { keyword: first.value.toUpperCase() }, block.body.span(first.start, first.end)));
      return undefined;
    }
    // Read as a stream up to one row past the limit: a result larger than that is never held whole.
    const reader = await prepared.streamAndReadUntil(MAX_QUERY_ROWS + 1);
    if (reader.currentRowCount > MAX_QUERY_ROWS) {
      report(diagnostic("sql/result-too-large", { id: block.attribute("id") ?? "", limit: MAX_QUERY_ROWS }, block.fenceSpan));
      return undefined;
    }
    const typed = resultColumns(reader);
    const names = typed.columns.map((c) => c.name);
    const duplicate = names.find((name, i) => names.indexOf(name) < i);
    if (duplicate !== undefined) {
      report(diagnostic("data/duplicate-column", { column: duplicate }, columnSpan(item, duplicate)));
      return undefined;
    }
    for (const problem of typed.problems) {
      if (problem.kind === "unsupported-type") report(diagnostic("sql/unsupported-column-type", { column: problem.column, type: problem.type }, columnSpan(item, problem.column)));
      else report(diagnostic("sql/number-too-large", { column: problem.column, value: problem.value, row: problem.row }, columnSpan(item, problem.column)));
    }
    return typed.problems.length > 0 ? undefined : typed;
  } catch (error) {
    report(explain(message(error), text, tables, at, refs!));
    return undefined;
  } finally {
    clearTimeout(timer);
  }

  function explain(raw: string, query: string, known: readonly string[], where: typeof at, references: FileReferences): Diagnostic {
    const error = readSqlError(raw, query);
    const span = where(error.offset);
    if (error.type === "INTERRUPT" || error.type === "Interrupt" || /interrupted/i.test(error.detail)) {
      return diagnostic("sql/timeout", { seconds: timeoutMs / 1000 }, block.fenceSpan);
    }
    if (error.type === "Parser") {
      const quoteIds = known.filter((id) => id.includes("-") && new RegExp(`(^|[^"\\w-])${id.replace(/-/g, "\\s*-\\s*")}($|[^"\\w-])`).test(block.body.text));
      return diagnostic("sql/syntax", { detail: error.detail.replace(/^syntax error/, "a syntax error"), quoteIds }, span);
    }
    const column = /Referenced column "([^"]+)" not found/.exec(error.detail)?.[1];
    if (column !== undefined) {
      const candidates = candidateNames(error.more);
      return diagnostic("sql/unknown-column", { column, suggestion: didYouMean(column, candidates), candidates }, span);
    }
    const table = /Table with name (.+?) does not exist/.exec(error.detail)?.[1];
    if (table !== undefined) {
      const match = closestMatch(table, known) ?? closestMatch(table.replace(/_/g, "-"), known);
      return diagnostic("sql/unknown-table", { table, suggestion: match === undefined ? "" : suggestion(table, match), tables: known }, span);
    }
    if (error.type === "Permission" || error.type === "IO") {
      const path = /file "([^"]+)"/.exec(error.detail)?.[1];
      if (path !== undefined) {
        const token = tokens.find((t) => t.kind === "string" && t.value === path);
        const place = token ? block.body.span(token.start, token.end) : span;
        if (error.type === "Permission") return diagnostic("sql/outside-data", { path }, place);
        const relative = references.files.find((f) => path.endsWith(`/${f}`));
        if (relative === undefined) return diagnostic("sql/outside-data", { path }, place);
      }
    }
    return diagnostic("sql/error", { detail: error.detail }, span);
  }
}

/** Where a result column is named in the query (its alias or name), else the fence. */
function columnSpan(item: Pending, column: string) {
  const token = [...item.tokens].reverse().find((t) => (t.kind === "word" || t.kind === "quoted") && t.value === column);
  return token ? item.block.body.span(token.start, token.end) : item.block.fenceSpan;
}

/**
 * A data block as a table of the in-memory database, named by its id (queries write "jobs-2025" in
 * double quotes, or jobs_2025), with the types Plotline gave its columns.
 */
async function registerTable(connection: DuckDBConnection, table: DataTable): Promise<boolean> {
  const name = quoteName(table.id);
  const types = table.columns.map((c) => (c.type === "number" ? "DOUBLE" : c.type === "boolean" ? "BOOLEAN" : c.type === "date" ? (c.precision === "time" ? "TIMESTAMP" : "DATE") : "VARCHAR"));
  try {
    await connection.run(`CREATE TABLE ${name} (${table.columns.map((c, i) => `${quoteName(c.name)} ${types[i]}`).join(", ")})`);
    const appender = await connection.createAppender(table.id);
    for (const row of table.rows) {
      table.columns.forEach((column, i) => {
        const value = row[column.name];
        if (value === null || value === undefined) appender.appendNull();
        else if (types[i] === "DOUBLE") appender.appendDouble(Number(value));
        else if (types[i] === "BOOLEAN") appender.appendBoolean(Boolean(value));
        else if (types[i] === "DATE" && value instanceof Date) appender.appendDate(dateValue(Math.floor(value.getTime() / 86_400_000)));
        else if (types[i] === "TIMESTAMP" && value instanceof Date) appender.appendTimestamp(timestampValue(BigInt(value.getTime()) * 1000n));
        else appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
      });
      appender.endRow();
    }
    appender.closeSync();
    if (table.id.includes("-")) {
      await connection.run(`CREATE VIEW ${quoteName(table.id.replaceAll("-", "_"))} AS FROM ${name}`).catch(() => undefined);
    }
    return true;
  } catch {
    return false;
  }
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
