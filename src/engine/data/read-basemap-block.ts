import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { TypeSpec } from "./read-types-attribute.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { basemapNames, readBasemap } from "../geo/basemaps.ts";
import { shapesRawTable, type ShapesTable } from "./shapes-raw-table.ts";

/**
 * Reads the base map a data block names with basemap= (geo/basemaps.ts). Its `id` column is text even
 * though it is written in digits ("06", "004"): codes keep their leading zeros, unless types= says otherwise.
 */
export function readBasemapBlock(block: StoryBlock, types: TypeSpec[], report: (d: Diagnostic) => void): { shapes: ShapesTable; types: TypeSpec[]; name: string } | undefined {
  const name = block.attribute("basemap") ?? "";
  const span = block.attributeSpan("basemap", "value");
  const others = [
    block.attributes.has("src") ? "a file (src=)" : undefined,
    block.body.text.trim() !== "" ? "rows of its own" : undefined,
    block.attributes.has("format") ? "a format (format=)" : undefined,
    block.attributes.has("object") ? "an object (object=)" : undefined,
  ].filter((other) => other !== undefined);
  if (others.length > 0) {
    report(diagnostic("map/basemap-and-src", { other: others.join(" and ") }, block.attributeSpan("basemap")));
    return undefined;
  }
  const known = name.trim().toLowerCase();
  const read = readBasemap(known);
  if (!read) {
    report(diagnostic("map/unknown-basemap", { name, suggestion: didYouMean(name.trim().toLowerCase(), basemapNames), known: basemapNames }, span));
    return undefined;
  }
  const codes = read.names.includes("id") && !types.some((t) => t.column === "id") ? [{ column: "id", choice: { type: "string" as const }, span }] : [];
  return { shapes: shapesRawTable(read, () => span), types: [...types, ...codes], name: known };
}
