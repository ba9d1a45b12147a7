// STUB — being replaced by the full implementation (typing rules, formats, src=, diagnostics).
import { csvParse } from "d3";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";
import type { DataFileSource } from "./data-file-source.ts";
import type { DataTable } from "./data-table.ts";

export function parseDataBlock(block: StoryBlock, _files: DataFileSource): { table?: DataTable; diagnostics: Diagnostic[] } {
  const id = block.attribute("id") ?? "";
  const rows = csvParse(block.body.text);
  return {
    table: { id, kind: "table", columns: rows.columns.map((name) => ({ name, type: "string" })), rows: rows.map((r) => ({ ...r })) },
    diagnostics: [],
  };
}
