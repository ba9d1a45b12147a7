// STUB — being replaced by the chart pipeline (spec parsing, validation, Plot rendering).
import type { StoryData } from "../compile-story.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StoryBlock } from "../story/story-block.ts";

export interface CompiledChart {
  id: string;
  title?: string;
  html: string;
}
export interface ChartContext {
  data: Map<string, StoryData>;
  lang: string;
  storySlug: string;
  usedIds: Set<string>;
}
export function compileChart(block: StoryBlock, _context: ChartContext): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  const id = `chart-${block.index + 1}`;
  return { chart: { id, html: `<figure class="plotline-chart" id="${id}"><svg></svg></figure>` }, diagnostics: [] };
}
