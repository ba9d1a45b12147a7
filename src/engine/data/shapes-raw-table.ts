import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { Origin } from "./data-origin.ts";
import type { RawTable } from "./raw-table.ts";
import type { Locate } from "./shape-data.ts";
import { readShapes, type ReadShapes, type ShapesProblem } from "../geo/read-shapes.ts";
import type { RowShape } from "../geo/row-shape.ts";

/** Shapes read into a table to type: their properties as columns, and each row's shape. */
export interface ShapesTable {
  raw: RawTable;
  shapes: RowShape[];
}

/** A ReadShapes as a raw table whose cells point into the file (or at `whole` where they cannot). */
export function shapesRawTable(read: ReadShapes, at: (path: readonly (string | number)[] | undefined) => SourceSpan): ShapesTable {
  const raw: RawTable = { kind: "table", names: read.names, rows: read.rows, cellSpan: (row, column) => at(read.pathOf(row, read.names[column] ?? "")) };
  return { raw, shapes: read.shapes };
}

/**
 * Reads parsed GeoJSON or TopoJSON (`object`: the TopoJSON object named by object=) into a table of
 * shapes; what is wrong with it is reported at its place in the file, or at object=.
 */
export function readShapesValue(
  value: unknown,
  format: "geojson" | "topojson",
  object: { name: string; span: SourceSpan } | undefined,
  origin: Origin,
  locate: Locate,
  report: (d: Diagnostic) => void,
): ShapesTable | undefined {
  const at = (path: readonly (string | number)[] | undefined) => {
    const range = path && locate(path);
    return range ? origin.span(range.start, range.end) : origin.whole;
  };
  const read = readShapes(value, format, object?.name);
  if ("shapes" in read) return shapesRawTable(read, at);
  reportShapesProblem(read, format, object?.span ?? at(read.path), at(read.path), report);
  return undefined;
}

export function reportShapesProblem(problem: ShapesProblem, format: string, objectSpan: SourceSpan, span: SourceSpan, report: (d: Diagnostic) => void): void {
  const name = format === "geojson" ? "GeoJSON" : format === "topojson" ? "TopoJSON" : format.toUpperCase();
  switch (problem.problem) {
    case "no-object":
      report(diagnostic("map/choose-object", { objects: problem.objects ?? [] }, objectSpan));
      return;
    case "unknown-object":
      report(diagnostic("map/unknown-object", { object: problem.detail, objects: problem.objects ?? [], suggestion: didYouMean(problem.detail, problem.objects ?? []) }, objectSpan));
      return;
    case "not-degrees":
      report(diagnostic("map/not-degrees", { detail: problem.detail }, span));
      return;
    case "empty":
      report(diagnostic("data/empty", {}, span));
      return;
    default:
      report(diagnostic("map/not-shapes", { format: name, detail: problem.detail }, span));
  }
}
