import type { Code } from "mdast";
import type { SourceSpan } from "../diagnostics/source-file.ts";
import type { BlockBody } from "./block-body.ts";
import type { BlockAttribute } from "./parse-info-string.ts";

export type BlockKind = "data" | "plot";

/** A fenced ```data or ```plot block found in a story, with everything needed to point at its parts. */
export interface StoryBlock {
  kind: BlockKind;
  node: Code;
  /** Index among blocks of the same kind, in document order (0-based). */
  index: number;
  attributes: Map<string, BlockAttribute>;
  body: BlockBody;
  /** The opening fence line. */
  fenceSpan: SourceSpan;
  /** The span of an attribute (its value if `part` is "value"), or of the fence line if it is absent. */
  attributeSpan(name: string, part?: "whole" | "value"): SourceSpan;
  /** The value of a `name=value` attribute, or undefined (also for a bare flag). */
  attribute(name: string): string | undefined;
  flag(name: string): boolean;
}
