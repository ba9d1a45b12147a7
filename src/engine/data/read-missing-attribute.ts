import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { defaultMissingMarkers, type MissingMarkers } from "./infer-column-types.ts";

/** The block's missing-value markers: missing="-,n.a." replaces the defaults, missing="" means none. */
export function readMissing(block: StoryBlock, report: (d: Diagnostic) => void): MissingMarkers {
  const attribute = block.attributes.get("missing");
  if (!attribute) return defaultMissingMarkers;
  if (attribute.value === true) {
    report(diagnostic("data/missing-syntax", {}, block.attributeSpan("missing")));
    return defaultMissingMarkers;
  }
  const texts = attribute.value
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  return { texts: new Set(texts), explicit: true };
}
