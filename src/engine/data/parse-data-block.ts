import { isMap, isPair, isScalar, parseDocument, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { SourceFile, type SourceSpan } from "../diagnostics/source-file.ts";
import { normalizeSource } from "../story/normalize-source.ts";
import { replaceControlCharacters } from "../story/control-characters.ts";
import { explainYamlError } from "../story/explain-yaml-error.ts";
import { editorYamlOptions, starredValue, yamlValueProblem } from "../story/parse-frontmatter.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { nodeAt } from "../story/yaml-locate.ts";
import { MAX_DATA_BYTES, megabytes } from "../limits.ts";
import type { DataFileSource } from "./data-file-source.ts";
import { decodeDataFile } from "./decode-data-file.ts";
import { suggestFile } from "./suggest-file.ts";
import type { Cell, ColumnType, DataColumn, DataTable, Row } from "./data-table.ts";
import {
  columnTypes,
  dateFormatProblem,
  defaultMissingMarkers,
  nearMiss,
  typeColumn,
  type MissingMarkers,
  type RawValue,
  type TypeChoice,
} from "./infer-column-types.ts";
import { jsonNodeAt, scanJson } from "./json-scan.ts";
import { parseDsv } from "./parse-dsv.ts";
import { isSqlFormat, type StoryQueries } from "../sql/story-queries.ts";

export type DataFormat = "csv" | "tsv" | "json" | "yaml";

const FORMATS: readonly DataFormat[] = ["csv", "tsv", "json", "yaml"];
const EXTENSIONS: Record<string, DataFormat> = { csv: "csv", tsv: "tsv", json: "json", yaml: "yaml", yml: "yaml" };
const ID = /^[a-z][a-z0-9-]*$/;
/** Ragged rows reported one by one; the next one also says how many more there are. */
const MAX_RAGGED = 5;
/** Values reported per column that do not fit a type given with types=. */
const MAX_BAD_VALUES = 5;
/** Above either size, a block written inside a story gets a warning suggesting a file in data/. */
export const MAX_INLINE_ROWS = 500;
export const MAX_INLINE_BYTES = 50 * 1024;

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

type Path = readonly (string | number)[];

/** The text being read (a block's body or a file under data/) and the way back to positions in it. */
interface Origin {
  text: string;
  span(start: number, end?: number): SourceSpan;
  /** Where to point for a problem with the data as a whole. */
  whole: SourceSpan;
}

/** A table read from its format, before typing: names and raw values, and where each value is. */
interface RawTable {
  kind: "table" | "values";
  /** For kind "table": the column names. For kind "values": the value names. */
  names: string[];
  /** For kind "table": one raw value per column, per row. For kind "values": one row holding every value. */
  rows: RawValue[][];
  /** Where a value is: row and column index (for kind "values", row 0 and the value's index). */
  cellSpan(row: number, column: number): SourceSpan;
}

interface TypeSpec {
  column: string;
  choice: TypeChoice;
  span: SourceSpan;
}

/**
 * Reads one ```data block: its attributes, its body or its src= file, in its format, into a typed
 * table (see infer-column-types.ts for the typing rules). Every problem becomes a diagnostic that
 * points at the attribute, line or cell concerned, in the story or in the data file. The table is
 * returned unless an error leaves nothing sensible to hand to charts (then the build fails anyway).
 * Duplicate ids across blocks are checked by the caller.
 */
export function parseDataBlock(block: StoryBlock, files: DataFileSource, queries?: StoryQueries): { table?: DataTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  let usable = true;

  const id = block.attribute("id");
  if (id === undefined) {
    report(diagnostic("data/missing-id", {}, block.fenceSpan));
    usable = false;
  } else if (!ID.test(id)) {
    // The table is still returned under the id as written, so charts naming it do not fail too.
    report(diagnostic("data/invalid-id", { id, suggestion: suggestId(id, block.index) }, block.attributeSpan("id", "value")));
  }

  // A query's result, run before the compile (sql/run-story-queries.ts).
  if (isSqlFormat(block.attribute("format"))) {
    const result = queries?.results.get(block.index);
    if (!result) {
      report(diagnostic("sql/not-run", { reason: "this compile was given no query results (compileStory runs no queries; compileStoryAsync does)" }, block.fenceSpan));
      return { diagnostics };
    }
    diagnostics.push(...result.diagnostics);
    if (!usable || !result.table || id === undefined) return { diagnostics };
    return { table: retypeResult({ ...result.table, id }, readTypes(block, report), report), diagnostics };
  }

  let format: DataFormat | undefined;
  let formatOk = true;
  if (block.attributes.has("format")) {
    const written = block.attribute("format") ?? "";
    format = readFormat(written);
    if (!format) {
      formatOk = false;
      report(
        diagnostic("data/unknown-format", { format: written, suggestion: didYouMean(written.toLowerCase(), FORMATS) }, block.attributeSpan("format", "value")),
      );
    }
  }

  const types = readTypes(block, report);
  const markers = readMissing(block, report);

  let origin: Origin;
  let src: string | undefined;
  if (block.attributes.has("src")) {
    const opened = openSrc(block, files, format, !formatOk, report);
    if (block.body.text.trim() !== "") {
      const firstLine = block.body.text.split("\n").findIndex((line) => line.trim() !== "");
      report(diagnostic("data/src-and-body", { src: block.attribute("src") ?? "" }, block.body.lineSpan(Math.max(0, firstLine))));
      usable = false;
    }
    if (!opened) return { diagnostics };
    ({ origin, src } = opened);
    format ??= opened.format;
  } else {
    const { body } = block;
    // Known from the story's text before anything is parsed: one limit for data inline or in a file.
    const bytes = Buffer.byteLength(body.text, "utf8");
    if (bytes > MAX_DATA_BYTES) {
      report(diagnostic("data/too-large", { size: megabytes(bytes), limit: megabytes(MAX_DATA_BYTES) }, block.fenceSpan));
      return { diagnostics };
    }
    origin = { text: body.text, span: (start, end) => body.span(start, end), whole: block.fenceSpan };
  }
  if (!formatOk) return { diagnostics };
  format ??= "csv";

  if (origin.text.trim() === "") {
    report(diagnostic("data/empty", {}, origin.whole));
    return { diagnostics };
  }

  const raw =
    format === "csv" || format === "tsv" ? readDsv(origin, format, report) : format === "json" ? readJson(origin, report) : readYaml(origin, report);
  if (!raw) return { diagnostics };
  if (src === undefined) warnIfLarge(block, raw, format, origin.text, report);

  const typed = typeTable(raw, types, markers, report);
  if (!usable || id === undefined) return { diagnostics };
  const table: DataTable = { id, kind: raw.kind, columns: typed.columns, rows: typed.rows };
  if (typed.values) table.values = typed.values;
  if (typed.valueColumns) table.valueColumns = typed.valueColumns;
  if (src !== undefined) table.src = src;
  return { table, diagnostics };
}

/**
 * types= on an SQL block: the result's columns converted as a CSV column of the same values would be
 * (a column of years 2023, 2024 given as `year:date` becomes dates), each value as text, number or true/false.
 */
function retypeResult(table: DataTable, types: TypeSpec[], report: (d: Diagnostic) => void): DataTable {
  if (types.length === 0) return table;
  const known = table.columns.map((c) => c.name);
  const columns = [...table.columns];
  const rows = table.rows.map((row) => ({ ...row }));
  for (const spec of types) {
    const index = known.indexOf(spec.column);
    if (index < 0) {
      report(diagnostic("data/type-unknown-column", { column: spec.column, suggestion: didYouMean(spec.column, known) }, spec.span));
      continue;
    }
    // A DATE or TIMESTAMP column is a date already: a format for reading text has nothing to read.
    if (spec.choice.type === "date" && table.columns[index]!.type === "date") continue;
    const raw: RawValue[] = table.rows.map((row) => {
      const cell = row[spec.column] ?? null;
      return cell instanceof Date ? cell.toISOString() : cell;
    });
    const typed = typeColumn(spec.column, raw, spec.choice);
    const first = typed.bad[0];
    if (first !== undefined) report(diagnostic("data/bad-typed-value", { column: spec.column, type: spec.choice.type, value: shown(raw[first] ?? null), ...(spec.choice.format === undefined ? {} : { format: spec.choice.format }) }, spec.span));
    columns[index] = typed.column;
    rows.forEach((row, r) => (row[spec.column] = typed.cells[r] ?? null));
  }
  return { ...table, columns, rows };
}

/** Tables written inside a story are for a few dozen rows; larger ones belong in data/. */
function warnIfLarge(block: StoryBlock, raw: RawTable, format: DataFormat, text: string, report: (d: Diagnostic) => void): void {
  const rows = raw.kind === "table" ? raw.rows.length : raw.names.length;
  const bytes = Buffer.byteLength(text, "utf8");
  if (rows <= MAX_INLINE_ROWS && bytes <= MAX_INLINE_BYTES) return;
  const id = block.attribute("id") ?? "table";
  report(
    diagnostic(
      "data/large-inline-block",
      { id, rows, size: kilobytes(bytes), rowLimit: MAX_INLINE_ROWS, sizeLimit: kilobytes(MAX_INLINE_BYTES), extension: format === "yaml" ? "yaml" : format },
      block.fenceSpan,
    ),
  );
}

/** A valid id close to one that is not: `Jobs_2025` → `jobs-2025`. */
export function suggestId(id: string, index: number): string {
  const base = id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base === "") return `data-${index + 1}`;
  return /^[a-z]/.test(base) ? base : `data-${base}`;
}

