import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { MAX_DATA_BYTES, megabytes } from "../limits.ts";
import type { DataFileSource } from "./data-file-source.ts";
import { DATA_FORMATS, isSqlFormat, readFormat, type DataFormat } from "./data-format.ts";
import { isDataId, suggestId } from "./data-id.ts";
import type { Origin } from "./data-origin.ts";
import type { DataTable } from "./data-table.ts";
import { openSrc } from "./open-src.ts";
import type { StoryQueries } from "./query-results.ts";
import { readDsv } from "./read-dsv.ts";
import { parseJson } from "./read-json.ts";
import { shapeData } from "./shape-data.ts";
import { readBasemapBlock } from "./read-basemap-block.ts";
import { attachShape } from "../geo/row-shape.ts";
import { shapesFormatOf } from "../geo/read-shapes.ts";
import { readShapesValue, type ShapesTable } from "./shapes-raw-table.ts";
import type { RawTable } from "./raw-table.ts";
import { readMissing } from "./read-missing-attribute.ts";
import { columnsNamedInTypes, readTypes } from "./read-types-attribute.ts";
import { readYaml } from "./read-yaml.ts";
import { retypeQueryResult } from "./retype-query-result.ts";
import { typeTable } from "./type-table.ts";
import { warnIfLarge } from "./warn-if-large.ts";
import { lazyExtent } from "../geo/union-bounds.ts";

export interface ParsedDataBlock {
  table?: DataTable;
  diagnostics: Diagnostic[];
  /** Where a row of a table read from text is (its first cell), for messages about whole rows (joins). */
  rowSpan?: (row: number) => SourceSpan;
}

/**
 * Reads one ```data block: its attributes, its body or its src= file, in its format, into a typed
 * table (see infer-column-types.ts for the typing rules). Every problem becomes a diagnostic that
 * points at the attribute, line or cell concerned, in the story or in the data file. The table is
 * returned unless an error leaves nothing sensible to hand to charts (then the build fails anyway).
 * Duplicate ids across blocks are checked by the caller.
 */
export function parseDataBlock(block: StoryBlock, files: DataFileSource, queries?: StoryQueries): ParsedDataBlock {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  let usable = true;

  const id = block.attribute("id");
  if (id === undefined) {
    report(diagnostic("data/missing-id", {}, block.fenceSpan));
    usable = false;
  } else if (!isDataId(id)) {
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
    return { table: retypeQueryResult({ ...result.table, id }, readTypes(block, report), report), diagnostics };
  }

  let format: DataFormat | undefined;
  let formatOk = true;
  if (block.attributes.has("format")) {
    const written = block.attribute("format") ?? "";
    format = readFormat(written);
    if (!format) {
      formatOk = false;
      report(
        diagnostic("data/unknown-format", { format: written, suggestion: didYouMean(written.toLowerCase(), DATA_FORMATS) }, block.attributeSpan("format", "value")),
      );
    }
  }

  const types = readTypes(block, report);
  const markers = readMissing(block, report);

  // A base map Plotline ships (geo/basemaps.ts) instead of a file or rows.
  if (block.attributes.has("basemap")) {
    const basemap = readBasemapBlock(block, types, report);
    if (!basemap || !usable || id === undefined) return { diagnostics };
    const table = shapesDataTable(id, basemap.shapes, typeTable(basemap.shapes.raw, basemap.types, markers, report));
    table.shapes!.basemap = basemap.name;
    return { table, diagnostics };
  }

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

  let raw: RawTable | undefined;
  let shapes: ShapesTable | undefined;
  if (format === "csv" || format === "tsv") raw = readDsv(origin, format, report);
  else if (format === "yaml") raw = readYaml(origin, report);
  else {
    // JSON, and GeoJSON or TopoJSON (also when a .json file holds them: it says so itself).
    const parsed = parseJson(origin, report);
    if (!parsed) return { diagnostics };
    const shapesFormat = format === "json" ? shapesFormatOf(parsed.value) : format;
    if (shapesFormat) {
      const object = block.attributes.has("object") ? { name: block.attribute("object") ?? "", span: block.attributeSpan("object", "value") } : undefined;
      if (object && shapesFormat !== "topojson") report(diagnostic("map/object-without-topojson", { format: "GeoJSON" }, block.attributeSpan("object")));
      shapes = readShapesValue(parsed.value, shapesFormat, shapesFormat === "topojson" ? object : undefined, origin, parsed.locate, report);
      raw = shapes?.raw;
    } else {
      raw = shapeData(parsed.value, "json", origin, parsed.locate, report);
    }
  }
  if (!raw) return { diagnostics };
  if (!shapes && block.attributes.has("object")) report(diagnostic("map/object-without-topojson", { format: format.toUpperCase() }, block.attributeSpan("object")));
  if (src === undefined && !shapes) warnIfLarge(block, raw, format, origin.text, report);

  const typed = typeTable(raw, types, markers, report, columnsNamedInTypes(block));
  if (!usable || id === undefined) return { diagnostics };
  if (shapes) return { table: withSrc(shapesDataTable(id, shapes, typed), src), diagnostics };
  const table: DataTable = { id, kind: raw.kind, columns: typed.columns, rows: typed.rows };
  if (typed.values) table.values = typed.values;
  if (typed.valueColumns) table.valueColumns = typed.valueColumns;
  if (src !== undefined) table.src = src;
  const read = raw;
  if (read.kind === "table") return { table, diagnostics, rowSpan: (row) => read.cellSpan(row, 0) };
  return { table, diagnostics };
}

/** A table of shapes: the typed properties, each row carrying its shape (geo/row-shape.ts). */
function shapesDataTable(id: string, shapes: ShapesTable, typed: ReturnType<typeof typeTable>): DataTable {
  typed.rows.forEach((row, i) => attachShape(row, shapes.shapes[i]!));
  return { id, kind: "table", columns: typed.columns, rows: typed.rows, shapes: lazyExtent(shapes.shapes) };
}

const withSrc = (table: DataTable, src: string | undefined): DataTable => (src === undefined ? table : { ...table, src });
