import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isoCountries } from "./iso-countries.ts";
import type { Topology } from "topojson-specification";
import { readShapes, type ReadShapes } from "./read-shapes.ts";

/**
 * The base maps Plotline ships, named by `basemap=`: the shapes of world-atlas and us-atlas (Natural
 * Earth and the US Census Bureau's cartographic boundaries, in longitude/latitude), installed with the
 * project, so editors never copy map files by hand. No map of China's provinces is shipped: publications
 * in China must use an officially approved map (see docs/authoring.md, "Maps").
 */
export interface Basemap {
  package: "world-atlas" | "us-atlas";
  file: string;
  object: string;
  /** What editors are told the map is. */
  description: string;
}

export const BASEMAPS: Readonly<Record<string, Basemap>> = {
  "world/countries": { package: "world-atlas", file: "countries-110m.json", object: "countries", description: "the world's countries (1:110 million)" },
  "world/countries-50m": { package: "world-atlas", file: "countries-50m.json", object: "countries", description: "the world's countries (1:50 million, more detail)" },
  "world/land": { package: "world-atlas", file: "land-110m.json", object: "land", description: "the world's land as one shape (1:110 million)" },
  "world/land-50m": { package: "world-atlas", file: "land-50m.json", object: "land", description: "the world's land as one shape (1:50 million)" },
  "us/states": { package: "us-atlas", file: "states-10m.json", object: "states", description: "the 50 US states, DC and territories" },
  "us/counties": { package: "us-atlas", file: "counties-10m.json", object: "counties", description: "the 3,000+ US counties" },
  "us/nation": { package: "us-atlas", file: "nation-10m.json", object: "nation", description: "the United States as one shape" },
};

export const basemapNames = Object.keys(BASEMAPS);

/** US states' two-letter postal codes by FIPS code (us-atlas gives the FIPS code as a state's id). */
const postalOfFips: Readonly<Record<string, string>> = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC", "12": "FL",
  "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME",
  "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
  "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI",
  "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
};

const require = createRequire(import.meta.url);
const loaded = new Map<string, ReadShapes>();
const topologies = new Map<string, Topology>();

function topologyOf(map: Basemap): Topology {
  const key = `${map.package}/${map.file}`;
  let topology = topologies.get(key);
  if (!topology) {
    topology = JSON.parse(readFileSync(require.resolve(key), "utf8")) as Topology;
    topologies.set(key, topology);
  }
  return topology;
}

/**
 * A base map's shapes and their columns, read once per process (an archive's stories share them):
 * - world/countries: id (ISO 3166 numeric, "250"), iso3 ("FRA"), iso2 ("FR"), name (Natural Earth's,
 *   "France", "Dem. Rep. Congo"), name_zh (the Chinese name, "法国").
 * - world/land: no columns. us/states: id (FIPS, "06"), postal ("CA"), name. us/counties: id (FIPS,
 *   "06037"), name ("Los Angeles"), state ("California"). us/nation: id.
 */
export function readBasemap(name: string): ReadShapes | undefined {
  const map = BASEMAPS[name];
  if (!map) return undefined;
  let shapes = loaded.get(name);
  if (!shapes) {
    const topology = topologyOf(map);
    const read = readShapes(topology, "topojson", map.object);
    if (!("shapes" in read)) throw new Error(`the base map ${name} could not be read: ${read.detail}`);
    shapes = withExtraColumns(name, read, topology);
    loaded.set(name, shapes);
  }
  return shapes;
}

function withExtraColumns(name: string, read: ReadShapes, topology: Topology): ReadShapes {
  const column = (n: string) => read.names.indexOf(n);
  const idAt = column("id");
  const nameAt = column("name");
  const idOf = (row: readonly unknown[]) => (idAt >= 0 && typeof row[idAt] === "string" ? (row[idAt] as string) : undefined);
  if (name.startsWith("world/countries")) {
    const zh = new Intl.DisplayNames(["zh-CN"], { type: "region" });
    const countries = isoCountries();
    const rows = read.rows.map((row) => {
      const id = idOf(row);
      const iso2 = id ? countries.numericToAlpha2(id) : undefined;
      const iso3 = id ? countries.numericToAlpha3(id) : undefined;
      return [id ?? null, iso3 ?? null, iso2 ?? null, row[nameAt] ?? null, iso2 ? zh.of(iso2) ?? null : null];
    });
    return { ...read, names: ["id", "iso3", "iso2", "name", "name_zh"], rows, pathOf: () => undefined };
  }
  if (name === "us/states") {
    const rows = read.rows.map((row) => [idOf(row) ?? null, postalOfFips[idOf(row) ?? ""] ?? null, row[nameAt] ?? null]);
    return { ...read, names: ["id", "postal", "name"], rows, pathOf: () => undefined };
  }
  if (name === "us/counties") {
    const states = new Map<string, string>();
    const stateObject = topology.objects["states"];
    if (stateObject?.type === "GeometryCollection") {
      for (const state of stateObject.geometries) if (typeof state.id === "string") states.set(state.id, String((state.properties as Record<string, unknown> | undefined)?.["name"] ?? ""));
    }
    const rows = read.rows.map((row) => [idOf(row) ?? null, row[nameAt] ?? null, states.get((idOf(row) ?? "").slice(0, 2)) ?? null]);
    return { ...read, names: ["id", "name", "state"], rows, pathOf: () => undefined };
  }
  return { ...read, pathOf: () => undefined };
}