function readFormat(written: string): DataFormat | undefined {
  const lower = written.trim().toLowerCase();
  return lower === "yml" ? "yaml" : FORMATS.find((f) => f === lower);
}

// ── types= ───────────────────────────────────────────────────────────────────

function readTypes(block: StoryBlock, report: (d: Diagnostic) => void): TypeSpec[] {
  const attribute = block.attributes.get("types");
  if (!attribute) return [];
  if (attribute.value === true) {
    report(diagnostic("data/types-syntax", { detail: 'it has no value; write for example types="year:date"' }, block.attributeSpan("types")));
    return [];
  }
  const valueSpan = block.attributeSpan("types", "value");
  // The info string is one line, so positions inside the value are a column offset from its start.
  const at = (start: number, end: number): SourceSpan => ({
    file: valueSpan.file,
    start: { line: valueSpan.start.line, column: valueSpan.start.column + start },
    end: { line: valueSpan.start.line, column: valueSpan.start.column + end },
  });
  const specs: TypeSpec[] = [];
  for (const { text: part, start: partStart } of splitTypes(attribute.value)) {
    const entry = part.trim();
    if (entry === "") continue;
    const entryStart = partStart + part.indexOf(entry);
    // `month:date(%b-%Y)`: a type with a format in parentheses (which may hold ":" and ",").
    const withFormat = /:\s*([A-Za-z]+)\s*\(/.exec(part);
    const hasFormat = withFormat !== null && part.trimEnd().endsWith(")");
    const colon = hasFormat ? withFormat.index : part.lastIndexOf(":");
    if (colon < 0) {
      report(diagnostic("data/types-syntax", { detail: `"${entry}" has no ":" between a column name and its type` }, at(entryStart, entryStart + entry.length)));
      continue;
    }
    const column = part.slice(0, colon).trim();
    const typeText = hasFormat ? withFormat[1]! : part.slice(colon + 1).trim();
    if (column === "") {
      report(diagnostic("data/types-syntax", { detail: `"${entry}" has no column name before the ":"` }, at(entryStart, entryStart + entry.length)));
      continue;
    }
    const typeStart = partStart + colon + 1 + (part.slice(colon + 1).length - part.slice(colon + 1).trimStart().length);
    const type = columnTypes.find((t) => t === typeText.toLowerCase());
    if (!type) {
      report(diagnostic("data/unknown-type", { column, type: typeText }, at(typeStart, typeStart + typeText.length)));
      continue;
    }
    let format: string | undefined;
    if (hasFormat) {
      const open = partStart + withFormat.index + withFormat[0].length;
      const close = partStart + part.trimEnd().length - 1;
      format = attribute.value.slice(open, close);
      if (type !== "date") {
        report(diagnostic("data/types-syntax", { detail: `only the type date takes a format in parentheses, not ${type}` }, at(typeStart, close + 1)));
        continue;
      }
      const problem = dateFormatProblem(format);
      if (problem !== undefined) {
        report(diagnostic("data/bad-date-format", { column, format, problem }, at(open, close)));
        continue;
      }
    }
    const nameStart = partStart + part.indexOf(column);
    if (specs.some((s) => s.column === column)) {
      report(diagnostic("data/types-syntax", { detail: `the column "${column}" is given a type twice` }, at(nameStart, nameStart + column.length)));
      continue;
    }
    specs.push({ column, choice: format === undefined ? { type } : { type, format }, span: at(nameStart, nameStart + column.length) });
  }
  return specs;
}

/** The entries of types=, split at commas outside parentheses (a date format may hold commas: `%b %d, %Y`). */
function splitTypes(value: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if ((c === "," && depth === 0) || c === undefined) {
      parts.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return parts;
}

// ── missing= ─────────────────────────────────────────────────────────────────

/** The block's missing-value markers: missing="-,n.a." replaces the defaults, missing="" means none. */
function readMissing(block: StoryBlock, report: (d: Diagnostic) => void): MissingMarkers {
  const attribute = block.attributes.get("missing");
  if (!attribute) return defaultMissingMarkers;
  if (attribute.value === true) {
    report(diagnostic("data/missing-syntax", {}, block.attributeSpan("missing")));
    return defaultMissingMarkers;
  }
  const texts = attribute.value
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  return { texts: new Set(texts), explicit: true };
}

// ── src= ─────────────────────────────────────────────────────────────────────

/** The path under data/ that `src` names, or undefined if it points outside data/. */
export function resolveSrc(src: string): string | undefined {
  if (src.startsWith("/") || src.startsWith("~/") || src.includes("\\") || /^[A-Za-z]:/.test(src) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(src)) {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of src.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join("/");
}

function openSrc(
  block: StoryBlock,
  files: DataFileSource,
  explicitFormat: DataFormat | undefined,
  formatUnknown: boolean,
  report: (d: Diagnostic) => void,
): { origin: Origin; src: string; format: DataFormat } | undefined {
  const written = block.attribute("src") ?? "";
  const valueSpan = block.attributeSpan("src", "value");
  const path = resolveSrc(written);
  if (path === undefined) {
    report(diagnostic("data/src-outside-data", { src: written }, valueSpan));
    return undefined;
  }
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  const format = explicitFormat ?? EXTENSIONS[extension];
  const displayPath = `${files.displayRoot}/${path}`;
  const notFound = () => {
    report(diagnostic("data/src-not-found", { src: written, suggestion: suggestListedFile(path, files) }, valueSpan));
    return undefined;
  };
  if (path === "") return notFound();

  // What is there, before reading anything: a folder, a link out of data/ or a huge file is never read.
  let found: ReturnType<NonNullable<DataFileSource["lookup"]>> | undefined;
  try {
    found = files.lookup?.(path);
  } catch {
    found = undefined;
  }
  if (found?.kind === "missing") return notFound();
  if (found?.kind === "outside") {
    report(diagnostic("data/src-outside-data", { src: written }, valueSpan));
    return undefined;
  }
  if (found?.kind === "directory") {
    report(diagnostic("data/src-is-directory", { path: displayPath, example: exampleInside(path, files) }, valueSpan));
    return undefined;
  }
  if (found?.kind === "unreadable") {
    report(diagnostic("data/src-unreadable", { path: displayPath, reason: found.reason }, valueSpan));
    return undefined;
  }
  const tooLarge = (size: number) => {
    report(diagnostic("data/too-large", { path: displayPath, size: megabytes(size), limit: megabytes(MAX_DATA_BYTES) }, valueSpan));
    return undefined;
  };
  if (found?.kind === "file" && found.size > MAX_DATA_BYTES) return tooLarge(found.size);

  let bytes: Uint8Array | undefined;
  try {
    bytes = files.read(path);
  } catch {
    bytes = undefined;
  }
  if (bytes === undefined) {
    if (found?.kind !== "file") return notFound();
    report(diagnostic("data/src-unreadable", { path: displayPath, reason: "a file Plotline is not allowed to read" }, valueSpan));
    return undefined;
  }
  if (bytes.length > MAX_DATA_BYTES) return tooLarge(bytes.length);
  if (!format) {
    // An unknown format= is reported already; the extension does not matter then.
    if (!formatUnknown) report(diagnostic("data/src-unknown-extension", { src: written }, valueSpan));
    return undefined;
  }
  const decoded = decodeDataFile(bytes);
  if (!decoded.ok) {
    if (decoded.problem === "binary") {
      report(diagnostic("data/not-text", { path: displayPath, what: decoded.what, spreadsheet: decoded.spreadsheet }, valueSpan));
      return undefined;
    }
    const file = new SourceFile(displayPath, normalizeSource(new TextDecoder("utf-8").decode(bytes)));
    report(diagnostic("data/encoding", { src: written, detail: decoded.detail }, file.lineSpan(decoded.line)));
    return undefined;
  }
  if (decoded.encoding) report(diagnostic("data/other-encoding", { path: displayPath, encoding: decoded.encoding }, valueSpan));
  const source = replaceControlCharacters(normalizeSource(decoded.text));
  const file = new SourceFile(displayPath, source.text);
  for (const { offset, name, count, lineBreak } of source.found) {
    report(diagnostic("data/control-character", { path: displayPath, character: name, count, lineBreak }, file.span(offset, offset + 1)));
  }
  return { origin: { text: file.text, span: (start, end) => file.span(start, end), whole: valueSpan }, src: path, format };
}

/** A file inside the folder `dir`, for a hint, or a made-up one. */
function exampleInside(dir: string, files: DataFileSource): string {
  try {
    const inside = files.list().find((f) => f.startsWith(`${dir}/`));
    if (inside) return inside;
  } catch {
    // No listing: make one up.
  }
  return `${dir}/file.csv`;
}

function suggestListedFile(path: string, files: DataFileSource): string {
  let list: string[];
  try {
    list = files.list();
  } catch {
    return "";
  }
  return suggestFile(path, list);
}

// ── CSV and TSV ──────────────────────────────────────────────────────────────

function readDsv(origin: Origin, format: "csv" | "tsv", report: (d: Diagnostic) => void): RawTable | undefined {
  const parsed = parseDsv(origin.text, format === "csv" ? "," : "\t");
  if (!parsed.ok) {
    report(diagnostic("data/syntax", { format, detail: parsed.detail }, origin.span(parsed.offset, parsed.end)));
    return undefined;
  }
  // Lines with no values at all (empty, spaces, or only separators) are skipped.
  const records = parsed.records.filter((r) => r.values.some((v) => v.trim() !== ""));
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    report(diagnostic("data/empty", {}, origin.whole));
    return undefined;
  }
  const names = header.values.map((v) => v.trim());
  const headerCell = (c: number) => {
    const range = header.ranges[c];
    return range ? origin.span(range.start, range.end) : origin.span(header.start);
  };
  let headerOk = true;
  names.forEach((name, c) => {
    if (name === "") {
      report(diagnostic("data/empty-column-name", { index: c + 1 }, headerCell(c)));
      headerOk = false;
    } else if (names.indexOf(name) < c) {
      report(diagnostic("data/duplicate-column", { column: name }, headerCell(c)));
      headerOk = false;
    }
  });

  const ragged = rows.filter((r) => r.values.length !== names.length);
  ragged.slice(0, MAX_RAGGED + 1).forEach((row, i) => {
    const more = i === MAX_RAGGED ? ragged.length - MAX_RAGGED - 1 : 0;
    report(diagnostic("data/ragged-row", { expected: names.length, found: row.values.length, more }, origin.span(row.start, row.end)));
  });
  if (!headerOk) return undefined;

  return {
    kind: "table",
    names,
    // A short row's missing cells are missing values; a long row's extra cells are dropped (and reported above).
    rows: rows.map((row) => names.map((_, c) => row.values[c] ?? null)),
    cellSpan(r, c) {
      const row = rows[r];
      const range = row?.ranges[c];
      return range ? origin.span(range.start, range.end) : origin.span(row?.start ?? 0, row?.end ?? 0);
    },
  };
}

// ── JSON and YAML ────────────────────────────────────────────────────────────

/** A finder of the text range of a value (or of its key) at a path in the parsed data. */
type Locate = (path: Path, part?: "key" | "value") => { start: number; end: number } | undefined;

function readJson(origin: Origin, report: (d: Diagnostic) => void): RawTable | undefined {
  let value: unknown;
  try {
    value = JSON.parse(origin.text);
  } catch (error) {
    const scan = scanJson(origin.text);
    let offset: number;
    let detail: string;
    if (!scan.ok) {
      ({ offset, detail } = scan);
    } else {
      // Our reader found no error where V8 did: use V8's words and position.
      const message = error instanceof Error ? error.message : String(error);
      offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
      detail = message.replace(/ in JSON at position.*$/s, "").replace(/^./, (c) => c.toLowerCase());
    }
    report(diagnostic("data/syntax", { format: "json", detail }, origin.span(offset, Math.min(offset + 1, origin.text.length))));
    return undefined;
  }
  let tree: ReturnType<typeof scanJson> | undefined;
  const locate: Locate = (path, part = "value") => {
    tree ??= scanJson(origin.text);
    if (!tree.ok) return undefined;
    const found = jsonNodeAt(tree.root, path);
    if (!found) return undefined;
    if (part === "key" && found.entry) return { start: found.entry.keyStart, end: found.entry.keyEnd };
    return { start: found.node.start, end: found.node.end };
  };
  return shapeData(value, "json", origin, locate, report);
}

function readYaml(origin: Origin, report: (d: Diagnostic) => void): RawTable | undefined {
  let doc: Document.Parsed;
  let value: unknown;
  try {
    doc = parseDocument(origin.text, editorYamlOptions);
    const error = doc.errors[0];
    if (error) {
      const problem = starredValue(error.pos[0], origin.text) ?? explainYamlError(error, origin.text);
      report(diagnostic("data/syntax", { format: "yaml", detail: problem.detail }, origin.span(problem.start, problem.end)));
      return undefined;
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const problem = yamlValueProblem(error, origin.text);
    report(diagnostic("data/syntax", { format: "yaml", detail: problem.detail }, origin.span(problem.start, problem.end)));
    return undefined;
  }
  const locate: Locate = (path, part = "value") => {
    const last = path[path.length - 1];
    if (part === "key" && typeof last === "string") {
      const parent = nodeAt(doc.contents, path.slice(0, -1));
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === last);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return { start: range[0], end: range[1] };
      }
    }
    const node = path.length === 0 ? (doc.contents as Node | null) : nodeAt(doc.contents, path);
    return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
  };
  return shapeData(value, "yaml", origin, locate, report);
}

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
function shapeData(value: unknown, format: "json" | "yaml", origin: Origin, locate: Locate, report: (d: Diagnostic) => void): RawTable | undefined {
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

// ── Typing ───────────────────────────────────────────────────────────────────

function shown(value: RawValue): string {
  const text = typeof value === "string" ? value.trim() : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function typeTable(
  raw: RawTable,
  types: TypeSpec[],
  markers: MissingMarkers,
  report: (d: Diagnostic) => void,
): { columns: DataColumn[]; rows: Row[]; values?: Record<string, Cell>; valueColumns?: Record<string, DataColumn> } {
  const known = raw.kind === "table" ? raw.names : [...raw.names, "name", "value"];
  const forced = new Map<string, TypeChoice>();
  for (const spec of types) {
    if (known.includes(spec.column)) forced.set(spec.column, spec.choice);
    else report(diagnostic("data/type-unknown-column", { column: spec.column, suggestion: didYouMean(spec.column, known) }, spec.span));
  }
  const reportBad = (column: string, type: ColumnType, bad: number[], valueAt: (i: number) => RawValue, spanAt: (i: number) => SourceSpan) => {
    const format = forced.get(column)?.format;
    for (const i of bad.slice(0, MAX_BAD_VALUES)) {
      report(diagnostic("data/bad-typed-value", { column, type, value: shown(valueAt(i)), ...(format === undefined ? {} : { format }) }, spanAt(i)));
    }
  };
  // Cells read as missing because of a marker: one note for the whole block, at the first such cell.
  const missingCounts: { column: string; count: number }[] = [];
  const markersSeen = new Set<string>();
  let firstMissing: { row: number; column: number } | undefined;
  const noteMissing = (column: string, missing: number[], cell: (i: number) => { row: number; column: number }, valueAt: (i: number) => RawValue) => {
    if (missing.length === 0) return;
    missingCounts.push({ column, count: missing.length });
    for (const i of missing) markersSeen.add(shown(valueAt(i)));
    const first = cell(missing[0]!);
    if (!firstMissing || first.row < firstMissing.row || (first.row === firstMissing.row && first.column < firstMissing.column)) firstMissing = first;
  };
  const reportMissing = () => {
    if (markers.explicit || !firstMissing) return;
    report(diagnostic("data/missing-values", { columns: missingCounts, markers: [...markersSeen] }, raw.cellSpan(firstMissing.row, firstMissing.column)));
  };

  if (raw.kind === "table") {
    const typed = raw.names.map((name, c) => {
      const values = raw.rows.map((row) => row[c] ?? null);
      const column = typeColumn(name, values, forced.get(name), markers);
      reportBad(name, column.column.type, column.bad, (r) => raw.rows[r]?.[c] ?? null, (r) => raw.cellSpan(r, c));
      noteMissing(name, column.missing, (r) => ({ row: r, column: c }), (r) => values[r] ?? null);
      if (column.column.type === "string" && !forced.has(name)) {
        // Markers are not what keeps the column text: the warning points at the other texts.
        const miss = nearMiss(name, values.map((v) => (typeof v === "string" && markers.texts.has(v.trim()) ? null : v)));
        const first = miss?.misfits[0];
        if (miss && first !== undefined) {
          const value = shown(values[first] ?? null);
          report(diagnostic("data/mixed-column", { column: name, type: miss.type, value, cells: miss.misfits.length }, raw.cellSpan(first, c)));
        }
      }
      return column;
    });
    reportMissing();
    const rows = raw.rows.map((_, r) => Object.fromEntries(raw.names.map((name, c) => [name, typed[c]?.cells[r] ?? null])) as Row);
    return { columns: typed.map((t) => t.column), rows };
  }

  // Named values: each is typed on its own, as a column named after it; the name/value table by the column rules.
  const values = raw.rows[0] ?? [];
  const named = raw.names.map((name, i) => {
    const one = typeColumn(name, [values[i] ?? null], forced.get(name), markers);
    reportBad(name, one.column.type, one.bad, () => values[i] ?? null, () => raw.cellSpan(0, i));
    noteMissing(name, one.missing, () => ({ row: 0, column: i }), () => values[i] ?? null);
    return [name, one.cells[0] ?? null, one.column] as const;
  });
  reportMissing();
  const nameColumn = typeColumn("name", raw.names, forced.get("name") ?? "string");
  const valueColumn = typeColumn("value", values, forced.get("value"), markers);
  reportBad("value", valueColumn.column.type, valueColumn.bad, (i) => values[i] ?? null, (i) => raw.cellSpan(0, i));
  return {
    columns: [nameColumn.column, valueColumn.column],
    rows: raw.names.map((_, i) => ({ name: nameColumn.cells[i] ?? null, value: valueColumn.cells[i] ?? null })),
    values: Object.fromEntries(named.map(([name, cell]) => [name, cell])),
    valueColumns: Object.fromEntries(named.map(([name, , column]) => [name, column])),
  };
}
