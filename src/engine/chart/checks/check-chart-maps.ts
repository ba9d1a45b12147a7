import type { StoryData } from "../../data/story-data.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { didYouMean, suggestion as suggest } from "../../diagnostics/did-you-mean.ts";
import { type ChartSpec, type JsonValue, type MarkSpec, type SpecPath, isJsonObject, markDataId } from "../spec/chart-spec.ts";
import type { SpecLocator } from "../spec/parse-chart-spec.ts";

/** Plot's named projections (Plot's projection.js). */
export const projectionNames = [
  "equirectangular", "orthographic", "stereographic", "mercator", "transverse-mercator", "azimuthal-equal-area",
  "azimuthal-equidistant", "gnomonic", "conic-conformal", "conic-equal-area", "conic-equidistant", "equal-earth",
  "albers", "albers-usa", "identity", "reflect-y",
] as const;

const isNumber = (value: JsonValue | undefined) => typeof value === "number" && Number.isFinite(value);
const numbers = (value: JsonValue, lengths: readonly number[]) => Array.isArray(value) && lengths.includes(value.length) && value.every(isNumber);

/** What each option of `projection: {…}` takes, said as the message says it; a value it fails is reported. */
const projectionOptions: Readonly<Record<string, { expected: string; fits: (value: JsonValue) => boolean }>> = {
  type: { expected: "the name of a projection, such as equal-earth", fits: (v) => typeof v === "string" || v === null },
  domain: { expected: "the id of a data block of shapes, to fit the map to them", fits: (v) => typeof v === "string" },
  rotate: { expected: "a list of two or three numbers in degrees, [longitude, latitude] or [longitude, latitude, roll], such as [-10, 0]", fits: (v) => numbers(v, [2, 3]) },
  parallels: { expected: "a list of two latitudes in degrees, such as [29.5, 45.5]", fits: (v) => numbers(v, [2]) },
  precision: { expected: "a number", fits: isNumber },
  clip: { expected: 'true, false, "frame", or a number of degrees around the centre', fits: (v) => typeof v === "boolean" || v === null || v === "frame" || isNumber(v) },
  ...Object.fromEntries(["inset", "insetTop", "insetRight", "insetBottom", "insetLeft"].map((key) => [key, { expected: "a number of pixels", fits: isNumber }])),
};

/** Marks placed at points: over shapes they need x and y, or a centroid. */
const pointMarks = new Set(["dot", "circle", "hexagon", "text", "image", "vector", "spike"]);
const centroidTransforms = new Set(["centroid", "geoCentroid"]);

const describe = (value: JsonValue): string =>
  value === null ? "empty" : Array.isArray(value) ? `a list of ${value.length}` : typeof value === "object" ? "a set of options" : typeof value === "string" ? `"${value}"` : String(value);

/**
 * Checks what makes a map: the projection (its name, its options and their values, the shapes its
 * domain names), and marks that need shapes (geo, centroids) or that sit on shapes without a place.
 */
export function checkChartMaps(
  spec: ChartSpec,
  data: ReadonlyMap<string, StoryData>,
  locate: SpecLocator,
  markPaths: ReadonlyMap<MarkSpec, SpecPath>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...checkProjection(spec, data, locate)];
  spec.marks.forEach((mark, index) => {
    const markPath = markPaths.get(mark) ?? ["marks", index, mark.mark];
    if (mark.options["geometry"] !== undefined) {
      diagnostics.push(diagnostic("map/geometry-given", { mark: mark.mark }, locate([...markPath, "geometry"], "key")));
    }
    const centroid = mark.transforms.find((t) => centroidTransforms.has(t.name) && t.value !== false && t.value !== null);
    const id = markDataId(spec, mark);
    const table = typeof id === "string" ? data.get(id)?.table : undefined;
    // Inline rows are never shapes; an unknown id is check-chart-data's to report.
    const onShapes = Array.isArray(mark.data) ? false : table ? table.shapes !== undefined : undefined;
    const at = typeof mark.data === "string" || Array.isArray(mark.data) ? locate([...markPath, "data"]) : locate(markPath, "key");
    if (onShapes === false && (mark.mark === "geo" || centroid)) {
      const how = mark.mark === "geo" ? "draws shapes" : `is placed at shapes' centres (${centroid!.name}: true)`;
      diagnostics.push(diagnostic("map/mark-not-on-shapes", { mark: mark.mark, data: Array.isArray(mark.data) ? "its inline data" : id!, how }, at));
    }
    if (onShapes && pointMarks.has(mark.mark) && !centroid && mark.options["x"] === undefined && mark.options["y"] === undefined) {
      diagnostics.push(diagnostic("map/point-without-position", { mark: mark.mark, data: id! }, locate(markPath, "key")));
    }
  });
  return diagnostics;
}

function checkProjection(spec: ChartSpec, data: ReadonlyMap<string, StoryData>, locate: SpecLocator): Diagnostic[] {
  const projection = spec.options["projection"];
  if (projection === undefined || projection === null) return [];
  const diagnostics: Diagnostic[] = [];
  const checkName = (name: string, path: SpecPath) => {
    if ((projectionNames as readonly string[]).includes(name)) return;
    // "Equal Earth", "albers_usa": written the way the projection's name is spoken.
    const spoken = name.trim().toLowerCase().replace(/[\s_]+/g, "-");
    const suggestion = (projectionNames as readonly string[]).includes(spoken) ? suggest(name, spoken) : didYouMean(name, projectionNames);
    diagnostics.push(diagnostic("map/unknown-projection", { name, suggestion, known: projectionNames }, locate(path)));
  };
  if (typeof projection === "string") {
    checkName(projection, ["projection"]);
    return diagnostics;
  }
  if (!isJsonObject(projection)) {
    const expected = "the name of a projection (equal-earth), or its options ({type: mercator, domain: districts})";
    return [diagnostic("plot/invalid-value", { option: "projection", expected, found: describe(projection) }, locate(["projection"]))];
  }
  for (const [key, value] of Object.entries(projection)) {
    const option = projectionOptions[key];
    if (!option) {
      diagnostics.push(diagnostic("plot/unknown-option", { option: key, scope: "the projection", suggestion: didYouMean(key, Object.keys(projectionOptions)) }, locate(["projection", key], "key")));
      continue;
    }
    if (!option.fits(value)) {
      diagnostics.push(diagnostic("plot/invalid-value", { option: `projection.${key}`, expected: option.expected, found: describe(value) }, locate(["projection", key])));
      continue;
    }
    if (key === "type" && typeof value === "string") checkName(value, ["projection", "type"]);
    if (key === "domain" && typeof value === "string") {
      const table = data.get(value)?.table;
      const known = [...data.keys()];
      if (!table) diagnostics.push(diagnostic("plot/unknown-data", { id: value, suggestion: didYouMean(value, known), known }, locate(["projection", "domain"])));
      else if (!table.shapes) diagnostics.push(diagnostic("map/domain-not-shapes", { data: value }, locate(["projection", "domain"])));
    }
  }
  return diagnostics;
}
