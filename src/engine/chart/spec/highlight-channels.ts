import type { MarkSpec } from "./chart-spec.ts";

/** Marks drawn as one path per series: their key is the series' (z, stroke, fill), never a position. */
const seriesMarks = new Set(["line", "lineX", "lineY", "area", "areaX", "areaY"]);

/**
 * The options of a mark that draw the highlight column, in the order they key its elements: a series'
 * z, stroke or fill, a label's text (a line's end label lights with its line), else (bars, dots, cells)
 * the column placed on x or y. Empty: the mark is not highlightable. Axes and grids draw ticks, not rows.
 */
export function highlightChannels(mark: MarkSpec, column: string): string[] {
  if (/^(axis|grid)/.test(mark.mark)) return [];
  const candidates = seriesMarks.has(mark.mark) ? ["z", "stroke", "fill"] : ["z", "fill", "stroke", "text", "x", "y"];
  return candidates.filter((option) => mark.options[option] === column);
}
