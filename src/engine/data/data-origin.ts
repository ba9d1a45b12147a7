import type { SourceSpan } from "../diagnostics/source-file.ts";

/** The text being read (a block's body or a file under data/) and the way back to positions in it. */
export interface Origin {
  text: string;
  span(start: number, end?: number): SourceSpan;
  /** Where to point for a problem with the data as a whole. */
  whole: SourceSpan;
}
