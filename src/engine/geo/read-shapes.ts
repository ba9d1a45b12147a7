import type { Feature, GeoJsonObject, Geometry } from "geojson";
import { topology as toTopology } from "topojson-server";
import type { GeometryCollection, GeometryObject as AnyGeometryObject, Topology } from "topojson-specification";
/** A property value a column can hold (what data/infer-column-types.ts types). */
type RawValue = string | number | boolean | null;
import type { RowShape } from "./row-shape.ts";
import { rowShapes } from "./table-shapes.ts";

/** A TopoJSON geometry with the properties files give it (any named values). */
type GeometryObject = AnyGeometryObject<Record<string, unknown>>;

/** Where a value is in the parsed file, for positions in messages. */
export type ShapePath = readonly (string | number)[];

/** Shapes read from GeoJSON or TopoJSON: their properties as a raw table, and one shape per row. */
export interface ReadShapes {
  /** Column names: `id` first when features have ids, then the properties in the order first met. */
  names: string[];
  rows: RawValue[][];
  /** Where row r's property `name` is in the file (undefined for `id` or a property a feature lacks). */
  pathOf(row: number, name: string): ShapePath | undefined;
  shapes: RowShape[];
}

/** Why a value is not shapes Plotline can draw; `path` is where to point. */
export interface ShapesProblem {
  problem: "not-shapes" | "no-object" | "unknown-object" | "not-degrees" | "empty";
  detail: string;
  path: ShapePath;
  /** For "unknown-object" and "no-object": the objects the topology has. */
  objects?: string[];
}

const geometryTypes = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]);

/** Whether a parsed JSON value is GeoJSON or TopoJSON (what `format=json` files holding shapes are read as). */
export function shapesFormatOf(value: unknown): "geojson" | "topojson" | undefined {
  const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  if (type === "Topology") return "topojson";
  if (type === "FeatureCollection" || type === "Feature" || (typeof type === "string" && geometryTypes.has(type))) return "geojson";
  return undefined;
}

/**
 * Reads GeoJSON (a FeatureCollection, a Feature or a geometry) or a TopoJSON object (`object`: its name;
 * optional when the topology has one) into shapes. GeoJSON is made a topology first, so borders two
 * shapes share are simplified once and the shapes stay joined.
 */
export function readShapes(value: unknown, format: "geojson" | "topojson", object?: string): ReadShapes | ShapesProblem {
  if (format === "topojson") return readTopology(value, object);
  const found = shapesFormatOf(value);
  if (found !== "geojson") {
    return { problem: "not-shapes", detail: found === "topojson" ? "TopoJSON, not GeoJSON (use format=topojson)" : describeTop(value), path: [] };
  }
  const geojson = value as GeoJsonObject;
  const features: Feature[] =
    geojson.type === "FeatureCollection"
      ? ((geojson as { features?: unknown }).features as Feature[])
      : geojson.type === "Feature"
        ? [geojson as Feature]
        : [{ type: "Feature", geometry: geojson as Geometry, properties: {} }];
  if (!Array.isArray(features)) return { problem: "not-shapes", detail: 'a FeatureCollection without a list of "features"', path: [] };
  const inCollection = geojson.type === "FeatureCollection";
  const featurePath = (i: number): ShapePath => (inCollection ? ["features", i] : []);
  for (const [i, item] of features.entries()) {
    const bad = badFeature(item);
    if (bad) return { problem: "not-shapes", detail: `feature ${i + 1} ${bad}`, path: featurePath(i) };
  }
  if (features.length === 0) return { problem: "empty", detail: "the FeatureCollection has no features", path: [] };
  const degrees = outsideDegrees(features);
  if (degrees) return { problem: "not-degrees", detail: degrees.detail, path: [...featurePath(degrees.feature), "geometry"] };
  let topology: Topology;
  try {
    topology = toTopology({ shapes: { type: "FeatureCollection", features } as GeoJSON.FeatureCollection });
  } catch (error) {
    return { problem: "not-shapes", detail: `its coordinates cannot be read (${error instanceof Error ? error.message : String(error)})`, path: [] };
  }
  const collection = topology.objects["shapes"] as GeometryCollection;
  return fromObjects(topology, collection.geometries as GeometryObject[], (i, name) => (name === "id" && !hasOwnProperty(features[i], name) ? undefined : [...featurePath(i), "properties", name]));
}

