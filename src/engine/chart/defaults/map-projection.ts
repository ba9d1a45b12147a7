import type { DataTable } from "../../data/data-table.ts";
import type { ChartSpec, JsonValue } from "../spec/chart-spec.ts";
import { mapShapesId } from "../spec/map-shapes-id.ts";

/** Shapes spanning more than this many degrees of longitude (or half of it in latitude) are "the world". */
const WORLD_DEGREES = 180;

/**
 * Plot draws a map with no projection on x and y scales of degrees, stretched to the chart's frame,
 * so a chart drawing shapes gets a projection: albers-usa for the base maps of the United States (Alaska and Hawaii moved
 * in), equal-earth for shapes spanning the world, else mercator fitted to the shapes (a city, a country,
 * a region), which keeps their outlines as readers know them from web maps.
 */
export function withMapProjection(spec: ChartSpec, tables: ReadonlyMap<string, DataTable>): ChartSpec {
  if (spec.options["projection"] !== undefined) return spec;
  const id = mapShapesId(spec, tables);
  const shapes = id === undefined ? undefined : tables.get(id)?.shapes;
  if (!shapes) return spec;
  return { ...spec, options: { ...spec.options, projection: projectionFor(id!, shapes) } };
}

function projectionFor(id: string, shapes: NonNullable<DataTable["shapes"]>): JsonValue {
  if (shapes.basemap?.startsWith("us/")) return "albers-usa";
  const [[west, south], [east, north]] = shapes.bounds;
  // Bounds crossing the antimeridian run from west to east the long way round.
  const longitudes = east >= west ? east - west : east + 360 - west;
  if (longitudes > WORLD_DEGREES || north - south > WORLD_DEGREES / 2) return "equal-earth";
  return { type: "mercator", domain: id };
}
