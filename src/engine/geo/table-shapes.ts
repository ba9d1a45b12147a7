import type { Geometry } from "geojson";
import { geoArea, geoBounds } from "d3";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryObject, Topology } from "topojson-specification";
import type { RowShape } from "./row-shape.ts";

/**
 * The smallest triangle (in square pixels) a point of a shape's outline must make with its neighbours
 * to be kept (Visvalingam's measure, topojson-simplify): smaller wiggles are invisible at the size drawn
 * and only weigh. One square pixel keeps every coast and border a reader can see (checked at 2× zoom).
 */
export const MIN_AREA_PX = 1;

/** Simplified detail levels are kept per power of two of pixels-per-degree: a handful per table. */
const levelOf = (pixelsPerDegree: number) => 2 ** Math.round(Math.log2(pixelsPerDegree));

/**
 * The shapes of one table's rows, from one topology (shared borders are one arc, so neighbours stay
 * joined when simplified). Simplified lazily, once per detail level, for all rows together.
 */
export function rowShapes(topology: Topology, objects: readonly GeometryObject<object>[]): RowShape[] {
  const weighted = presimplify(topology as Parameters<typeof presimplify>[0]);
  const levels = new Map<number, (Geometry | null)[]>();
  const geometriesAt = (pixelsPerDegree: number | undefined): (Geometry | null)[] => {
    const level = pixelsPerDegree === undefined || !Number.isFinite(pixelsPerDegree) || pixelsPerDegree <= 0 ? 0 : levelOf(pixelsPerDegree);
    let geometries = levels.get(level);
    if (!geometries) {
      // presimplify weighs points by planar area in the topology's coordinates (degrees).
      const simplified = level === 0 ? weighted : simplify(weighted, MIN_AREA_PX / (level * level));
      geometries = objects.map((object) => geometryOf(simplified, object));
      levels.set(level, geometries);
    }
    return geometries;
  };
  return objects.map((object, index) => {
    let bounds: [[number, number], [number, number]] | undefined;
    return {
      geometryAt: (pixelsPerDegree) => geometriesAt(pixelsPerDegree)[index] ?? null,
      get bounds() {
        if (!bounds) {
          const geometry = geometriesAt(undefined)[index];
          bounds = geometry ? (geoBounds(geometry) as [[number, number], [number, number]]) : [[0, 0], [0, 0]];
        }
        return bounds;
      },
    };
  });
}

function geometryOf(topology: Topology, object: GeometryObject<object>): Geometry | null {
  if (object.type === null) return null;
  const found = feature(topology, object);
  return "geometry" in found && found.geometry ? windClockwise(found.geometry) : null;
}

/**
 * d3 draws a polygon's outer ring clockwise; GeoJSON files written to RFC 7946 (QGIS, mapshaper, most
 * converters) go the other way, which d3 reads as "everything but this shape" and fills the whole map.
 * A polygon covering more than half the globe is such a ring: it is turned round.
 */
function windClockwise(geometry: Geometry): Geometry {
  const fix = (rings: number[][][]): number[][][] => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings);
  if (geometry.type === "Polygon") return { ...geometry, coordinates: fix(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { ...geometry, coordinates: geometry.coordinates.map(fix) };
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: geometry.geometries.map(windClockwise) };
  return geometry;
}
