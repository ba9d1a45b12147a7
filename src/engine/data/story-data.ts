import type { StoryBlock } from "../story/story-block.ts";
import type { DataTable } from "./data-table.ts";

/** A data block after parsing, with where it was defined. */
export interface StoryData {
  table: DataTable;
  block: StoryBlock;
}