function readTopology(value: unknown, object: string | undefined): ReadShapes | ShapesProblem {
  if (shapesFormatOf(value) !== "topojson") {
    return { problem: "not-shapes", detail: shapesFormatOf(value) === "geojson" ? "GeoJSON, not TopoJSON (use format=geojson)" : describeTop(value), path: [] };
  }
  const topology = value as Topology;
  const objects = topology.objects;
  if (typeof objects !== "object" || objects === null || !Array.isArray(topology.arcs)) {
    return { problem: "not-shapes", detail: 'a Topology without "objects" and "arcs"', path: [] };
  }
  const names = Object.keys(objects);
  if (names.length === 0) return { problem: "empty", detail: "the topology has no objects", path: ["objects"] };
  if (object === undefined && names.length > 1) return { problem: "no-object", detail: "", path: ["objects"], objects: names };
  const name = object ?? names[0]!;
  const chosen = objects[name];
  if (!chosen) return { problem: "unknown-object", detail: name, path: ["objects"], objects: names };
  const geometries = (chosen.type === "GeometryCollection" ? (chosen as GeometryCollection).geometries : [chosen]) as GeometryObject[];
  if (geometries.length === 0) return { problem: "empty", detail: `the object "${name}" has no shapes`, path: ["objects", name] };
  const inCollection = chosen.type === "GeometryCollection";
  return fromObjects(topology, geometries, (i, property) => {
    const base = inCollection ? ["objects", name, "geometries", i] : ["objects", name];
    return property === "id" && !hasOwnProperty(geometries[i]?.properties, "id") ? [...base, "id"] : [...base, "properties", property];
  });
}

function fromObjects(topology: Topology, objects: readonly GeometryObject[], pathOf: ReadShapes["pathOf"]): ReadShapes {
  const names: string[] = [];
  const seen = new Set<string>();
  const nested = new Set<string>();
  const hasId = objects.some((o) => o.id !== undefined && o.id !== null);
  if (hasId) {
    names.push("id");
    seen.add("id");
  }
  for (const object of objects) {
    for (const [key, value] of Object.entries(object.properties ?? {})) {
      if (value !== null && typeof value === "object") nested.add(key);
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  // Lists and nested objects are not values a column can hold: such properties are left out.
  const columns = names.filter((name) => !nested.has(name));
  const rows = objects.map((object) =>
    columns.map((name): RawValue => {
      const value = name === "id" && hasId && !hasOwnProperty(object.properties, "id") ? object.id : (object.properties as Record<string, unknown> | undefined)?.[name];
      if (value === undefined || value === null) return null;
      if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
      return typeof value === "string" || typeof value === "boolean" ? value : null;
    }),
  );
  const shapes = rowShapes(topology, objects);
  return { names: columns, rows, pathOf, shapes };
}

const hasOwnProperty = (value: unknown, key: string): boolean => typeof value === "object" && value !== null && Object.hasOwn(value, key);

function describeTop(value: unknown): string {
  if (Array.isArray(value)) return "a list, not GeoJSON or TopoJSON";
  if (typeof value !== "object" || value === null) return "not GeoJSON or TopoJSON";
  const type = (value as { type?: unknown }).type;
  return type === undefined ? 'an object without a "type" (GeoJSON has "type": "FeatureCollection")' : `an object of type ${JSON.stringify(type)}, not GeoJSON or TopoJSON`;
}

/** Why an item of "features" is not a GeoJSON feature, or undefined when it is one. */
function badFeature(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return "is not an object";
  const { type, geometry, properties } = item as { type?: unknown; geometry?: unknown; properties?: unknown };
  if (type !== "Feature") return `has "type": ${JSON.stringify(type ?? null)} where GeoJSON has "Feature"`;
  if (properties !== undefined && properties !== null && (typeof properties !== "object" || Array.isArray(properties))) return 'has "properties" that are not named values';
  if (geometry === null) return undefined;
  if (typeof geometry !== "object" || geometry === undefined) return 'has no "geometry"';
  const geometryType = (geometry as { type?: unknown }).type;
  if (typeof geometryType !== "string" || !geometryTypes.has(geometryType)) return `has a geometry of type ${JSON.stringify(geometryType ?? null)}`;
  if (geometryType !== "GeometryCollection" && !Array.isArray((geometry as { coordinates?: unknown }).coordinates)) return 'has a geometry without "coordinates"';
  return undefined;
}

/** The first feature with a coordinate that is not longitude/latitude in degrees (a projected file, in metres). */
function outsideDegrees(features: readonly Feature[]): { feature: number; detail: string } | undefined {
  for (const [i, feature] of features.entries()) {
    let found: number[] | undefined;
    const visit = (coordinates: unknown): void => {
      if (found || !Array.isArray(coordinates)) return;
      if (typeof coordinates[0] === "number") {
        const [x, y] = coordinates as number[];
        if (!(Math.abs(x!) <= 180.0001 && Math.abs(y!) <= 90.0001)) found = coordinates as number[];
        return;
      }
      for (const item of coordinates) visit(item);
    };
    const geometries = (g: Geometry | null | undefined): Geometry[] => (!g ? [] : g.type === "GeometryCollection" ? g.geometries.flatMap(geometries) : [g]);
    for (const g of geometries(feature.geometry)) visit((g as { coordinates?: unknown }).coordinates);
    if (found) return { feature: i, detail: `feature ${i + 1} has the point [${found.slice(0, 2).join(", ")}]` };
  }
  return undefined;
}
