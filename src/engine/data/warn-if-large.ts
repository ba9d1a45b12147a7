import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { DataFormat } from "./data-format.ts";
import type { RawTable } from "./raw-table.ts";

/** Above either size, a block written inside a story gets a warning suggesting a file in data/. */
export const MAX_INLINE_ROWS = 500;
export const MAX_INLINE_BYTES = 50 * 1024;

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** Tables written inside a story are for a few dozen rows; larger ones belong in data/. */
export function warnIfLarge(block: StoryBlock, raw: RawTable, format: DataFormat, text: string, report: (d: Diagnostic) => void): void {
  const rows = raw.kind === "table" ? raw.rows.length : raw.names.length;
  const bytes = Buffer.byteLength(text, "utf8");
  if (rows <= MAX_INLINE_ROWS && bytes <= MAX_INLINE_BYTES) return;
  const id = block.attribute("id") ?? "table";
  report(
    diagnostic(
      "data/large-inline-block",
      { id, rows, size: kilobytes(bytes), rowLimit: MAX_INLINE_ROWS, sizeLimit: kilobytes(MAX_INLINE_BYTES), extension: format === "yaml" ? "yaml" : format },
      block.fenceSpan,
    ),
  );
}
