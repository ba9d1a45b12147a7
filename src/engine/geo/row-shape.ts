import type { Geometry } from "geojson";

/**
 * A row of a shapes table (a GeoJSON or TopoJSON feature, or a base map's) carries its shape under this
 * key. A symbol, so the shape is never a column: CSV, data tables, tips and JSON never see it, while a
 * copy of the row (`{...row}`, as derived columns make) keeps it. Shared by the build and the browser.
 */
export const SHAPE: unique symbol = Symbol.for("plotline.shape");

/**
 * A row's shape. `pixelsPerDegree` is how large a degree is drawn: the build simplifies the shape to
 * what that scale can show (table-shapes.ts); the browser's shapes come simplified already.
 */
export interface RowShape {
  geometryAt(pixelsPerDegree?: number): Geometry | null;
  /** The shape's extent in degrees, [[west, south], [east, north]]; only known in the build. */
  readonly bounds?: [[number, number], [number, number]];
}

export const shapeOf = (row: unknown): RowShape | undefined =>
  typeof row === "object" && row !== null ? (row as { [SHAPE]?: RowShape })[SHAPE] : undefined;

/** Gives a row its shape (the row is changed). */
export function attachShape<T extends object>(row: T, shape: RowShape): T {
  Object.defineProperty(row, SHAPE, { value: shape, enumerable: true, configurable: true, writable: true });
  return row;
}

/** Rows that are all shapes (the first tells, since a shapes table gives every row one). */
export const hasShapes = (rows: readonly unknown[] | undefined): boolean => rows !== undefined && rows.length > 0 && shapeOf(rows[0]) !== undefined;
