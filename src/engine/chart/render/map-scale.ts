import { isJsonObject, projectionDomainId, type ChartSpec } from "../spec/chart-spec.ts";
import { shapeOf } from "../../geo/row-shape.ts";
import { unionBounds } from "../../geo/union-bounds.ts";

/** The projection a chart names (`projection: albers-usa` or `projection: {type: …}`), if any. */
export function projectionType(spec: ChartSpec): string | undefined {
  const projection = spec.options["projection"];
  if (typeof projection === "string") return projection;
  return isJsonObject(projection) && typeof projection["type"] === "string" ? projection["type"] : undefined;
}

/** How wide the contiguous United States is in degrees of longitude, as albers-usa draws it (its fixed extent). */
const ALBERS_USA_DEGREES = 58;

/**
 * About how many pixels a degree is drawn at, to simplify shapes to what shows (table-shapes.ts): the
 * map's width over the degrees it spans (the projection's domain when it names data, the contiguous US
 * for albers-usa, else the whole globe, which Plot fits by default).
 */
export function pixelsPerDegree(spec: ChartSpec, rowsOf: (id: string) => readonly unknown[] | undefined, width: number): number {
  const domain = projectionDomainId(spec);
  let degrees = projectionType(spec) === "albers-usa" ? ALBERS_USA_DEGREES : 360;
  const domainRows = domain === undefined ? undefined : rowsOf(domain);
  if (domainRows) {
    const [[west, south], [east, north]] = unionBounds(domainRows.map(shapeOf));
    degrees = Math.max(east - west, north - south, 0.01);
  }
  return width / degrees;
}
