import { isJsonObject, type JsonObject, type JsonValue, type SpecPath } from "./chart-spec.ts";
import type { SourceSpan } from "../../diagnostics/source-file.ts";
import { scaleNames } from "./plot-vocabulary.ts";

/** One chart block's YAML as read: its mapping, and how to point into that block. */
export interface YamlLayer {
  raw: JsonObject;
  /** As parse-chart-spec.ts's SpecLocator: the key or value at a path. */
  locate: (path: SpecPath, target?: "key" | "value") => SourceSpan;
  /** As parse-chart-spec.ts's SpecTextLocator: offsets inside a text at a path. */
  locateText: (path: SpecPath, start: number, end: number) => SourceSpan;
}

/**
 * Top-level keys whose mappings a variant merges key by key: `x: {domain: [2020, 2024]}` zooms and keeps
 * the base's x label. Every other key a variant writes replaces the base's.
 */
export const mergedKeys: ReadonlySet<string> = new Set([...scaleNames, "projection", "facet", "plotline", "highlight"]);

/** The key of a chart that appends marks to those it has (a variant's annotations). */
export const ADD_MARKS_KEY = "addMarks";

/**
 * Lays chart YAML over chart YAML, the base first and the variant last (extends=): a variant's keys
 * replace its base's, mappings of scales and figure options merge key by key, `marks:` replaces the
 * marks, and each layer's `addMarks:` appends to them. The result reads as one chart whose marks are
 * all under `marks`; its locators point each path at the block that wrote it, so a problem in an
 * inherited key is shown in the base. One layer alone is the chart as written (with `addMarks:` appended).
 */
export function mergeChartYaml(layers: readonly YamlLayer[]): YamlLayer {
  const raw: JsonObject = {};
  const last = layers.length - 1;
  /** The layer that wrote each top-level key, and each key of a merged mapping. */
  const keyOwner = new Map<string, number>();
  const subOwner = new Map<string, Map<string, number>>();
  /** The marks so far, each with the layer and path it was written at; null while `marks:` is not a list. */
  let marks: { item: JsonValue; layer: number; path: SpecPath }[] | null = [];
  let hasMarks = false;
  layers.forEach((layer, index) => {
    for (const [key, value] of Object.entries(layer.raw)) {
      if (key === "marks") {
        hasMarks = true;
        keyOwner.set(key, index);
        marks = Array.isArray(value) ? value.map((item, i) => ({ item, layer: index, path: ["marks", i] })) : null;
        if (!Array.isArray(value)) raw[key] = value;
      } else if (key === ADD_MARKS_KEY && Array.isArray(value)) {
        hasMarks = true;
        marks?.push(...value.map((item, i) => ({ item, layer: index, path: [ADD_MARKS_KEY, i] })));
      } else {
        const before = key === "highlight" && typeof raw[key] === "string" && isJsonObject(value) && !("by" in value) ? { by: raw[key] } : raw[key];
        if (mergedKeys.has(key) && isJsonObject(before) && isJsonObject(value)) {
          const owners = subOwner.get(key) ?? new Map(Object.keys(before).map((sub) => [sub, keyOwner.get(key) ?? index]));
          for (const sub of Object.keys(value)) owners.set(sub, index);
          subOwner.set(key, owners);
          raw[key] = { ...before, ...value };
        } else {
          subOwner.delete(key);
          raw[key] = value;
        }
        keyOwner.set(key, index);
      }
    }
  });
  const finalMarks = marks as { item: JsonValue; layer: number; path: SpecPath }[] | null;
  if (hasMarks && finalMarks) raw["marks"] = finalMarks.map((mark) => mark.item);

  /** Where a path of the merged chart was written: the layer, and the path in that layer's YAML. */
  const origin = (path: SpecPath): { layer: YamlLayer; path: SpecPath } => {
    const [key, next, ...rest] = path;
    if (key === "marks" && typeof next === "number" && finalMarks?.[next]) {
      const mark = finalMarks[next]!;
      return { layer: layers[mark.layer]!, path: [...mark.path, ...rest] };
    }
    if (typeof key !== "string") return { layer: layers[last]!, path };
    const sub = next === undefined ? undefined : subOwner.get(key)?.get(String(next));
    return { layer: layers[sub ?? keyOwner.get(key) ?? last]!, path };
  };
  return {
    raw,
    locate: (path, target) => {
      const found = origin(path);
      return found.layer.locate(found.path, target);
    },
    locateText: (path, start, end) => {
      const found = origin(path);
      return found.layer.locateText(found.path, start, end);
    },
  };
}
